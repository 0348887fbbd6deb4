// The administrator's view of background jobs (docs/jobs.md; GET/POST /api/v1/jobs…): the
// list by state and kind, one job, the retry of a failed one, and the queue's counts for
// GET /metrics. Only an administrator of the root agency sees jobs: they serve the whole
// installation. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "core/access/roles.hpp"
#include "core/clock.hpp"
#include "core/jobs/job.hpp"
#include "store/database.hpp"
#include "store/jobs/jobs.hpp"

namespace egov::service::jobs {

struct JobQuery {
  std::optional<core::jobs::State> state;  // nullopt: any
  std::string kind;                        // "": any
  int page = 1, per_page = 50;
};

class Jobs {
 public:
  Jobs(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // forbidden unless the caller is an administrator of the root agency; validation_failed
  // naming "kind" for a text that is no kind.
  store::jobs::ListResult List(const core::access::Caller& caller, const JobQuery& query) const;
  // forbidden as List, then not_found.
  core::jobs::Job Get(const core::access::Caller& caller, std::int64_t id) const;
  // Queues a failed job again now with fresh attempts: forbidden as List, not_found, then
  // conflict unless it is failed. Returns the job as it now is.
  core::jobs::Job Retry(const core::access::Caller& caller, std::int64_t id);

  // The number of jobs per kind and state, read at most once per `kCountsMillis` (monotonic)
  // however often GET /metrics is scraped; the same answer in between.
  static constexpr std::int64_t kCountsMillis = 5000;
  std::vector<store::jobs::QueueCount> QueueCounts() const;

  // Deletes the done jobs that finished before `before` (UTC ms), in batches of 1000 each in
  // its own transaction (a long purge never holds the writer for long); how many it deleted.
  std::int64_t DeleteDoneBefore(std::int64_t before) const;

 private:
  store::Database& db_;
  const core::Clock& clock_;
  mutable std::mutex counts_mutex_;  // guards the two below
  mutable std::optional<std::int64_t> counts_read_at_;
  mutable std::vector<store::jobs::QueueCount> counts_;
};

// The Prometheus text of the jobs: `egov_jobs{kind,state}` (a gauge: the jobs of each kind
// in each state, every state of every kind listed, 0 included) and
// `egov_job_failures_total{kind}` (a counter: the failed attempts of each kind in this
// process since it started).
std::string MetricsText(const std::vector<store::jobs::QueueCount>& counts,
                        const std::vector<std::pair<std::string, std::uint64_t>>& failures);

}  // namespace egov::service::jobs
