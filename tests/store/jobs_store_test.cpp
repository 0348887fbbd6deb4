// Durable jobs in SQL, on both engines (docs/jobs.md): the outbox (a job exists only if its
// transaction committed), claiming (due jobs only, one claimer per job even when many race),
// completion, failure with the retry delays and the last attempt parked as failed, leases
// that expire so another worker takes a dead worker's job, fencing of a lost claim, the
// admin's retry and list. Instants are explicit: the store takes `now` from its caller.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "store/database.hpp"
#include "store/jobs/jobs.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace egov::store {
namespace {

using core::jobs::Job;
using core::jobs::State;

constexpr std::int64_t kT0 = 1'780'000'000'000;  // 2026-05-28T20:26:40Z
constexpr std::int64_t kLease = 300'000;

class JobsStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Database>(test_db_.url(), 4);
    Migrate(*db_);
  }
  std::int64_t Add(const std::string& kind, std::int64_t run_at = kT0, int max_attempts = 10,
                   const std::string& payload = "{}") {
    WriteTransaction tx(*db_);
    auto id = jobs::Enqueue(tx, {kind, payload, run_at, max_attempts}, kT0);
    tx.Commit();
    return id;
  }
  std::optional<Job> Claim(const std::string& kind, std::int64_t now,
                           const std::string& worker = "host-a:1") {
    WriteTransaction tx(*db_);
    auto job = jobs::Claim(tx, kind, worker, now, now + kLease);
    tx.Commit();
    return job;
  }
  bool Complete(const Job& job, std::int64_t now) {
    WriteTransaction tx(*db_);
    bool held = jobs::Complete(tx, job, now);
    tx.Commit();
    return held;
  }
  std::optional<core::jobs::AfterFailure> Fail(const Job& job, const std::string& error,
                                               std::int64_t now) {
    WriteTransaction tx(*db_);
    auto after = jobs::Fail(tx, job, error, now);
    tx.Commit();
    return after;
  }
  Job Get(std::int64_t id) {
    Session s(*db_);
    auto job = jobs::Find(s, id);
    if (!job) throw std::runtime_error("no job " + std::to_string(id));
    return *job;
  }
  testing::TestDatabase test_db_{GetParam()};
  std::unique_ptr<Database> db_;
};

INSTANTIATE_TEST_SUITE_P(Engines, JobsStoreTest, ::testing::ValuesIn(egov::testing::Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(JobsStoreTest, AJobExistsOnlyIfItsTransactionCommitted) {
  {
    WriteTransaction tx(*db_);
    jobs::Enqueue(tx, {"citizen_notice", R"({"dossier_code":"X"})", kT0}, kT0);
    // destroyed without Commit: rolled back
  }
  try {
    WriteTransaction tx(*db_);
    jobs::Enqueue(tx, {"citizen_notice", "{}", kT0}, kT0);
    throw std::runtime_error("the change failed after the enqueue");
  } catch (const std::runtime_error&) {
  }
  {
    Session s(*db_);
    EXPECT_EQ(jobs::List(s, {}).total, 0);
  }
  const auto id = Add("citizen_notice", kT0, 10, R"({"dossier_code":"X"})");
  Session s(*db_);
  auto all = jobs::List(s, {});
  ASSERT_EQ(all.total, 1);
  const Job& j = all.items.at(0);
  EXPECT_EQ(j.id, id);
  EXPECT_EQ(j.kind, "citizen_notice");
  EXPECT_EQ(j.payload, R"({"dossier_code":"X"})");
  EXPECT_EQ(j.state, State::kQueued);
  EXPECT_EQ(j.run_at, kT0);
  EXPECT_EQ(j.attempts, 0);
  EXPECT_EQ(j.max_attempts, 10);
  EXPECT_EQ(j.progress, 0);
  EXPECT_EQ(j.created_at, kT0);
  EXPECT_FALSE(j.last_error || j.lease_until || j.claimed_by || j.finished_at || j.progress_note);
}

TEST_P(JobsStoreTest, EnqueueRefusesABadKindOrAnOversizedPayload) {
  WriteTransaction tx(*db_);
  EXPECT_THROW(jobs::Enqueue(tx, {"Citizen", "{}", kT0}, kT0), std::invalid_argument);
  EXPECT_THROW(jobs::Enqueue(tx, {"", "{}", kT0}, kT0), std::invalid_argument);
  EXPECT_THROW(jobs::Enqueue(tx, {"a", std::string(64 * 1024 + 1, 'x'), kT0}, kT0),
               std::invalid_argument);
  EXPECT_THROW(jobs::Enqueue(tx, {"a", "{}", kT0, 0}, kT0), std::invalid_argument);
  EXPECT_GT(jobs::Enqueue(tx, {"a", std::string(64 * 1024, 'x'), kT0}, kT0), 0);
}

TEST_P(JobsStoreTest, ClaimTakesTheDueJobsOfItsKindInOrderThenCompletes) {
  const auto later = Add("mail", kT0 + 60'000);
  const auto first = Add("mail", kT0 - 1000);
  const auto second = Add("mail", kT0);
  Add("ocr", kT0 - 5000);
  auto a = Claim("mail", kT0);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, first);
  EXPECT_EQ(a->state, State::kRunning);
  EXPECT_EQ(a->attempts, 1);
  EXPECT_EQ(a->lease_until, kT0 + kLease);
  EXPECT_EQ(a->claimed_by, "host-a:1");
  auto b = Claim("mail", kT0);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, second);
  EXPECT_FALSE(Claim("mail", kT0));             // `later` is not due yet
  EXPECT_FALSE(Claim("mail", kT0 + 59'999));    // nor a millisecond before
  EXPECT_FALSE(Claim("sms", kT0 + 3'600'000));  // no job of that kind
  auto c = Claim("mail", kT0 + 60'000);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->id, later);

  EXPECT_TRUE(Complete(*a, kT0 + 2000));
  auto done = Get(first);
  EXPECT_EQ(done.state, State::kDone);
  EXPECT_EQ(done.progress, 100);
  EXPECT_EQ(done.finished_at, kT0 + 2000);
  EXPECT_EQ(done.lease_until, std::nullopt);
  EXPECT_EQ(done.attempts, 1);
  EXPECT_FALSE(Complete(*a, kT0 + 3000));  // once only
  // A done job is never claimed again, however late.
  EXPECT_TRUE(Complete(*b, kT0 + 2000));
  EXPECT_TRUE(Complete(*c, kT0 + 61'000));
  EXPECT_FALSE(Claim("mail", kT0 + 100 * kLease));
}

TEST_P(JobsStoreTest, FailuresRetryWithGrowingDelaysAndTheLastAttemptParksTheJob) {
  const auto id = Add("mail", kT0, 4);
  std::int64_t now = kT0;
  // The delays after attempts 1, 2, 3: 30 s, 60 s, 120 s, each plus at most a tenth.
  const std::int64_t base[] = {30'000, 60'000, 120'000};
  for (int attempt = 1; attempt <= 3; ++attempt) {
    auto job = Claim("mail", now);
    ASSERT_TRUE(job) << attempt;
    EXPECT_EQ(job->attempts, attempt);
    auto after = Fail(*job, "SMTP 451 thử lại sau", now);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->state, State::kQueued);
    const auto stored = Get(id);
    EXPECT_EQ(stored.state, State::kQueued);
    EXPECT_EQ(stored.last_error, "SMTP 451 thử lại sau");
    EXPECT_EQ(stored.lease_until, std::nullopt);
    EXPECT_EQ(stored.finished_at, std::nullopt);
    const std::int64_t delay = stored.run_at - now;
    EXPECT_GE(delay, base[attempt - 1]) << attempt;
    EXPECT_LE(delay, base[attempt - 1] + base[attempt - 1] / 10) << attempt;
    if (attempt == 1) {
      EXPECT_LE(delay, 60'000);  // the first retry within a minute
    }
    EXPECT_FALSE(Claim("mail", stored.run_at - 1)) << attempt;
    now = stored.run_at;
  }
  auto last = Claim("mail", now);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->attempts, 4);
  auto after = Fail(*last, "550 hộp thư không tồn tại", now + 500);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->state, State::kFailed);
  auto parked = Get(id);
  EXPECT_EQ(parked.state, State::kFailed);
  EXPECT_EQ(parked.last_error, "550 hộp thư không tồn tại");
  EXPECT_EQ(parked.finished_at, now + 500);
  EXPECT_EQ(parked.attempts, 4);
  EXPECT_FALSE(Claim("mail", now + 100 * 3'600'000));

  // The administrator's retry: queued now, four more attempts, the error kept meanwhile.
  {
    WriteTransaction tx(*db_);
    EXPECT_TRUE(jobs::Retry(tx, id, now + 10'000));
    tx.Commit();
  }
  auto again = Get(id);
  EXPECT_EQ(again.state, State::kQueued);
  EXPECT_EQ(again.attempts, 0);
  EXPECT_EQ(again.run_at, now + 10'000);
  EXPECT_EQ(again.finished_at, std::nullopt);
  EXPECT_EQ(again.last_error, "550 hộp thư không tồn tại");
  {
    WriteTransaction tx(*db_);
    EXPECT_FALSE(jobs::Retry(tx, id, now + 10'000));  // only a failed job
    EXPECT_FALSE(jobs::Retry(tx, id + 1000, now));    // nor one that does not exist
  }
  auto retried = Claim("mail", now + 10'000);
  ASSERT_TRUE(retried);
  EXPECT_EQ(retried->attempts, 1);
  EXPECT_TRUE(Complete(*retried, now + 11'000));
}

TEST_P(JobsStoreTest, TheCapIsAnHour) {
  const auto id = Add("mail", kT0, 20);
  std::int64_t now = kT0;
  for (int attempt = 1; attempt <= 12; ++attempt) {
    auto job = Claim("mail", now);
    ASSERT_TRUE(job);
    Fail(*job, "down", now);
    now = Get(id).run_at;
  }
  auto job = Claim("mail", now);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->attempts, 13);
  Fail(*job, "down", now);
  const auto delay = Get(id).run_at - now;
  EXPECT_GE(delay, 3'600'000);
  EXPECT_LE(delay, 3'960'000);
}

TEST_P(JobsStoreTest, AnExpiredLeaseLetsAnotherWorkerTakeTheJobAndFencesTheFirst) {
  const auto id = Add("ocr", kT0, 3);
  auto a = Claim("ocr", kT0, "host-a:1");
  ASSERT_TRUE(a);
  // Held until the lease ends: nobody else takes it before.
  EXPECT_FALSE(Claim("ocr", kT0 + kLease - 1, "host-b:2"));
  // The first worker reports progress, which extends its lease.
  {
    WriteTransaction tx(*db_);
    EXPECT_TRUE(jobs::ReportProgress(tx, *a, 40, "Trang 4/10", kT0 + 1000 + kLease));
    tx.Commit();
  }
  auto running = Get(id);
  EXPECT_EQ(running.progress, 40);
  EXPECT_EQ(running.progress_note, "Trang 4/10");
  EXPECT_EQ(running.lease_until, kT0 + 1000 + kLease);
  EXPECT_FALSE(Claim("ocr", kT0 + kLease, "host-b:2"));
  // Then it dies: its lease runs out and another worker claims the job.
  auto b = Claim("ocr", kT0 + 1000 + kLease, "host-b:2");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, id);
  EXPECT_EQ(b->attempts, 2);
  EXPECT_EQ(b->claimed_by, "host-b:2");
  EXPECT_EQ(b->progress, 0);
  EXPECT_EQ(b->progress_note, std::nullopt);
  // The first worker, back from the dead, can change nothing.
  {
    WriteTransaction tx(*db_);
    EXPECT_FALSE(jobs::Complete(tx, *a, kT0 + 2000 + kLease));
    EXPECT_FALSE(jobs::Fail(tx, *a, "late", kT0 + 2000 + kLease));
    EXPECT_FALSE(jobs::ReportProgress(tx, *a, 90, "", kT0 + 9'000'000));
    EXPECT_FALSE(jobs::ExtendLease(tx, *a, kT0 + 9'000'000));
    tx.Commit();
  }
  {
    WriteTransaction tx(*db_);
    EXPECT_TRUE(jobs::ExtendLease(tx, *b, kT0 + 5000 + 2 * kLease));
    tx.Commit();
  }
  EXPECT_EQ(Get(id).lease_until, kT0 + 5000 + 2 * kLease);
  EXPECT_TRUE(Complete(*b, kT0 + 6000 + kLease));
  EXPECT_EQ(Get(id).state, State::kDone);
  EXPECT_EQ(Get(id).claimed_by, "host-b:2");
}

TEST_P(JobsStoreTest, AJobWhoseLastAttemptDiedIsParkedAsFailed) {
  const auto id = Add("ocr", kT0, 2);
  auto a = Claim("ocr", kT0, "host-a:1");
  ASSERT_TRUE(a);
  auto b = Claim("ocr", kT0 + kLease, "host-b:2");  // the first process died
  ASSERT_TRUE(b);
  EXPECT_EQ(b->attempts, 2);
  // The second dies too: no attempt is left, so the next claim parks it instead.
  EXPECT_FALSE(Claim("ocr", kT0 + 2 * kLease, "host-c:3"));
  auto parked = Get(id);
  EXPECT_EQ(parked.state, State::kFailed);
  EXPECT_EQ(parked.finished_at, kT0 + 2 * kLease);
  EXPECT_EQ(parked.last_error,
            "Hết thời hạn giữ việc ở lần thử cuối: tiến trình xử lý đã dừng giữa chừng.");
}

// Many workers on two separate pools (as two processes would be) race for the same jobs:
// every job is claimed exactly once.
TEST_P(JobsStoreTest, RacingClaimersNeverTakeTheSameJob) {
  constexpr int kJobs = 120;
  for (int i = 0; i < kJobs; ++i) Add("race", kT0 + i);
  Database other(test_db_.url(), 4);
  std::mutex mutex;
  std::map<std::int64_t, int> claims;
  std::atomic<int> errors{0};
  auto worker = [&](Database& db, std::string name) {
    try {
      for (;;) {
        std::optional<Job> job;
        {
          WriteTransaction tx(db);
          job = jobs::Claim(tx, "race", name, kT0 + kJobs, kT0 + kJobs + kLease);
          if (job && !jobs::Complete(tx, *job, kT0 + kJobs)) ++errors;
          tx.Commit();
        }
        if (!job) return;
        std::lock_guard lock(mutex);
        ++claims[job->id];
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
      ++errors;
    }
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back(worker, std::ref(*db_), "a:" + std::to_string(i));
    threads.emplace_back(worker, std::ref(other), "b:" + std::to_string(i));
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(errors.load(), 0);
  ASSERT_EQ(claims.size(), static_cast<std::size_t>(kJobs));
  for (const auto& [id, n] : claims) EXPECT_EQ(n, 1) << id;
  Session s(*db_);
  EXPECT_EQ(jobs::List(s, {State::kDone, "race", 1, 500}).total, kJobs);
}

TEST_P(JobsStoreTest, APeriodIsTakenOnceWhateverTheNumberOfRacers) {
  {
    WriteTransaction tx(*db_);
    jobs::EnsureSchedule(tx, "scan", 60'000, kT0);
    jobs::EnsureSchedule(tx, "scan", 60'000, kT0 + 999'999);  // exists: its next run kept
    tx.Commit();
  }
  auto take = [&](std::int64_t now) {
    WriteTransaction tx(*db_);
    const bool taken = jobs::TakeSchedule(tx, "scan", now);
    tx.Commit();
    return taken;
  };
  EXPECT_FALSE(take(kT0 - 1));
  EXPECT_TRUE(take(kT0));
  EXPECT_FALSE(take(kT0));  // the period is taken
  EXPECT_FALSE(take(kT0 + 59'999));
  EXPECT_TRUE(take(kT0 + 60'000));
  EXPECT_TRUE(take(kT0 - 3'600'000));  // the clock went back an hour: taken, not stuck

  // Six racers on two pools, each taking the same period: exactly one wins each of ten.
  Database other(test_db_.url(), 4);
  std::atomic<int> wins{0};
  for (int period = 1; period <= 10; ++period) {
    const std::int64_t now = kT0 + period * 3'600'000;
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i) {
      threads.emplace_back([&, i] {
        try {
          WriteTransaction tx(i % 2 ? other : *db_);
          if (jobs::TakeSchedule(tx, "scan", now)) ++wins;
          tx.Commit();
        } catch (const std::exception& e) {
          ADD_FAILURE() << e.what();
        }
      });
    }
    for (auto& t : threads) t.join();
  }
  EXPECT_EQ(wins.load(), 10);
}

TEST_P(JobsStoreTest, PendingJobsAndTheDeletionOfOldDoneOnes) {
  const auto old_done = Add("keep");
  const auto failed = Add("keep", kT0, 1);
  const auto recent_done = Add("keep");
  const auto queued = Add("keep", kT0 + 10'000'000);
  auto a = Claim("keep", kT0);
  ASSERT_TRUE(a && a->id == old_done);
  ASSERT_TRUE(Complete(*a, kT0 + 1000));
  auto b = Claim("keep", kT0);
  ASSERT_TRUE(b && b->id == failed);
  ASSERT_TRUE(Fail(*b, "x", kT0 + 1000));
  auto c = Claim("keep", kT0);
  ASSERT_TRUE(c && c->id == recent_done);
  ASSERT_TRUE(Complete(*c, kT0 + 5000));
  {
    Session s(*db_);
    EXPECT_TRUE(jobs::HasPending(s, "keep"));  // the queued one
    EXPECT_FALSE(jobs::HasPending(s, "other"));
  }
  WriteTransaction tx(*db_);
  EXPECT_EQ(jobs::DeleteDone(tx, kT0 + 2000, 100), 1);  // only the old done one
  tx.Commit();
  Session s(*db_);
  EXPECT_FALSE(jobs::Find(s, old_done));
  EXPECT_TRUE(jobs::Find(s, failed));
  EXPECT_TRUE(jobs::Find(s, recent_done));
  EXPECT_TRUE(jobs::Find(s, queued));
}

TEST_P(JobsStoreTest, ListsFilterByStateAndKindNewestFirstAndCount) {
  const auto m1 = Add("mail");
  const auto o1 = Add("ocr");
  const auto m2 = Add("mail");
  const auto m3 = Add("mail");
  auto claimed = Claim("mail", kT0);  // m1 running
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, m1);
  Session s(*db_);
  auto all = jobs::List(s, {std::nullopt, "", 1, 2});
  EXPECT_EQ(all.total, 4);
  ASSERT_EQ(all.items.size(), 2u);
  EXPECT_EQ(all.items[0].id, m3);
  EXPECT_EQ(all.items[1].id, m2);
  auto page2 = jobs::List(s, {std::nullopt, "", 2, 2});
  ASSERT_EQ(page2.items.size(), 2u);
  EXPECT_EQ(page2.items[0].id, o1);
  EXPECT_EQ(page2.items[1].id, m1);
  auto queued_mail = jobs::List(s, {State::kQueued, "mail", 1, 50});
  EXPECT_EQ(queued_mail.total, 2);
  ASSERT_EQ(queued_mail.items.size(), 2u);
  EXPECT_EQ(queued_mail.items[0].id, m3);
  auto running = jobs::List(s, {State::kRunning, "", 1, 50});
  ASSERT_EQ(running.total, 1);
  EXPECT_EQ(running.items[0].id, m1);
  EXPECT_EQ(jobs::List(s, {std::nullopt, "ocr", 1, 50}).total, 1);
  EXPECT_EQ(jobs::List(s, {State::kFailed, "", 1, 50}).total, 0);
  EXPECT_EQ(jobs::List(s, {std::nullopt, "sms", 1, 50}).total, 0);

  auto counts = jobs::CountByKindAndState(s);
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].kind, "mail");
  EXPECT_EQ(counts[0].state, State::kQueued);
  EXPECT_EQ(counts[0].count, 2);
  EXPECT_EQ(counts[1].kind, "mail");
  EXPECT_EQ(counts[1].state, State::kRunning);
  EXPECT_EQ(counts[1].count, 1);
  EXPECT_EQ(counts[2].kind, "ocr");
  EXPECT_EQ(counts[2].state, State::kQueued);
  EXPECT_EQ(counts[2].count, 1);
}

TEST_P(JobsStoreTest, ProgressIsClampedAndTextsAreCutAtACharacter) {
  Add("export");
  auto job = Claim("export", kT0);
  ASSERT_TRUE(job);
  {
    WriteTransaction tx(*db_);
    EXPECT_TRUE(jobs::ReportProgress(tx, *job, 250, std::string(600, 'x'), kT0 + kLease));
    tx.Commit();
  }
  auto j = Get(job->id);
  EXPECT_EQ(j.progress, 100);
  EXPECT_EQ(j.progress_note->size(), 500u);
  {
    WriteTransaction tx(*db_);
    EXPECT_TRUE(jobs::ReportProgress(tx, *job, -5, "", kT0 + kLease));
    tx.Commit();
  }
  j = Get(job->id);
  EXPECT_EQ(j.progress, 0);
  EXPECT_EQ(j.progress_note, std::nullopt);
  std::string error;
  for (int i = 0; i < 700; ++i) error += "lỗi";  // 5 bytes each: 3500 bytes
  Fail(*job, error, kT0 + 1);
  j = Get(job->id);
  ASSERT_TRUE(j.last_error);
  EXPECT_EQ(j.last_error->size(), 2000u);
  EXPECT_EQ(*j.last_error, error.substr(0, 2000));
}

}  // namespace
}  // namespace egov::store
