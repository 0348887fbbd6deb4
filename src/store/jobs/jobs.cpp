// SQL for durable jobs (see jobs.hpp).
#include "store/jobs/jobs.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <stdexcept>

#include "store/query.hpp"

namespace egov::store::jobs {

using core::jobs::Job;
using core::jobs::State;

namespace {

// The statements of this file, by what they do.
#define EGOV_JOB_COLUMNS                                                                \
  "id, kind, payload, state, run_at, attempts, max_attempts, last_error, lease_until, " \
  "claimed_by, progress, progress_note, created_at, finished_at"

constexpr const char* kInsertJob =
    "INSERT INTO jobs (kind, payload, state, run_at, attempts, max_attempts, progress, "
    "created_at) VALUES (:kind, :payload, 'queued', :run_at, 0, :max, 0, :now) RETURNING id";
// Due: queued with its time come, or running with its lease expired and attempts left.
#define EGOV_JOB_DUE                                                                   \
  "kind = :kind AND ((state = 'queued' AND run_at <= :now) OR (state = 'running' AND " \
  "lease_until <= :now AND attempts < max_attempts))"
#define EGOV_JOB_CLAIM_SET                                                                \
  "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = :lease, "    \
  "claimed_by = :by, progress = 0, progress_note = NULL WHERE id = (SELECT id FROM jobs " \
  "WHERE " EGOV_JOB_DUE " ORDER BY run_at, id LIMIT 1"
constexpr const char* kClaimPostgresql =
    EGOV_JOB_CLAIM_SET " FOR UPDATE SKIP LOCKED) RETURNING " EGOV_JOB_COLUMNS;
constexpr const char* kClaimSqlite = EGOV_JOB_CLAIM_SET ") RETURNING " EGOV_JOB_COLUMNS;
constexpr const char* kParkExpired =
    "UPDATE jobs SET state = 'failed', finished_at = :now, lease_until = NULL, last_error = "
    ":error WHERE state = 'running' AND kind = :kind AND lease_until <= :now AND attempts >= "
    "max_attempts";
// The claim's fence: still running under the same claim.
#define EGOV_JOB_FENCE \
  " WHERE id = :id AND state = 'running' AND claimed_by = :by AND attempts = :attempts"
constexpr const char* kComplete =
    "UPDATE jobs SET state = 'done', progress = 100, finished_at = :now, lease_until = "
    "NULL" EGOV_JOB_FENCE;
constexpr const char* kFail =
    "UPDATE jobs SET state = :state, run_at = :run_at, last_error = :error, lease_until = NULL, "
    "finished_at = :finished" EGOV_JOB_FENCE;
constexpr const char* kReportProgress =
    "UPDATE jobs SET progress = :progress, progress_note = :note, lease_until = "
    ":lease" EGOV_JOB_FENCE;
constexpr const char* kExtendLease = "UPDATE jobs SET lease_until = :lease" EGOV_JOB_FENCE;
constexpr const char* kRetry =
    "UPDATE jobs SET state = 'queued', run_at = :now, attempts = 0, lease_until = NULL, "
    "finished_at = NULL, progress = 0, progress_note = NULL WHERE id = :id AND state = 'failed'";
constexpr const char* kSelectJob = "SELECT " EGOV_JOB_COLUMNS " FROM jobs WHERE id = :id";
// The admin list: one statement per filter, so that each uses its index.
constexpr const char* kListAll =
    "SELECT " EGOV_JOB_COLUMNS " FROM jobs ORDER BY id DESC LIMIT :limit OFFSET :offset";
constexpr const char* kListByState = "SELECT " EGOV_JOB_COLUMNS
                                     " FROM jobs WHERE state = :state ORDER BY id DESC LIMIT "
                                     ":limit OFFSET :offset";
constexpr const char* kListByKind = "SELECT " EGOV_JOB_COLUMNS
                                    " FROM jobs WHERE kind = :kind ORDER BY id DESC LIMIT "
                                    ":limit OFFSET :offset";
constexpr const char* kListByStateAndKind =
    "SELECT " EGOV_JOB_COLUMNS
    " FROM jobs WHERE state = :state AND kind = :kind ORDER BY id DESC LIMIT :limit OFFSET "
    ":offset";
constexpr const char* kCountAll = "SELECT COUNT(*) FROM jobs";
constexpr const char* kCountByState = "SELECT COUNT(*) FROM jobs WHERE state = :state";
constexpr const char* kCountByKind = "SELECT COUNT(*) FROM jobs WHERE kind = :kind";
constexpr const char* kCountByStateAndKind =
    "SELECT COUNT(*) FROM jobs WHERE state = :state AND kind = :kind";
constexpr const char* kCountGrouped =
    "SELECT state, kind, COUNT(*) AS n FROM jobs GROUP BY state, kind ORDER BY kind, state";

// The error kept on a job whose process died during its last attempt (shown to admins).
constexpr const char* kLeaseExpiredError =
    "Hết thời hạn giữ việc ở lần thử cuối: tiến trình xử lý đã dừng giữa chừng.";

struct JobRow {
  long long id = 0, run_at = 0, lease_until = 0, created_at = 0, finished_at = 0;
  int attempts = 0, max_attempts = 0, progress = 0;
  std::string kind, payload, state, last_error, claimed_by, note;
  soci::indicator error_ind = soci::i_null, lease_ind = soci::i_null, by_ind = soci::i_null,
                  note_ind = soci::i_null, finished_ind = soci::i_null;
  void Bind(Columns& c) {
    c("id", id);
    c("kind", kind);
    c("payload", payload);
    c("state", state);
    c("run_at", run_at);
    c("attempts", attempts);
    c("max_attempts", max_attempts);
    c("last_error", last_error, error_ind);
    c("lease_until", lease_until, lease_ind);
    c("claimed_by", claimed_by, by_ind);
    c("progress", progress);
    c("progress_note", note, note_ind);
    c("created_at", created_at);
    c("finished_at", finished_at, finished_ind);
  }
  Job Get() const {
    Job j;
    j.id = id;
    j.kind = kind;
    j.payload = payload;
    j.state = Named(core::jobs::ParseState(state), "jobs.state", state);
    j.run_at = run_at;
    j.attempts = attempts;
    j.max_attempts = max_attempts;
    if (error_ind == soci::i_ok) j.last_error = last_error;
    if (lease_ind == soci::i_ok) j.lease_until = lease_until;
    if (by_ind == soci::i_ok) j.claimed_by = claimed_by;
    j.progress = progress;
    if (note_ind == soci::i_ok) j.progress_note = note;
    j.created_at = created_at;
    if (finished_ind == soci::i_ok) j.finished_at = finished_at;
    return j;
  }
};

struct CountRow {
  std::string state, kind;
  long long n = 0;
  void Bind(Columns& c) {
    c("state", state);
    c("kind", kind);
    c("n", n);
  }
  QueueCount Get() const {
    return {kind, Named(core::jobs::ParseState(state), "jobs.state", state), n};
  }
};

bool IsPostgresql(soci::session& sql) { return sql.get_backend_name() == "postgresql"; }

// The fence of a claim, bound by name.
struct Fence {
  long long id;
  std::string by;
  int attempts;
  explicit Fence(const Job& j) : id(j.id), by(j.claimed_by.value_or("")), attempts(j.attempts) {}
};

}  // namespace

std::int64_t Enqueue(WriteTransaction& tx, const NewJob& job, std::int64_t now) {
  if (!core::jobs::IsKind(job.kind)) throw std::invalid_argument("job kind \"" + job.kind + "\"");
  if (job.payload.size() > core::jobs::kMaxPayloadBytes) {
    throw std::invalid_argument("job payload over the limit");
  }
  if (job.max_attempts < 1) throw std::invalid_argument("job max_attempts < 1");
  long long run_at = job.run_at, at = now, id = 0;
  int max = job.max_attempts;
  tx.sql() << kInsertJob, soci::use(job.kind, "kind"), soci::use(job.payload, "payload"),
      soci::use(run_at, "run_at"), soci::use(max, "max"), soci::use(at, "now"), soci::into(id);
  return id;
}

std::optional<Job> Claim(WriteTransaction& tx, std::string_view kind, std::string_view worker,
                         std::int64_t now, std::int64_t lease_until) {
  std::string k(kind), by(worker), error(kLeaseExpiredError);
  long long at = now, lease = lease_until;
  tx.sql() << kParkExpired, soci::use(at, "now"), soci::use(error, "error"), soci::use(k, "kind");
  return QueryRow<JobRow>(tx.sql(), IsPostgresql(tx.sql()) ? kClaimPostgresql : kClaimSqlite,
                          soci::use(lease, "lease"), soci::use(by, "by"), soci::use(k, "kind"),
                          soci::use(at, "now"));
}

bool Complete(WriteTransaction& tx, const Job& claimed, std::int64_t now) {
  Fence f(claimed);
  long long at = now;
  soci::statement st = (tx.sql().prepare << kComplete, soci::use(at, "now"), soci::use(f.id, "id"),
                        soci::use(f.by, "by"), soci::use(f.attempts, "attempts"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<core::jobs::AfterFailure> Fail(WriteTransaction& tx, const Job& claimed,
                                             std::string_view error, std::int64_t now) {
  const auto after =
      core::jobs::NextAfterFailure(claimed.id, claimed.attempts, claimed.max_attempts, now);
  Fence f(claimed);
  std::string state(core::jobs::Name(after.state));
  std::string text = core::jobs::CutUtf8(error, core::jobs::kMaxErrorBytes);
  long long run_at = after.run_at.value_or(claimed.run_at), finished = now;
  soci::indicator finished_ind = after.state == State::kFailed ? soci::i_ok : soci::i_null;
  soci::statement st =
      (tx.sql().prepare << kFail, soci::use(state, "state"), soci::use(run_at, "run_at"),
       soci::use(text, "error"), soci::use(finished, finished_ind, "finished"),
       soci::use(f.id, "id"), soci::use(f.by, "by"), soci::use(f.attempts, "attempts"));
  st.execute(true);
  if (st.get_affected_rows() != 1) return std::nullopt;
  return after;
}

bool ReportProgress(WriteTransaction& tx, const Job& claimed, int percent, std::string_view note,
                    std::int64_t lease_until) {
  Fence f(claimed);
  int progress = std::clamp(percent, 0, 100);
  std::string text = core::jobs::CutUtf8(note, core::jobs::kMaxNoteBytes);
  soci::indicator note_ind = text.empty() ? soci::i_null : soci::i_ok;
  long long lease = lease_until;
  soci::statement st =
      (tx.sql().prepare << kReportProgress, soci::use(progress, "progress"),
       soci::use(text, note_ind, "note"), soci::use(lease, "lease"), soci::use(f.id, "id"),
       soci::use(f.by, "by"), soci::use(f.attempts, "attempts"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool ExtendLease(WriteTransaction& tx, const Job& claimed, std::int64_t lease_until) {
  Fence f(claimed);
  long long lease = lease_until;
  soci::statement st =
      (tx.sql().prepare << kExtendLease, soci::use(lease, "lease"), soci::use(f.id, "id"),
       soci::use(f.by, "by"), soci::use(f.attempts, "attempts"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool Retry(WriteTransaction& tx, std::int64_t id, std::int64_t now) {
  long long job = id, at = now;
  soci::statement st = (tx.sql().prepare << kRetry, soci::use(at, "now"), soci::use(job, "id"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Job> Find(Session& session, std::int64_t id) {
  long long job = id;
  return QueryRow<JobRow>(session.sql(), kSelectJob, soci::use(job, "id"));
}

ListResult List(Session& session, const ListFilter& filter) {
  std::string state(filter.state ? core::jobs::Name(*filter.state) : "");
  const std::string& kind = filter.kind;
  long long limit = filter.per_page,
            offset = static_cast<long long>(filter.page - 1) * filter.per_page;
  ListResult out;
  long long total = 0;
  auto& sql = session.sql();
  if (filter.state && !kind.empty()) {
    out.items = QueryRows<JobRow>(sql, kListByStateAndKind, soci::use(state, "state"),
                                  soci::use(kind, "kind"), soci::use(limit, "limit"),
                                  soci::use(offset, "offset"));
    sql << kCountByStateAndKind, soci::use(state, "state"), soci::use(kind, "kind"),
        soci::into(total);
  } else if (filter.state) {
    out.items = QueryRows<JobRow>(sql, kListByState, soci::use(state, "state"),
                                  soci::use(limit, "limit"), soci::use(offset, "offset"));
    sql << kCountByState, soci::use(state, "state"), soci::into(total);
  } else if (!kind.empty()) {
    out.items = QueryRows<JobRow>(sql, kListByKind, soci::use(kind, "kind"),
                                  soci::use(limit, "limit"), soci::use(offset, "offset"));
    sql << kCountByKind, soci::use(kind, "kind"), soci::into(total);
  } else {
    out.items =
        QueryRows<JobRow>(sql, kListAll, soci::use(limit, "limit"), soci::use(offset, "offset"));
    sql << kCountAll, soci::into(total);
  }
  out.total = total;
  return out;
}

std::vector<QueueCount> CountByKindAndState(Session& session) {
  return QueryRows<CountRow>(session.sql(), kCountGrouped);
}

void EnsureSchedule(WriteTransaction& tx, std::string_view kind, std::int64_t every_millis,
                    std::int64_t first_run_at) {
  std::string k(kind);
  long long every = every_millis, first = first_run_at;
  tx.sql() << "INSERT INTO job_schedules (kind, every_ms, next_run_at) VALUES (:kind, :every, "
              ":first) ON CONFLICT (kind) DO UPDATE SET every_ms = excluded.every_ms",
      soci::use(k, "kind"), soci::use(every, "every"), soci::use(first, "first");
}

bool TakeSchedule(WriteTransaction& tx, std::string_view kind, std::int64_t now) {
  std::string k(kind);
  long long at = now;
  soci::statement st =
      (tx.sql().prepare << "UPDATE job_schedules SET next_run_at = :now + every_ms WHERE kind = "
                           ":kind AND (next_run_at <= :now OR next_run_at > :now + every_ms)",
       soci::use(at, "now"), soci::use(k, "kind"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

bool HasPending(Session& session, std::string_view kind) {
  std::string k(kind);
  long long n = 0;
  session.sql() << "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running') AND kind = "
                   ":kind",
      soci::use(k, "kind"), soci::into(n);
  return n > 0;
}

std::int64_t DeleteDone(WriteTransaction& tx, std::int64_t before, int limit) {
  long long at = before, n = limit;
  soci::statement st =
      (tx.sql().prepare << "DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE state = "
                           "'done' AND finished_at < :before ORDER BY id LIMIT :n)",
       soci::use(at, "before"), soci::use(n, "n"));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace egov::store::jobs
