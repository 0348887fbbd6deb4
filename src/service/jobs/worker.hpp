// The worker pool of `egov serve` (docs/jobs.md): threads that claim due jobs of the kinds
// that have a handler, run them, and record the outcome — done, or a failed attempt retried
// with backoff (core::jobs::NextAfterFailure) and parked as failed after the last.
//
// A job is held under a lease (`lease_millis`); a handler that runs longer extends it
// (JobContext::ExtendLease, or ReportProgress). When the process dies, its jobs are claimed
// again once their leases expire. Effects are therefore at least once: a handler whose lease
// ran out while it still worked may see its job run again elsewhere, and must make its
// effect idempotent (e.g. keyed by the job's payload) when that matters. The time comes from
// the injected core::Clock; only the idle wait between polls is real time.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/jobs/job.hpp"
#include "store/database.hpp"

namespace egov::service::jobs {

// What a handler sees of the job it runs. Used by the one thread that runs the handler.
class JobContext {
 public:
  JobContext(store::Database& db, const core::Clock& clock, const core::jobs::Job& job,
             std::int64_t lease_millis)
      : db_(db), clock_(clock), job_(job), lease_millis_(lease_millis) {}

  const core::jobs::Job& job() const { return job_; }
  const std::string& payload() const { return job_.payload; }
  // The attempt now running: 1 for the first.
  int attempt() const { return job_.attempts; }
  // Records progress (0–100) and an optional note (cut to 500 bytes), and extends the lease
  // from now. False when the job's claim is lost (the lease expired and another worker took
  // it): the handler should stop, its outcome will be ignored.
  bool ReportProgress(int percent, std::string_view note = {});
  // Extends the lease by `lease_millis` from now; false when the claim is lost.
  bool ExtendLease();

 private:
  store::Database& db_;
  const core::Clock& clock_;
  const core::jobs::Job& job_;
  std::int64_t lease_millis_;
};

// A handler runs one attempt of a job: returning is success; throwing fails the attempt
// with the exception's message (what()), which is kept as the job's last error and shown to
// administrators. Called on a worker thread; handlers of one kind may run concurrently.
using JobHandler = std::function<void(JobContext&)>;

// The handlers by kind. Filled by the composition root before the pool starts; read-only
// afterwards.
class JobRegistry {
 public:
  // std::invalid_argument when `kind` is not a kind (core::jobs::IsKind) or already has one.
  void Register(const std::string& kind, JobHandler handler);
  // A periodic kind (docs/jobs.md, "Periodic jobs"): its handler, and a job of it enqueued
  // every `every_millis` by whichever process takes the period (job_schedules). Such a job
  // has one attempt: a failed run is parked and the next period runs again.
  void RegisterPeriodic(const std::string& kind, std::int64_t every_millis, JobHandler handler);
  const JobHandler* Find(const std::string& kind) const;
  std::vector<std::string> Kinds() const;  // sorted
  struct Periodic {
    std::string kind;
    std::int64_t every_millis = 0;
  };
  const std::vector<Periodic>& Periodics() const { return periodic_; }

 private:
  std::map<std::string, JobHandler> handlers_;
  std::vector<Periodic> periodic_;
};

struct WorkerOptions {
  unsigned workers = 2;                 // threads; 0: this process runs no jobs
  std::int64_t lease_millis = 300'000;  // how long a claim holds a job without news
  std::int64_t poll_millis = 1000;      // idle wait between claims when nothing was due
  std::string worker_id;                // claimed_by; empty: ProcessWorkerId()
};

// "<hostname>:<pid>": names this process in `claimed_by`.
std::string ProcessWorkerId();

class WorkerPool {
 public:
  // `registry` must be complete and outlive the pool.
  WorkerPool(store::Database& db, const core::Clock& clock, const JobRegistry& registry,
             WorkerOptions options);
  ~WorkerPool();  // Stop()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts the worker threads (none when options.workers is 0 or no kind has a handler).
  void Start();
  // Asks the threads to stop after the job each is running (never interrupted); returns at
  // once. Safe from any thread, e.g. a signal handler's completion.
  void RequestStop();
  // RequestStop, then waits for the threads.
  void Stop();

  // Enqueues the job of each periodic kind whose period is due and that has none queued or
  // running (a slow run is not doubled; its period stays due until it ends); how many it
  // enqueued. The threads call it once per
  // poll; tests call it directly.
  int TickSchedules();

  // Claims one due job of a registered kind (the kinds taken in turn) and runs it on the
  // calling thread; false when none was due. What the threads do; tests call it directly
  // with a controlled clock.
  bool RunOne();

  // The failed attempts of each registered kind in this process since it started.
  std::vector<std::pair<std::string, std::uint64_t>> Failures() const;
  const std::string& worker_id() const { return options_.worker_id; }

 private:
  void Run(const core::jobs::Job& job, const JobHandler& handler);
  void Loop();

  store::Database& db_;
  const core::Clock& clock_;
  const JobRegistry& registry_;
  WorkerOptions options_;
  std::vector<std::string> kinds_;
  std::map<std::string, std::unique_ptr<std::atomic<std::uint64_t>>> failures_;  // fixed keys
  std::atomic<std::size_t> next_kind_{0};
  std::atomic<std::int64_t> last_tick_{-1};
  std::once_flag schedules_added_;  // monotonic ms of the last TickSchedules by Loop
  std::mutex mutex_;                // guards stopping_ for the condition variable
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace egov::service::jobs
