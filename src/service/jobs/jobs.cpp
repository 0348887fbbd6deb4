// The administrator's view of jobs (see jobs.hpp).
#include "service/jobs/jobs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/error.hpp"

namespace egov::service::jobs {

namespace {

void RequireRootAdmin(const core::access::Caller& caller) {
  core::access::RequireAnyRole(caller, {core::access::Role::kAdmin});
  // Jobs serve every agency of the installation (and their payloads name any dossier): like
  // the catalog, only an administrator of the root agency (path "/id/") sees them.
  if (std::count(caller.agency_path.begin(), caller.agency_path.end(), '/') != 2) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ quản trị viên của cơ quan cấp cao nhất mới được xem công việc nền.");
  }
}

Error NotFound() { return Error(ErrorCode::kNotFound, "Không tìm thấy công việc nền."); }

}  // namespace

store::jobs::ListResult Jobs::List(const core::access::Caller& caller,
                                   const JobQuery& query) const {
  RequireRootAdmin(caller);
  if (!query.kind.empty() && !core::jobs::IsKind(query.kind)) {
    throw FieldError("kind",
                     "loại công việc gồm chữ thường không dấu, chữ số và dấu _, tối đa 64 ký tự.");
  }
  store::Session s(db_);
  return store::jobs::List(s, {query.state, query.kind, query.page, query.per_page});
}

core::jobs::Job Jobs::Get(const core::access::Caller& caller, std::int64_t id) const {
  RequireRootAdmin(caller);
  store::Session s(db_);
  auto job = store::jobs::Find(s, id);
  if (!job) throw NotFound();
  return *job;
}

core::jobs::Job Jobs::Retry(const core::access::Caller& caller, std::int64_t id) {
  RequireRootAdmin(caller);
  store::WriteTransaction tx(db_);
  auto job = store::jobs::Find(tx.session(), id);
  if (!job) throw NotFound();
  if (!store::jobs::Retry(tx, id, clock_.NowMillis())) {
    throw Error(ErrorCode::kConflict,
                "Chỉ thử lại được công việc đã thất bại; công việc này đang ở trạng thái \"" +
                    std::string(core::jobs::Name(job->state)) + "\".",
                "retry of a job that is not failed");
  }
  job = store::jobs::Find(tx.session(), id);
  tx.Commit();
  return *job;
}

std::vector<store::jobs::QueueCount> Jobs::QueueCounts() const {
  std::lock_guard lock(counts_mutex_);
  const auto now = clock_.MonotonicMillis();
  if (!counts_read_at_ || now - *counts_read_at_ >= kCountsMillis) {
    store::Session s(db_);
    counts_ = store::jobs::CountByKindAndState(s);
    counts_read_at_ = now;
  }
  return counts_;
}

std::string MetricsText(const std::vector<store::jobs::QueueCount>& counts,
                        const std::vector<std::pair<std::string, std::uint64_t>>& failures) {
  // Every state of every kind seen (in the table or among the handlers), 0 where none, so
  // that a queue that empties shows 0 rather than disappearing.
  std::map<std::string, std::map<core::jobs::State, std::int64_t>> by_kind;
  for (const auto& c : counts) by_kind[c.kind][c.state] = c.count;
  for (const auto& [kind, n] : failures) by_kind[kind];
  std::string out;
  out += "# HELP egov_jobs Background jobs by kind and state.\n";
  out += "# TYPE egov_jobs gauge\n";
  for (const auto& [kind, states] : by_kind) {
    for (auto state : core::jobs::AllStates()) {
      auto it = states.find(state);
      out += fmt::format("egov_jobs{{kind=\"{}\",state=\"{}\"}} {}\n", kind,
                         core::jobs::Name(state), it == states.end() ? 0 : it->second);
    }
  }
  out += "# HELP egov_job_failures_total Failed attempts of background jobs in this process.\n";
  out += "# TYPE egov_job_failures_total counter\n";
  for (const auto& [kind, n] : failures) {
    out += fmt::format("egov_job_failures_total{{kind=\"{}\"}} {}\n", kind, n);
  }
  return out;
}

std::int64_t Jobs::DeleteDoneBefore(std::int64_t before) const {
  constexpr int kBatch = 1000;
  std::int64_t total = 0;
  for (;;) {
    store::WriteTransaction tx(db_);
    const auto deleted = store::jobs::DeleteDone(tx, before, kBatch);
    tx.Commit();
    total += deleted;
    if (deleted < kBatch) return total;
  }
}

}  // namespace egov::service::jobs
