// The worker pool driven by hand (RunOne) with a controlled clock, on a real SQLite database:
// only kinds with a handler are claimed; a handler that throws fails the attempt with its
// message and the job comes back after the backoff delay, not before; after the last
// attempt it is failed with the error kept and counted; progress is recorded; an
// administrator's retry; the metrics text. The threads (Start/Stop) run a job and stop.
#include "service/jobs/worker.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/testing/fake_clock.hpp"
#include "service/jobs/job_queue.hpp"
#include "service/jobs/jobs.hpp"
#include "store/database.hpp"
#include "store/jobs/jobs.hpp"
#include "store/migrations.hpp"

namespace egov::service::jobs {
namespace {

using core::calendar::FormatVietnamInstant;
using core::calendar::ParseIsoInstant;
using core::jobs::State;

class WorkerTest : public ::testing::Test {
 protected:
  static std::string MakeDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egov-worker-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }
  void SetUp() override { store::Migrate(db_); }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::int64_t Add(const std::string& kind, const std::string& payload = "{}",
                   int max_attempts = 10) {
    store::WriteTransaction tx(db_);
    auto id = store::jobs::Enqueue(tx, {kind, payload, clock_.NowMillis(), max_attempts},
                                   clock_.NowMillis());
    tx.Commit();
    return id;
  }
  core::jobs::Job Get(std::int64_t id) {
    store::Session s(db_);
    return *store::jobs::Find(s, id);
  }
  static std::string At(std::int64_t ms) { return FormatVietnamInstant(ms); }
  void SetClock(const std::string& instant) { clock_.Set(ParseIsoInstant(instant)); }

  std::string dir_ = MakeDir();
  store::Database db_{"sqlite:" + dir_ + "/egov.db", 4};
  core::testing::FakeClock clock_{ParseIsoInstant("2026-02-16T23:59:00+07:00")};  // Tết's eve
  JobRegistry registry_;
};

TEST_F(WorkerTest, OnlyKindsWithAHandlerAreClaimed) {
  std::vector<std::string> seen;
  registry_.Register("mail", [&](JobContext& c) { seen.push_back(c.payload()); });
  const auto unhandled = Add("citizen_notice");
  const auto mail = Add("mail", R"({"to":"a"})");
  WorkerPool pool(db_, clock_, registry_, {.workers = 0, .worker_id = "test:1"});
  EXPECT_TRUE(pool.RunOne());
  EXPECT_FALSE(pool.RunOne());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0], R"({"to":"a"})");
  EXPECT_EQ(Get(mail).state, State::kDone);
  EXPECT_EQ(Get(mail).finished_at, ParseIsoInstant("2026-02-16T23:59:00+07:00"));
  EXPECT_EQ(Get(unhandled).state, State::kQueued);
  EXPECT_EQ(Get(unhandled).attempts, 0);
}

TEST_F(WorkerTest, RegistryRefusesBadAndDuplicateKinds) {
  registry_.Register("mail", [](JobContext&) {});
  EXPECT_THROW(registry_.Register("mail", [](JobContext&) {}), std::invalid_argument);
  EXPECT_THROW(registry_.Register("Mail", [](JobContext&) {}), std::invalid_argument);
  EXPECT_THROW(registry_.Register("sms", JobHandler()), std::invalid_argument);
  EXPECT_EQ(registry_.Kinds(), std::vector<std::string>{"mail"});
}

TEST_F(WorkerTest, AThrowingHandlerIsRetriedAfterTheBackoffThenParkedWithItsError) {
  int calls = 0;
  registry_.Register("mail", [&](JobContext& c) {
    ++calls;
    throw std::runtime_error("SMTP 421 lần " + std::to_string(c.attempt()));
  });
  const auto id = Add("mail", "{}", 3);
  WorkerPool pool(db_, clock_, registry_, {.workers = 0, .worker_id = "test:1"});
  // Attempt 1 at 23:59:00 fails: back within 30–33 s, so due at 23:59:30–23:59:33.
  EXPECT_TRUE(pool.RunOne());
  auto j = Get(id);
  EXPECT_EQ(j.state, State::kQueued);
  EXPECT_EQ(j.last_error, "SMTP 421 lần 1");
  EXPECT_GE(j.run_at, ParseIsoInstant("2026-02-16T23:59:30+07:00"));
  EXPECT_LE(j.run_at, ParseIsoInstant("2026-02-16T23:59:33+07:00"));
  SetClock("2026-02-16T23:59:29+07:00");
  EXPECT_FALSE(pool.RunOne());  // not before its time
  clock_.Set(j.run_at);
  EXPECT_TRUE(pool.RunOne());  // attempt 2: back 60–66 s later, past midnight into Tết
  j = Get(id);
  EXPECT_EQ(j.last_error, "SMTP 421 lần 2");
  EXPECT_EQ(At(j.run_at).substr(0, 16), "2026-02-17T00:00");
  EXPECT_FALSE(pool.RunOne());
  clock_.Set(j.run_at);
  EXPECT_TRUE(pool.RunOne());  // attempt 3, the last: failed for good
  j = Get(id);
  EXPECT_EQ(j.state, State::kFailed);
  EXPECT_EQ(j.attempts, 3);
  EXPECT_EQ(j.last_error, "SMTP 421 lần 3");
  EXPECT_EQ(j.finished_at, j.run_at);
  clock_.Advance(24 * 3600 * 1000);
  EXPECT_FALSE(pool.RunOne());
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(pool.Failures(), (std::vector<std::pair<std::string, std::uint64_t>>{{"mail", 3}}));
}

TEST_F(WorkerTest, AHandlerReportsProgressAndAnAdminRetriesAFailedJob) {
  bool fail = true;
  std::vector<int> seen_progress;
  registry_.Register("export", [&](JobContext& c) {
    EXPECT_TRUE(c.ReportProgress(50, "Nửa chặng"));
    auto running = Get(c.job().id);
    seen_progress.push_back(running.progress);
    EXPECT_EQ(running.progress_note, "Nửa chặng");
    EXPECT_EQ(running.lease_until, clock_.NowMillis() + 60'000);
    EXPECT_TRUE(c.ExtendLease());
    if (fail) throw std::runtime_error("hết dung lượng");
  });
  const auto id = Add("export", "{}", 1);
  WorkerPool pool(db_, clock_, registry_,
                  {.workers = 0, .lease_millis = 60'000, .worker_id = "test:1"});
  EXPECT_TRUE(pool.RunOne());
  EXPECT_EQ(Get(id).state, State::kFailed);
  EXPECT_EQ(Get(id).last_error, "hết dung lượng");

  Jobs jobs(db_, clock_);
  core::access::Caller root_admin;
  root_admin.username = "quantri.tinh";
  root_admin.agency_path = "/1/";
  root_admin.roles = {core::access::Role::kAdmin};
  core::access::Caller district_admin = root_admin;
  district_admin.agency_path = "/1/2/";
  EXPECT_THROW(jobs.Retry(district_admin, id), egov::Error);
  SetClock("2026-02-17T08:00:00+07:00");
  auto retried = jobs.Retry(root_admin, id);
  EXPECT_EQ(retried.state, State::kQueued);
  EXPECT_EQ(retried.attempts, 0);
  EXPECT_EQ(retried.run_at, ParseIsoInstant("2026-02-17T08:00:00+07:00"));
  try {
    jobs.Retry(root_admin, id);
    ADD_FAILURE() << "retried a queued job";
  } catch (const egov::Error& e) {
    EXPECT_EQ(e.code(), egov::ErrorCode::kConflict);
  }
  fail = false;
  EXPECT_TRUE(pool.RunOne());
  EXPECT_EQ(Get(id).state, State::kDone);
  EXPECT_EQ(Get(id).progress, 100);
  EXPECT_EQ(seen_progress, (std::vector<int>{50, 50}));
  auto counts = jobs.QueueCounts();
  EXPECT_EQ(MetricsText(counts, pool.Failures()),
            "# HELP egov_jobs Background jobs by kind and state.\n"
            "# TYPE egov_jobs gauge\n"
            "egov_jobs{kind=\"export\",state=\"queued\"} 0\n"
            "egov_jobs{kind=\"export\",state=\"running\"} 0\n"
            "egov_jobs{kind=\"export\",state=\"done\"} 1\n"
            "egov_jobs{kind=\"export\",state=\"failed\"} 0\n"
            "# HELP egov_job_failures_total Failed attempts of background jobs in this process.\n"
            "# TYPE egov_job_failures_total counter\n"
            "egov_job_failures_total{kind=\"export\"} 1\n");
}

TEST_F(WorkerTest, QueueCountsAreReadAtMostEveryFiveSeconds) {
  Jobs jobs(db_, clock_);
  Add("mail");
  ASSERT_EQ(jobs.QueueCounts().size(), 1u);
  Add("sms");
  EXPECT_EQ(jobs.QueueCounts().size(), 1u);  // the same answer within 5 s
  clock_.Advance(4999);
  EXPECT_EQ(jobs.QueueCounts().size(), 1u);
  clock_.Advance(1);
  EXPECT_EQ(jobs.QueueCounts().size(), 2u);
}

TEST_F(WorkerTest, TheOutboxWritesInTheCallersTransaction) {
  JobQueue queue(clock_);
  {
    store::WriteTransaction tx(db_);
    queue.Enqueue(tx, "mail", "{}");
  }  // rolled back
  {
    store::WriteTransaction tx(db_);
    queue.EnqueueAt(tx, "mail", R"({"n":2})", ParseIsoInstant("2026-02-23T07:30:00+07:00"));
    tx.Commit();
  }
  store::Session s(db_);
  auto all = store::jobs::List(s, {});
  ASSERT_EQ(all.total, 1);
  EXPECT_EQ(all.items[0].payload, R"({"n":2})");
  EXPECT_EQ(At(all.items[0].run_at), "2026-02-23T07:30:00+07:00");
  EXPECT_EQ(At(all.items[0].created_at), "2026-02-16T23:59:00+07:00");
}

TEST_F(WorkerTest, ThreadsRunDueJobsAndStopAfterTheirJob) {
  std::atomic<int> runs{0};
  registry_.Register("mail", [&](JobContext&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ++runs;
  });
  for (int i = 0; i < 6; ++i) Add("mail");
  WorkerPool pool(db_, clock_, registry_, {.workers = 2, .poll_millis = 10});
  pool.Start();
  for (int i = 0; i < 500 && runs.load() < 6; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pool.Stop();
  EXPECT_EQ(runs.load(), 6);
  store::Session s(db_);
  EXPECT_EQ(store::jobs::List(s, {State::kDone, "mail", 1, 50}).total, 6);
}

}  // namespace
}  // namespace egov::service::jobs
