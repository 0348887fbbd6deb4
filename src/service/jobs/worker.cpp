// The worker pool (see worker.hpp).
#include "service/jobs/worker.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "store/jobs/jobs.hpp"

namespace egov::service::jobs {

bool JobContext::ReportProgress(int percent, std::string_view note) {
  store::WriteTransaction tx(db_);
  const bool held =
      store::jobs::ReportProgress(tx, job_, percent, note, clock_.NowMillis() + lease_millis_);
  tx.Commit();
  return held;
}

bool JobContext::ExtendLease() {
  store::WriteTransaction tx(db_);
  const bool held = store::jobs::ExtendLease(tx, job_, clock_.NowMillis() + lease_millis_);
  tx.Commit();
  return held;
}

void JobRegistry::Register(const std::string& kind, JobHandler handler) {
  if (!core::jobs::IsKind(kind)) throw std::invalid_argument("job kind \"" + kind + "\"");
  if (!handler) throw std::invalid_argument("no handler for job kind " + kind);
  if (!handlers_.emplace(kind, std::move(handler)).second) {
    throw std::invalid_argument("job kind " + kind + " registered twice");
  }
}

void JobRegistry::RegisterPeriodic(const std::string& kind, std::int64_t every_millis,
                                   JobHandler handler) {
  if (every_millis < 1000) throw std::invalid_argument("job kind " + kind + ": period under 1 s");
  Register(kind, std::move(handler));
  periodic_.push_back({kind, every_millis});
}

const JobHandler* JobRegistry::Find(const std::string& kind) const {
  auto it = handlers_.find(kind);
  return it == handlers_.end() ? nullptr : &it->second;
}

std::vector<std::string> JobRegistry::Kinds() const {
  std::vector<std::string> out;
  for (const auto& [kind, handler] : handlers_) out.push_back(kind);
  return out;
}

std::string ProcessWorkerId() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "localhost") + ":" + std::to_string(::getpid());
}

WorkerPool::WorkerPool(store::Database& db, const core::Clock& clock, const JobRegistry& registry,
                       WorkerOptions options)
    : db_(db),
      clock_(clock),
      registry_(registry),
      options_(std::move(options)),
      kinds_(registry.Kinds()) {
  if (options_.worker_id.empty()) options_.worker_id = ProcessWorkerId();
  for (const auto& kind : kinds_) {
    failures_.emplace(kind, std::make_unique<std::atomic<std::uint64_t>>(0));
  }
}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Start() {
  if (options_.workers == 0 || kinds_.empty()) return;
  for (unsigned i = 0; i < options_.workers; ++i) threads_.emplace_back([this] { Loop(); });
}

void WorkerPool::RequestStop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
}

void WorkerPool::Stop() {
  RequestStop();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void WorkerPool::Loop() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    bool ran = false;
    try {
      const auto tick = clock_.MonotonicMillis();
      auto last = last_tick_.load();
      if ((last < 0 || tick - last >= options_.poll_millis) &&
          last_tick_.compare_exchange_strong(last, tick)) {
        TickSchedules();
      }
      ran = RunOne();
    } catch (const std::exception& e) {
      // The database is unreachable or failed: wait as if idle, then try again.
      spdlog::error("jobs: claiming failed: {}", e.what());
    }
    if (ran) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(options_.poll_millis),
                   [this] { return stopping_; });
  }
}

int WorkerPool::TickSchedules() {
  if (registry_.Periodics().empty()) return 0;
  // The first tick adds the schedules that are missing (first run: now).
  std::call_once(schedules_added_, [this] {
    store::WriteTransaction tx(db_);
    for (const auto& p : registry_.Periodics()) {
      store::jobs::EnsureSchedule(tx, p.kind, p.every_millis, clock_.NowMillis());
    }
    tx.Commit();
  });
  int enqueued = 0;
  for (const auto& p : registry_.Periodics()) {
    const auto now = clock_.NowMillis();
    store::WriteTransaction tx(db_);
    // A run still queued or running keeps the period due: the next tick after it finishes
    // enqueues one (a slow run is never doubled, and no period is lost).
    if (store::jobs::HasPending(tx.session(), p.kind)) continue;
    if (!store::jobs::TakeSchedule(tx, p.kind, now)) continue;  // not due, or another took it
    store::jobs::Enqueue(tx, {p.kind, "{}", now, 1}, now);
    tx.Commit();
    ++enqueued;
  }
  return enqueued;
}

bool WorkerPool::RunOne() {
  if (kinds_.empty()) return false;
  const std::size_t start = next_kind_.fetch_add(1) % kinds_.size();
  for (std::size_t i = 0; i < kinds_.size(); ++i) {
    const std::string& kind = kinds_[(start + i) % kinds_.size()];
    std::optional<core::jobs::Job> job;
    {
      const auto now = clock_.NowMillis();
      store::WriteTransaction tx(db_);
      job = store::jobs::Claim(tx, kind, options_.worker_id, now, now + options_.lease_millis);
      tx.Commit();
    }
    if (job) {
      Run(*job, *registry_.Find(kind));
      return true;
    }
  }
  return false;
}

void WorkerPool::Run(const core::jobs::Job& job, const JobHandler& handler) {
  std::optional<std::string> error;
  try {
    JobContext context(db_, clock_, job, options_.lease_millis);
    handler(context);
  } catch (const std::exception& e) {
    error = e.what();
    if (error->empty()) error = "lỗi không rõ";
  } catch (...) {
    error = "lỗi không rõ";
  }
  try {
    const auto now = clock_.NowMillis();
    store::WriteTransaction tx(db_);
    if (!error) {
      const bool held = store::jobs::Complete(tx, job, now);
      tx.Commit();
      if (!held)
        spdlog::warn("jobs: job {} ({}) finished after its claim was lost", job.id, job.kind);
      return;
    }
    const auto after = store::jobs::Fail(tx, job, *error, now);
    tx.Commit();
    failures_.at(job.kind)->fetch_add(1, std::memory_order_relaxed);
    if (!after) {
      spdlog::warn("jobs: job {} ({}) failed after its claim was lost: {}", job.id, job.kind,
                   *error);
    } else if (after->state == core::jobs::State::kFailed) {
      spdlog::error("jobs: job {} ({}) failed for good after {} attempts: {}", job.id, job.kind,
                    job.attempts, *error);
    } else {
      spdlog::warn("jobs: job {} ({}) attempt {} failed, retried in {} s: {}", job.id, job.kind,
                   job.attempts, (*after->run_at - now) / 1000, *error);
    }
  } catch (const std::exception& e) {
    // The outcome could not be recorded: the lease expires and the job runs again.
    spdlog::error("jobs: recording the outcome of job {} failed: {}", job.id, e.what());
  }
}

std::vector<std::pair<std::string, std::uint64_t>> WorkerPool::Failures() const {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  for (const auto& [kind, n] : failures_) out.emplace_back(kind, n->load());
  return out;
}

}  // namespace egov::service::jobs
