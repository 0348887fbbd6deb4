// Durable jobs over real HTTP and real processes, on both engines (docs/jobs.md):
// - the citizen outbox: each event a citizen must hear about enqueues exactly one
//   citizen_notice job with the event's id, in the event's transaction — an intake whose
//   transaction fails at its commit (a deferred constraint the test adds) leaves neither a
//   dossier nor a job;
// - the admin routes (401, 403 for any but an administrator of the root agency, 422, 404,
//   409 for the retry of a job that is not failed) and GET /metrics;
// - retries with backoff on the test clock, through the real worker pool;
// - several processes: two `egov serve` on one PostgreSQL (one on SQLite) run every job
//   exactly once; a process killed with kill -9 mid-job loses none (another takes the job
//   once its lease expires); SIGTERM lets the running job finish.
// The jobs that take time are of the test-only kind `test_echo` (app/test_jobs.hpp), which
// appends each finished run to a file; they are enqueued through the store.
#include <gtest/gtest.h>
#include <signal.h>
#include <soci/soci.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <thread>

#include "core/calendar/date.hpp"
#include "demo_api.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "store/database.hpp"
#include "store/jobs/jobs.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using core::jobs::Job;
using core::jobs::State;
using Headers = std::map<std::string, std::string>;

constexpr const char* kLand = "1.012789";
constexpr const char* kMonday = "2026-02-02T08:00:00+07:00";

class JobsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto r = RunEgov({"demo", "--no-dossiers", "--db", db_.url()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override {
    servers_.clear();
    std::filesystem::remove_all(dir_);
  }

  // A server with the test job kind and `[jobs]` as given, on the test clock at `start_at`
  // (empty: the real clock).
  EgovServer& Serve(unsigned workers, const std::string& start_at = "",
                    unsigned lease_seconds = 2) {
    const std::string config = dir_ + "/egov-" + std::to_string(servers_.size()) + ".toml";
    std::ofstream(config) << "[jobs]\nworkers = " << workers
                          << "\nlease_seconds = " << lease_seconds << "\npoll_ms = 20\n";
    servers_.push_back(std::make_unique<EgovServer>(
        db_.url(),
        std::vector<std::string>{"--public-rate-limit", "0", "--config", config, "--test-job-log",
                                 log_},
        start_at));
    return *servers_.back();
  }
  static HttpClient Client(const EgovServer& server) {
    return HttpClient(server.host(), server.port());
  }

  store::Database& Db() {
    if (!store_) store_ = std::make_unique<store::Database>(db_.url(), 2);
    return *store_;
  }
  std::int64_t AddJob(const std::string& kind, const std::string& payload, std::int64_t run_at,
                      int max_attempts = 10) {
    store::WriteTransaction tx(Db());
    auto id = store::jobs::Enqueue(tx, {kind, payload, run_at, max_attempts}, run_at);
    tx.Commit();
    return id;
  }
  static std::int64_t NowMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  Job GetJob(std::int64_t id) {
    store::Session s(Db());
    auto job = store::jobs::Find(s, id);
    if (!job) throw std::runtime_error("no job " + std::to_string(id));
    return *job;
  }
  std::vector<Job> Jobs(const std::string& kind) {
    store::Session s(Db());
    auto page = store::jobs::List(s, {std::nullopt, kind, 1, 500});
    std::reverse(page.items.begin(), page.items.end());  // oldest first
    return page.items;
  }
  // Polls `done` every 20 ms for at most `seconds`.
  static bool WaitFor(const std::function<bool()>& done, int seconds = 30) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
  }
  // The runs the test kind logged: job id → the (attempt, pid) of each finished run.
  std::map<std::int64_t, std::vector<std::pair<int, int>>> Runs() const {
    std::map<std::int64_t, std::vector<std::pair<int, int>>> out;
    std::ifstream in(log_);
    std::int64_t id = 0;
    int attempt = 0, pid = 0;
    while (in >> id >> attempt >> pid) out[id].emplace_back(attempt, pid);
    return out;
  }

  // A land dossier received at the district office by `tiepnhan` (at the server's time).
  std::string Intake(HttpClient& c, const Headers& who, const std::string& name = "Phạm Thị Hoa") {
    json::object body{{"procedure_code", kLand},
                      {"channel", "direct"},
                      {"applicant", json::object{{"full_name", name},
                                                 {"id_number", "051090004322"},
                                                 {"phone", "0905 123 457"},
                                                 {"address", "Thôn Bình Trung, huyện Trà Bồng"}}},
                      {"components", CatalogComponents(c, kLand)}};
    auto r = c.Post("/api/v1/dossiers", json::serialize(body), "application/json", who);
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? std::string(r.json().at("code").as_string()) : "";
  }
  void Act(HttpClient& c, const std::string& code, const Headers& who, const json::object& body) {
    auto r = c.Post("/api/v1/dossiers/" + code + "/actions", json::serialize(body),
                    "application/json", who);
    EXPECT_EQ(r.status, 200u) << body << " " << r.body;
  }
  // The id of the dossier's latest event of `action`.
  std::int64_t EventId(const std::string& code, const std::string& action) {
    store::Session s(Db());
    long long id = 0;
    s.sql() << "SELECT MAX(e.id) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id "
               "WHERE d.code = :code AND e.action = :action",
        soci::use(code, "code"), soci::use(action, "action"), soci::into(id);
    return id;
  }
  static std::string Payload(const std::string& code, const std::string& event, std::int64_t id) {
    return json::serialize(
        json::object{{"dossier_code", code}, {"event", event}, {"event_id", id}});
  }
  static std::string Min(const json::value& v) { return std::string(v.as_string()).substr(0, 16); }

  TestDatabase db_{GetParam()};
  std::string dir_ = MakeTempDir();
  std::string log_ = dir_ + "/runs.log";
  std::vector<std::unique_ptr<EgovServer>> servers_;
  std::unique_ptr<store::Database> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, JobsTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(JobsTest, EachEventACitizenMustHearOfEnqueuesOneNoticeInItsTransaction) {
  auto& server = Serve(/*workers=*/0, kMonday);  // nothing runs: the jobs stay as enqueued
  auto c = Client(server);
  auto office = SignIn(c, "tiepnhan");
  auto specialist = SignIn(c, "chuyenvien.tnmt");
  auto leader = SignIn(c, "lanhdao.tnmt");

  const std::string code = Intake(c, office);
  ASSERT_FALSE(code.empty());
  Act(c, code, office, {{"action", "forward"}});
  Act(c, code, specialist,
      {{"action", "request_supplement"},
       {"reason", "Cần bản sao giấy chứng nhận"},
       {"missing", json::array{"Bản sao Giấy chứng nhận quyền sử dụng đất"}}});
  Act(c, code, office, {{"action", "receive_supplement"}});
  Act(c, code, specialist, {{"action", "forward"}});
  Act(c, code, leader, {{"action", "complete"}});
  Act(c, code, office, {{"action", "return_result"}});
  const std::string delayed = Intake(c, office, "Lê Văn Tâm");
  server.SetTime("2026-02-02T10:00:00+07:00");
  office = SignIn(c, "tiepnhan");  // two hours later: the session has lapsed
  Act(c, delayed, office,
      {{"action", "reschedule"},
       {"reason", "Chờ xác minh nguồn gốc đất"},
       {"new_due_at", "2026-02-25T16:00:00+07:00"}});
  const std::string refused = Intake(c, office, "Võ Thị Lan");
  Act(c, refused, office, {{"action", "refuse"}, {"reason", "Không thuộc thẩm quyền giải quyết"}});

  const std::vector<std::string> expected = {
      Payload(code, "received", EventId(code, "intake")),
      Payload(code, "supplement_needed", EventId(code, "request_supplement")),
      Payload(code, "result_ready", EventId(code, "complete")),
      Payload(delayed, "received", EventId(delayed, "intake")),
      Payload(delayed, "delayed", EventId(delayed, "reschedule")),
      Payload(refused, "received", EventId(refused, "intake")),
      Payload(refused, "refused", EventId(refused, "refuse")),
  };
  auto jobs = Jobs("citizen_notice");
  ASSERT_EQ(jobs.size(), expected.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    EXPECT_EQ(jobs[i].payload, expected[i]) << i;
    EXPECT_EQ(jobs[i].state, State::kQueued);
    EXPECT_EQ(jobs[i].attempts, 0);
  }
  EXPECT_EQ(core::calendar::FormatVietnamInstant(jobs[0].run_at).substr(0, 16),
            "2026-02-02T08:00");  // due at once
  EXPECT_EQ(core::calendar::FormatVietnamInstant(jobs[4].run_at).substr(0, 16), "2026-02-02T10:00");
  EXPECT_EQ(Jobs("").size(), expected.size());  // and no other job
}

TEST_P(JobsTest, AnIntakeWhoseTransactionFailsLeavesNoJob) {
  // A deferred constraint that every new job breaks: checked at COMMIT, i.e. after the
  // intake wrote its dossier, its event and its job, so the whole transaction fails there.
  if (GetParam() == "sqlite") {
    db_.Execute("CREATE TABLE test_missing (id INTEGER PRIMARY KEY)");
    db_.Execute(
        "CREATE TABLE test_guard (job_id INTEGER REFERENCES test_missing(id) DEFERRABLE "
        "INITIALLY DEFERRED)");
    db_.Execute(
        "CREATE TRIGGER test_guard_jobs AFTER INSERT ON jobs BEGIN INSERT INTO test_guard "
        "VALUES (NEW.id); END");
  } else {
    db_.Execute("CREATE TABLE test_missing (id BIGINT PRIMARY KEY)");
    db_.Execute(
        "CREATE TABLE test_guard (job_id BIGINT REFERENCES test_missing(id) DEFERRABLE "
        "INITIALLY DEFERRED)");
    db_.Execute(
        "CREATE FUNCTION test_guard_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT "
        "INTO test_guard VALUES (NEW.id); RETURN NEW; END $$");
    db_.Execute(
        "CREATE TRIGGER test_guard_jobs AFTER INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION "
        "test_guard_fn()");
  }
  auto& server = Serve(/*workers=*/0, kMonday);
  auto c = Client(server);
  auto office = SignIn(c, "tiepnhan");
  json::object body{{"procedure_code", kLand},
                    {"channel", "direct"},
                    {"applicant", json::object{{"full_name", "Phạm Thị Hoa"},
                                               {"id_number", "051090004322"},
                                               {"phone", "0905 123 457"},
                                               {"address", "Thôn Bình Trung, huyện Trà Bồng"}}},
                    {"components", CatalogComponents(c, kLand)}};
  auto failed = c.Post("/api/v1/dossiers", json::serialize(body), "application/json", office);
  EXPECT_EQ(failed.status, 500u) << failed.body;
  EXPECT_EQ(Jobs("").size(), 0u);
  auto list = c.Get("/api/v1/dossiers", office);
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.json().at("total"), 0) << "the dossier went with its job";

  // Without the guard, the same intake commits: one dossier, exactly one job.
  db_.Execute("DROP TRIGGER test_guard_jobs" +
              std::string(GetParam() == "sqlite" ? "" : " ON jobs"));
  const std::string code = Intake(c, office);
  ASSERT_FALSE(code.empty());
  auto jobs = Jobs("");
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].payload, Payload(code, "received", EventId(code, "intake")));
  EXPECT_EQ(code.substr(code.size() - 4), "0001") << "the failed intake used no number";
}

TEST_P(JobsTest, AdminRoutesAreTheRootAdministratorsAndRetryOnlyAFailedJob) {
  auto& server = Serve(/*workers=*/1, kMonday);
  auto c = Client(server);
  const auto t0 = core::calendar::ParseIsoInstant(kMonday);
  // Fails its first two attempts; two allowed: parked as failed after the backoff.
  const auto failing = AddJob("test_echo", R"({"fail_attempts":2})", t0, 2);
  ASSERT_TRUE(WaitFor(
      [&] { return GetJob(failing).attempts == 1 && GetJob(failing).state == State::kQueued; }));

  auto root = SignIn(c, "quantri.tinh");
  auto r = c.Get("/api/v1/jobs/" + std::to_string(failing), root);
  ASSERT_EQ(r.status, 200u) << r.body;
  auto j = r.json().as_object();
  EXPECT_EQ(j.at("id"), failing);
  EXPECT_EQ(j.at("kind"), "test_echo");
  EXPECT_EQ(j.at("state"), "queued");
  EXPECT_EQ(j.at("attempts"), 1);
  EXPECT_EQ(j.at("max_attempts"), 2);
  EXPECT_EQ(j.at("last_error"), "test_echo: lần thử 1 thất bại theo yêu cầu");
  // Failed at 08:00:0x: the first retry 30–33 s later, still within the minute 08:00.
  EXPECT_EQ(Min(j.at("run_at")), "2026-02-02T08:00");
  EXPECT_EQ(Min(j.at("created_at")), "2026-02-02T08:00");
  EXPECT_TRUE(j.at("finished_at").is_null());
  EXPECT_TRUE(j.at("lease_until").is_null());
  // Not retried before its time (the server's clock stands at about 08:00:01).
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(GetJob(failing).attempts, 1);
  server.SetTime("2026-02-02T08:00:40+07:00");
  ASSERT_TRUE(WaitFor([&] { return GetJob(failing).state == State::kFailed; }));
  r = c.Get("/api/v1/jobs/" + std::to_string(failing), root);
  j = r.json().as_object();
  EXPECT_EQ(j.at("state"), "failed");
  EXPECT_EQ(j.at("attempts"), 2);
  EXPECT_EQ(j.at("last_error"), "test_echo: lần thử 2 thất bại theo yêu cầu");
  EXPECT_EQ(Min(j.at("finished_at")), "2026-02-02T08:00");

  // The list, filtered, newest first. Besides the two of this test it holds the periodic
  // jobs' first runs (reminder_scan, job_retention: docs/jobs.md), older.
  const auto queued = AddJob("citizen_notice", R"({"dossier_code":"X"})", t0 + 86'400'000);
  auto list = c.Get("/api/v1/jobs", root);
  ASSERT_EQ(list.status, 200u) << list.body;
  const auto periodic =
      db_.QueryInt("SELECT COUNT(*) FROM jobs WHERE kind IN ('reminder_scan', 'job_retention')");
  EXPECT_EQ(periodic, 2);
  EXPECT_EQ(list.json().at("total"), 2 + periodic);
  EXPECT_EQ(list.json().at("page"), 1);
  EXPECT_EQ(list.json().at("per_page"), 50);
  EXPECT_EQ(list.json().at("items").at(0).at("id"), queued);
  list = c.Get("/api/v1/jobs?state=failed", root);
  ASSERT_EQ(list.json().at("total"), 1);
  EXPECT_EQ(list.json().at("items").at(0).at("id"), failing);
  list = c.Get("/api/v1/jobs?kind=citizen_notice&state=queued&per_page=1", root);
  ASSERT_EQ(list.json().at("total"), 1);
  EXPECT_EQ(list.json().at("items").at(0).at("id"), queued);
  EXPECT_EQ(c.Get("/api/v1/jobs?state=running", root).json().at("total"), 0);

  // Refusals.
  auto code_of = [](const HttpResponse& r) { return r.json().at("error").at("code"); };
  auto bad = c.Get("/api/v1/jobs?state=paused", root);
  EXPECT_EQ(bad.status, 422u);
  EXPECT_TRUE(bad.json().at("error").at("details").as_object().contains("state"));
  bad = c.Get("/api/v1/jobs?kind=Citizen-Notice", root);
  EXPECT_EQ(bad.status, 422u);
  EXPECT_TRUE(bad.json().at("error").at("details").as_object().contains("kind"));
  EXPECT_EQ(c.Get("/api/v1/jobs?per_page=501", root).status, 422u);
  EXPECT_EQ(c.Get("/api/v1/jobs/999999", root).status, 404u);
  EXPECT_EQ(c.Get("/api/v1/jobs/abc", root).status, 404u);
  HttpClient anonymous(server.host(), server.port());
  EXPECT_EQ(anonymous.Get("/api/v1/jobs").status, 401u);
  for (const char* user : {"quantri", "tiepnhan", "lanhdao"}) {
    auto other = SignIn(c, user);
    auto denied = c.Get("/api/v1/jobs", other);
    EXPECT_EQ(denied.status, 403u) << user;
    EXPECT_EQ(code_of(denied), "forbidden");
    EXPECT_EQ(c.Get("/api/v1/jobs/" + std::to_string(failing), other).status, 403u) << user;
    EXPECT_EQ(
        c.Post("/api/v1/jobs/" + std::to_string(failing) + "/retry", "", "application/json", other)
            .status,
        403u)
        << user;
  }
  EXPECT_EQ(GetJob(failing).state, State::kFailed);

  // The metrics count the jobs per kind and state, and this process's failed attempts.
  auto metrics = anonymous.Get("/metrics");
  ASSERT_EQ(metrics.status, 200u);
  EXPECT_NE(metrics.body.find("egov_jobs{kind=\"test_echo\",state=\"failed\"} 1\n"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("egov_jobs{kind=\"citizen_notice\",state=\"queued\"} 1\n"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("egov_jobs{kind=\"test_echo\",state=\"done\"} 0\n"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("egov_job_failures_total{kind=\"test_echo\"} 2\n"),
            std::string::npos);

  // Retry: only a failed job (409 otherwise, changing nothing).
  auto conflict =
      c.Post("/api/v1/jobs/" + std::to_string(queued) + "/retry", "", "application/json", root);
  EXPECT_EQ(conflict.status, 409u) << conflict.body;
  EXPECT_EQ(code_of(conflict), "conflict");
  EXPECT_EQ(GetJob(queued).state, State::kQueued);
  EXPECT_EQ(c.Post("/api/v1/jobs/999999/retry", "", "application/json", root).status, 404u);
  server.SetTime("2026-02-02T09:15:00+07:00");
  root = SignIn(c, "quantri.tinh");  // over an hour later: the session has lapsed
  auto retried =
      c.Post("/api/v1/jobs/" + std::to_string(failing) + "/retry", "", "application/json", root);
  ASSERT_EQ(retried.status, 200u) << retried.body;
  EXPECT_EQ(retried.json().at("state"), "queued");
  EXPECT_EQ(retried.json().at("attempts"), 0);
  EXPECT_EQ(Min(retried.json().at("run_at")), "2026-02-02T09:15");
  EXPECT_TRUE(retried.json().at("finished_at").is_null());
  // It runs at once again (and fails again: its payload says so).
  ASSERT_TRUE(WaitFor([&] { return GetJob(failing).attempts == 1; }));
}

// Every job runs exactly once across the processes, and a process killed with kill -9 in the
// middle of a job loses none: its job is claimed again once the 2-second lease has expired.
// PostgreSQL: two processes; SQLite: one, then another after the kill.
TEST_P(JobsTest, ProcessesShareTheQueueAndAKilledOneLosesNoJob) {
  const bool pg = GetParam() == "postgresql";
  auto* a = &Serve(/*workers=*/2);
  EgovServer* b = pg ? &Serve(/*workers=*/2) : a;
  // Intakes through each server's API: one citizen notice each, enqueued in the intake's
  // transaction, then sent (no [mail] or [sms] configured: the messages are logged) by
  // whichever process claims it, each exactly once.
  auto ca = Client(*a);
  auto cb = Client(*b);
  auto oa = SignIn(ca, "tiepnhan");
  auto ob = SignIn(cb, "tiepnhan");
  std::vector<std::string> codes;
  for (int i = 0; i < 3; ++i) {
    codes.push_back(Intake(ca, oa));
    codes.push_back(Intake(cb, ob));
  }
  ASSERT_TRUE(WaitFor([&] {
    store::Session s(Db());
    return store::jobs::List(s, {State::kDone, "citizen_notice", 1, 1}).total ==
           static_cast<std::int64_t>(codes.size());
  }));
  auto notices = Jobs("citizen_notice");
  ASSERT_EQ(notices.size(), codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(notices[i].payload, Payload(codes[i], "received", EventId(codes[i], "intake")));
    EXPECT_EQ(notices[i].attempts, 1);
    EXPECT_EQ(notices[i].last_error, std::nullopt);
  }

  // 40 short jobs: every one finished exactly once, by whichever process claimed it.
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 40; ++i)
    ids.push_back(AddJob("test_echo", R"({"sleep_ms":30})", NowMillis()));
  ASSERT_TRUE(WaitFor([&] {
    store::Session s(Db());
    return store::jobs::List(s, {State::kDone, "test_echo", 1, 1}).total == 40;
  }));
  auto runs = Runs();
  ASSERT_EQ(runs.size(), ids.size());
  std::map<int, int> by_pid;
  for (auto id : ids) {
    ASSERT_EQ(runs[id].size(), 1u) << "job " << id << " ran " << runs[id].size() << " times";
    EXPECT_EQ(runs[id][0].first, 1);
    ++by_pid[runs[id][0].second];
    EXPECT_EQ(GetJob(id).attempts, 1);
  }
  if (pg) {
    EXPECT_EQ(by_pid.size(), 2u) << "both processes took jobs";
  }

  // A long job; kill -9 the process running it halfway.
  const auto long_job = AddJob("test_echo", R"({"sleep_ms":1500})", NowMillis());
  ASSERT_TRUE(WaitFor([&] { return GetJob(long_job).state == State::kRunning; }));
  const auto claimed = GetJob(long_job);
  const std::string holder = *claimed.claimed_by;
  EgovServer* victim = holder.ends_with(":" + std::to_string(a->pid())) ? a : b;
  EgovServer* survivor = victim == a ? b : a;
  ASSERT_TRUE(holder.ends_with(":" + std::to_string(victim->pid()))) << holder;
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const int victim_pid = victim->pid();
  victim->Kill();
  if (!pg) survivor = &Serve(/*workers=*/2);  // SQLite: the next process on the same file
  ASSERT_TRUE(WaitFor([&] { return GetJob(long_job).state == State::kDone; }));
  const auto done = GetJob(long_job);
  EXPECT_EQ(done.attempts, 2);
  EXPECT_TRUE(done.claimed_by->ends_with(":" + std::to_string(survivor->pid())))
      << *done.claimed_by;
  runs = Runs();
  ASSERT_EQ(runs[long_job].size(), 1u) << "the killed run never finished";
  EXPECT_EQ(runs[long_job][0], std::make_pair(2, survivor->pid()));
  EXPECT_NE(victim_pid, survivor->pid());

  // SIGTERM: the job running finishes before the process exits.
  const auto last = AddJob("test_echo", R"({"sleep_ms":800})", NowMillis());
  ASSERT_TRUE(WaitFor([&] { return GetJob(last).state == State::kRunning; }));
  EgovServer* runner = GetJob(last).claimed_by->ends_with(":" + std::to_string(survivor->pid()))
                           ? survivor
                           : nullptr;
  ASSERT_NE(runner, nullptr);
  const int runner_pid = runner->pid();
  EXPECT_EQ(runner->Terminate(30), 0);
  const auto finished = GetJob(last);
  EXPECT_EQ(finished.state, State::kDone);
  EXPECT_EQ(finished.attempts, 1);
  EXPECT_EQ(Runs()[last], (std::vector<std::pair<int, int>>{{1, runner_pid}}));
}

}  // namespace
}  // namespace egov::testing
