// Background jobs and the outbox's cost (issue 11; docs/benchmarks.md), on SQLite and, when
// scripts/with-postgres provides a cluster ($EGOV_TEST_PG_ADMIN_URL), on PostgreSQL:
// - Jobs/<engine>/threads:K: 1,000 queued no-op jobs claimed, run and completed by K workers
//   through WorkerPool::RunOne (a claim transaction, then a completion transaction each);
// - BareTransactions/<engine>/threads:K, the baseline: 1,000 one-row write transactions by K
//   threads on the same database (the floor every job's two transactions stand on);
// - Intake/<engine>/outbox:0|1: a counter intake through service::dossier::Dossiers without
//   and with the citizen_notice job written in its transaction: the enqueue's cost.
// Times are wall times per 1,000 items (manual timing: the jobs are enqueued untimed).
#include <benchmark/benchmark.h>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/testing/fake_clock.hpp"
#include "service/access/auth.hpp"
#include "service/access/directory.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/demo/demo.hpp"
#include "service/dossier/dossiers.hpp"
#include "service/jobs/job_queue.hpp"
#include "service/jobs/worker.hpp"
#include "service/security/crypto.hpp"
#include "store/access/users.hpp"
#include "store/files/file_store.hpp"
#include "store/jobs/jobs.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace {

using namespace egov;

constexpr int kBatch = 1000;

// One database per engine with the demo world, built on first use.
struct World {
  explicit World(const std::string& engine) : test_db(engine), db(test_db.url(), 8) {
    store::Migrate(db);
    calendar.LoadShippedSchedules();
    service::demo::LoadDemo(db, directory, catalog, clock);
    store::Session s(db);
    officer = service::access::CallerFromUser(*store::access::FindUserByUsername(s, "tiepnhan"));
    input.procedure_code = "1.001193";
    input.channel = core::dossier::Channel::kDirect;
    input.applicant = {"Nguyễn Văn Đo", "051090001234", "0912345678", "do@example.vn",
                       "Thôn 1, xã Trà Sơn"};
    input.components = catalog.Get(input.procedure_code, std::nullopt).procedure.components;
    store::WriteTransaction tx(db);
    store::jobs::EnsureSchedule(tx, "bench_row", 60'000, 0);
    tx.Commit();
    registry.Register("bench_noop", [](service::jobs::JobContext&) {});
  }
  static service::access::AccessSettings CheapHashing() {
    service::access::AccessSettings settings;
    settings.hashing = {1, 8192};
    return settings;
  }

  testing::TestDatabase test_db;
  store::Database db;
  core::testing::FakeClock clock{core::calendar::ParseIsoInstant("2026-03-02T08:00:00+07:00")};
  service::access::AccessSettings settings = CheapHashing();
  service::access::Directory directory{db, clock, settings, {}};
  service::calendar::CalendarService calendar{db, clock};
  service::catalog::Catalog catalog{db, clock};
  std::string files_dir = testing::MakeTempDir();
  store::FileStore files{files_dir};
  service::jobs::JobQueue queue{clock};
  service::dossier::Dossiers with_outbox{db, clock, calendar, catalog, files, &queue};
  service::dossier::Dossiers without_outbox{db, clock, calendar, catalog, files, nullptr};
  service::jobs::JobRegistry registry;
  core::access::Caller officer;
  service::dossier::IntakeInput input;
};

World& WorldOf(const std::string& engine) {
  static std::map<std::string, std::unique_ptr<World>> worlds;
  auto& w = worlds[engine];
  if (!w) w = std::make_unique<World>(engine);
  return *w;
}

// Runs `work(thread)` on `threads` threads and returns the wall seconds they took.
template <class Work>
double Timed(int threads, Work work) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work, t);
  for (auto& t : pool) t.join();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Jobs(benchmark::State& state, const std::string& engine) {
  auto& w = WorldOf(engine);
  const int threads = static_cast<int>(state.range(0));
  service::jobs::WorkerPool pool(w.db, w.clock, w.registry, {.workers = 0});
  for (auto _ : state) {
    {
      store::WriteTransaction tx(w.db);
      for (int i = 0; i < kBatch; ++i) w.queue.Enqueue(tx, "bench_noop", "{}");
      tx.Commit();
    }
    std::atomic<int> ran{0};
    state.SetIterationTime(Timed(threads, [&](int) {
      while (pool.RunOne()) ++ran;
    }));
    if (ran.load() != kBatch) state.SkipWithError("not every job ran once");
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void BareTransactions(benchmark::State& state, const std::string& engine) {
  auto& w = WorldOf(engine);
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    state.SetIterationTime(Timed(threads, [&](int t) {
      for (int i = t; i < kBatch; i += threads) {
        store::WriteTransaction tx(w.db);
        tx.sql() << "UPDATE job_schedules SET every_ms = every_ms WHERE kind = 'bench_row'";
        tx.Commit();
      }
    }));
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}

void Intake(benchmark::State& state, const std::string& engine) {
  auto& w = WorldOf(engine);
  auto& dossiers = state.range(0) ? w.with_outbox : w.without_outbox;
  for (auto _ : state) {
    dossiers.Intake(w.officer, w.input, std::nullopt);
    w.clock.Advance(60'000);  // codes are numbered per day: a minute apart
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  service::security::InitCrypto();
  for (const auto& engine : testing::Engines()) {
    benchmark::RegisterBenchmark(("BareTransactions/" + engine).c_str(), BareTransactions, engine)
        ->Arg(1)
        ->Arg(4)
        ->ArgName("threads")
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("Jobs/" + engine).c_str(), Jobs, engine)
        ->Arg(1)
        ->Arg(4)
        ->ArgName("threads")
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("Intake/" + engine).c_str(), Intake, engine)
        ->Arg(0)
        ->Arg(1)
        ->ArgName("outbox")
        ->UseRealTime()  // items/s from wall time: the database's waits count
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
