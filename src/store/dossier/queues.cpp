// SQL of the work queues (see queues.hpp).
#include "store/dossier/queues.hpp"

#include <soci/soci.h>

#include <memory>
#include <tuple>
#include <unordered_map>

#include "store/dossier/json_columns.hpp"
#include "store/query.hpp"

namespace egov::store::dossier {

namespace {

// The mark filter on the current step's due time, for the rows that are not paused.
constexpr const char* kDueFilter =
    "AND (:has_before = 0 OR d.step_due_at < :before) "
    "AND (:has_soon = 0 OR (d.step_due_at >= :from AND d.step_due_at <= :to)) ";

// The roles of the caller's step tasks as an SQL list, written into the text from core's own
// names (never from input).
std::string RoleList(const TaskQuery& q) {
  std::string roles;
  for (core::access::Role role : q.roles) {
    roles += std::string(roles.empty() ? "" : ", ") + "'" +
             std::string(core::access::RoleName(role)) + "'";
  }
  return roles;
}

// The condition of the caller's step tasks (processing or result_ready at :a, a role of the
// caller's, unassigned or the caller's own); with no role, none (the binds stay in the text).
std::string MineWhere(const TaskQuery& q) {
  const std::string roles = RoleList(q);
  return std::string(roles.empty() ? "1 = 0 AND " : "") +
         "d.current_agency_id = :a AND d.status IN ('processing', 'result_ready') AND " +
         (roles.empty() ? std::string("1 = 1") : "d.step_role IN (" + roles + ")") +
         " AND (d.assignee IS NULL OR d.assignee = :me) " + kDueFilter;
}

// The paused dossiers of a reception officer's tasks: awaiting a supplement at the counter.
constexpr const char* kPausedWhere =
    "d.receiving_agency_id = :a AND d.status = 'supplement_requested' ";

// Whether a mark filter (overdue, due soon) is asked.
bool Marked(const TaskQuery& q) { return q.due_before.has_value() || q.due_from.has_value(); }

// Whether the caller's tasks include the paused ones (a mark filter drops them).
bool WithPaused(const TaskQuery& q) { return q.reception && !Marked(q); }

// The first `:n` of the caller's own tasks in queue order: one branch per status and role, each
// read in the index's own order (due time, code) and stopped after `:n` entries, so a page
// costs its size, not the queue's (the count reads the queue counters).
std::string MinePageIds(const TaskQuery& q) {
  std::string text;
  int branch = 0;
  for (const char* status : {"processing", "result_ready"}) {
    for (core::access::Role role : q.roles) {
      text += std::string(text.empty() ? "" : "UNION ALL ") +
              "SELECT * FROM (SELECT d.id AS id, 0 AS paused, d.step_due_at AS due, d.code AS "
              "code FROM dossiers d WHERE d.current_agency_id = :a AND d.status = '" +
              status + "' AND d.step_role = '" + std::string(core::access::RoleName(role)) +
              "' AND (d.assignee IS NULL OR d.assignee = :me) " + kDueFilter +
              "ORDER BY d.step_due_at, d.code LIMIT :n) b" + std::to_string(branch++) + " ";
    }
  }
  if (text.empty()) {  // no role: no task of a step (the binds stay in the text)
    text = std::string(
               "SELECT d.id AS id, 0 AS paused, d.step_due_at AS due, d.code AS code FROM "
               "dossiers d WHERE 1 = 0 AND d.current_agency_id = :a AND d.assignee = :me "
               "AND d.id < :n ") +
           kDueFilter;
  }
  if (WithPaused(q)) {
    text += std::string(
                "UNION ALL SELECT * FROM (SELECT d.id AS id, 1 AS paused, 0 AS due, d.code AS "
                "code FROM dossiers d WHERE ") +
            kPausedWhere + "ORDER BY d.code LIMIT :n) p ";
  }
  return text;
}

// A leader's unit queue: every open dossier held under the subtree (with a mark filter, those
// whose step runs).
std::string UnitWhere(const TaskQuery& q) {
  return std::string(
             "d.current_agency_id IN (SELECT id FROM agencies WHERE path >= :b AND path < :e) "
             "AND d.status IN ") +
         (Marked(q) ? "('processing', 'result_ready') "
                    : "('processing', 'supplement_requested', 'result_ready') ") +
         "AND (:has_assignee = 0 OR d.assignee = :assignee) "
         "AND (:unassigned = 0 OR d.assignee IS NULL) " +
         kDueFilter;
}

std::string UnitIds(const TaskQuery& q) {
  return "SELECT d.id AS id, CASE WHEN d.status = 'supplement_requested' THEN 1 ELSE 0 END "
         "AS paused, CASE WHEN d.status = 'supplement_requested' THEN 0 ELSE d.step_due_at "
         "END AS due, d.code AS code FROM dossiers d WHERE " +
         UnitWhere(q);
}

// The number of dossiers a query selects. Without a mark filter: the sum of the queue
// counters (migration 0015_queue_counts), a few primary-key reads whatever the queue's size.
// With one: plain counts of the index ranges, each a scalar subquery (no row is built).
std::string CountText(const TaskQuery& q) {
  constexpr const char* kSum = "SELECT CAST(COALESCE(SUM(q.n), 0) AS BIGINT) FROM queue_counts q ";
  if (!q.subtree_path.empty()) {
    if (Marked(q)) return "SELECT COUNT(*) FROM dossiers d WHERE " + UnitWhere(q);
    return std::string("SELECT (") + kSum +
           "WHERE q.side = 'c' AND q.agency_id IN (SELECT id FROM agencies WHERE path >= :b AND "
           "path < :e) AND q.status IN ('processing', 'supplement_requested', 'result_ready') "
           "AND (:has_assignee = 0 OR q.assignee = :assignee) "
           "AND (:unassigned = 0 OR q.assignee = ''))";
  }
  if (Marked(q)) return "SELECT (SELECT COUNT(*) FROM dossiers d WHERE " + MineWhere(q) + ")";
  const std::string roles = RoleList(q);
  std::string text = std::string("SELECT (") + kSum + "WHERE q.side = 'c' AND q.agency_id = :a " +
                     "AND q.status IN ('processing', 'result_ready') AND " +
                     (roles.empty() ? std::string("1 = 0") : "q.step_role IN (" + roles + ")") +
                     " AND q.assignee IN ('', :me))";
  if (WithPaused(q)) {
    text += std::string(" + (") + kSum +
            "WHERE q.side = 'r' AND q.agency_id = :a AND q.status = 'supplement_requested')";
  }
  return text;
}

constexpr const char* kSelectTask =
    "SELECT d.code, d.procedure_code, d.procedure_name, d.status, d.applicant, "
    "a.code AS receiving_code, d.received_at, d.due_at, d.current_step, s.name AS step_name, "
    "s.role AS step_role, sa.code AS step_agency, sa.working_hours AS step_hours, "
    "d.step_due_at, d.assignee FROM (SELECT id, paused, due, code FROM (";
constexpr const char* kSelectTaskTail =
    ") u ORDER BY paused, due, code LIMIT :limit OFFSET :offset) t "
    "JOIN dossiers d ON d.id = t.id JOIN agencies a ON a.id = d.receiving_agency_id "
    "LEFT JOIN dossier_steps s ON s.dossier_id = d.id AND s.idx = d.current_step "
    "LEFT JOIN agencies sa ON sa.id = s.agency_id "
    "ORDER BY t.paused, t.due, t.code";

struct TaskRowBinding {
  TaskRow r;
  std::string status, applicant, role, step_name, step_agency, step_hours, assignee;
  long long received = 0, due = 0, step_due = 0;
  int step = 0;
  soci::indicator received_ind = soci::i_null, due_ind = soci::i_null, step_due_ind = soci::i_null,
                  assignee_ind = soci::i_null, role_ind = soci::i_null, name_ind = soci::i_null,
                  agency_ind = soci::i_null, hours_ind = soci::i_null;
  void Bind(Columns& c) {
    c("code", r.code);
    c("procedure_code", r.procedure_code);
    c("procedure_name", r.procedure_name);
    c("status", status);
    c("applicant", applicant);
    c("receiving_code", r.receiving_agency);
    c("received_at", received, received_ind);
    c("due_at", due, due_ind);
    c("current_step", step);
    c("step_name", step_name, name_ind);
    c("step_role", role, role_ind);
    c("step_agency", step_agency, agency_ind);
    c("step_hours", step_hours, hours_ind);
    c("step_due_at", step_due, step_due_ind);
    c("assignee", assignee, assignee_ind);
  }
  TaskRow Get() const {
    TaskRow out = r;
    out.status = Named(core::dossier::ParseStatus(status), "status", status);
    out.applicant_name = ApplicantFromColumn(applicant).full_name;
    if (received_ind == soci::i_ok) out.received_at = received;
    if (due_ind == soci::i_ok) out.due_at = due;
    // A current step once the dossier is received (and its steps stored).
    out.has_step = received_ind == soci::i_ok && role_ind == soci::i_ok;
    if (out.has_step) {
      out.step_index = step;
      out.step_name = step_name;
      out.step_role = Named(core::access::ParseRole(role), "role", role);
      out.step_agency_code = agency_ind == soci::i_ok ? step_agency : "";
      out.step_working_hours = hours_ind == soci::i_ok ? step_hours : "";
      if (step_due_ind == soci::i_ok) out.step_due_at = step_due;
    }
    if (assignee_ind == soci::i_ok) out.assignee = assignee;
    return out;
  }
};

// The bound values of a query, named as in the texts above.
struct Params {
  long long a = 0, before = 0, from = 0, to = 0, limit = 0, offset = 0, n = 0;
  int has_before = 0, has_soon = 0, has_assignee = 0, unassigned = 0;
  std::string me, b, e, assignee;
  Params() = default;
  explicit Params(const TaskQuery& q) {
    a = q.agency_id;
    me = q.username;
    has_before = q.due_before ? 1 : 0;
    before = q.due_before.value_or(0);
    has_soon = q.due_from ? 1 : 0;
    from = q.due_from.value_or(0);
    to = q.due_to.value_or(0);
    if (!q.subtree_path.empty()) std::tie(b, e) = core::access::SubtreeRange(q.subtree_path);
    has_assignee = q.assignee ? 1 : 0;
    assignee = q.assignee.value_or("");
    unassigned = q.unassigned_only ? 1 : 0;
    limit = q.per_page > 0 ? q.per_page : 1'000'000'000LL;
    offset = q.per_page > 0 ? static_cast<long long>(q.page - 1) * q.per_page : 0;
    n = limit + offset;
  }
};

bool IsUnit(const TaskQuery& q) { return !q.subtree_path.empty(); }

// One statement of the queues with the values it binds beside it (SOCI binds by reference).
struct QueueStatement {
  explicit QueueStatement(soci::session& sql) : st(sql) {}
  Params p;
  TaskRowBinding row;   // a page's rows
  long long total = 0;  // a count
  soci::statement st;
};

// Calls `prepare(uses…)` with the use-bindings of a query's text: the unit's or the caller's
// filter, the mark filter (when the text has it), and a page's limits.
template <class F>
void WithUses(Params& p, bool unit, bool paged, bool marked, F&& prepare) {
  auto marks = [&](auto&&... more) {
    return [&](auto&&... filter) {
      if (marked) {
        prepare(std::forward<decltype(filter)>(filter)..., soci::use(p.has_before, "has_before"),
                soci::use(p.before, "before"), soci::use(p.has_soon, "has_soon"),
                soci::use(p.from, "from"), soci::use(p.to, "to"),
                std::forward<decltype(more)>(more)...);
      } else {
        prepare(std::forward<decltype(filter)>(filter)..., std::forward<decltype(more)>(more)...);
      }
    };
  };
  if (unit) {
    auto with = [&](auto&&... more) {
      marks(std::forward<decltype(more)>(more)...)(
          soci::use(p.b, "b"), soci::use(p.e, "e"), soci::use(p.has_assignee, "has_assignee"),
          soci::use(p.assignee, "assignee"), soci::use(p.unassigned, "unassigned"));
    };
    if (paged) {
      with(soci::use(p.limit, "limit"), soci::use(p.offset, "offset"));
    } else {
      with();
    }
  } else {
    auto with = [&](auto&&... more) {
      marks(std::forward<decltype(more)>(more)...)(soci::use(p.a, "a"), soci::use(p.me, "me"));
    };
    if (paged) {
      with(soci::use(p.n, "n"), soci::use(p.limit, "limit"), soci::use(p.offset, "offset"));
    } else {
      with();
    }
  }
}

// The queue statements of one connection, prepared once per text. The texts are few (one per
// combination of roles and filters), and every request of an officer's queue runs two of
// them, so preparing them per request cost as much as running them.
class QueueStatements {
 public:
  explicit QueueStatements(soci::session& sql) : sql_(sql) {}

  // The prepared count (`paged` false) or page (true) statement of `text`; `marked`: the
  // text binds the mark filter.
  QueueStatement& Get(const std::string& text, bool unit, bool paged, bool marked) {
    auto& slot = by_text_[text];
    if (!slot) {
      auto s = std::make_unique<QueueStatement>(sql_);
      WithUses(s->p, unit, paged, marked, [&](auto&&... uses) {
        if (paged) {
          PrepareRows(s->st, text, s->row, std::forward<decltype(uses)>(uses)...);
        } else {
          s->st.exchange(soci::into(s->total));
          (s->st.exchange(std::forward<decltype(uses)>(uses)), ...);
          s->st.alloc();
          s->st.prepare(text);
          s->st.define_and_bind();
        }
      });
      slot = std::move(s);
    }
    return *slot;
  }

 private:
  soci::session& sql_;
  std::unordered_map<std::string, std::unique_ptr<QueueStatement>> by_text_;
};

}  // namespace

std::int64_t CountTasks(Session& session, const TaskQuery& q) {
  const std::string text = CountText(q);
  return session.WithCached<QueueStatements>([&](QueueStatements& statements) {
    QueueStatement& s = statements.Get(text, IsUnit(q), false, Marked(q));
    s.p = Params(q);
    s.total = 0;
    s.st.execute(true);
    while (s.st.fetch()) {
    }  // stepped to its end: no read snapshot left open on the pooled connection
    return static_cast<std::int64_t>(s.total);
  });
}

TaskPage ListTasks(Session& session, const TaskQuery& q) {
  TaskPage page;
  page.total = CountTasks(session, q);
  if (q.per_page > 0 && page.total <= static_cast<std::int64_t>(q.page - 1) * q.per_page) {
    return page;
  }
  const std::string text =
      kSelectTask + (IsUnit(q) ? UnitIds(q) : MinePageIds(q)) + kSelectTaskTail;
  page.items = session.WithCached<QueueStatements>([&](QueueStatements& statements) {
    QueueStatement& s = statements.Get(text, IsUnit(q), true, true);
    s.p = Params(q);
    return CollectRows(s.st, s.row);
  });
  return page;
}

std::int64_t CountAwaitingAcceptance(Session& session, std::int64_t agency_id) {
  long long id = agency_id, total = 0;
  session.sql() << "SELECT COUNT(*) FROM dossiers WHERE receiving_agency_id = :a AND status = "
                   "'submitted'",
      soci::use(id, "a"), soci::into(total);
  return total;
}

std::vector<std::string> WorkingHoursUnder(Session& session, const std::string& path,
                                           std::optional<std::int64_t> agency_id) {
  std::vector<std::string> out;
  std::string hours;
  if (agency_id) {
    long long id = *agency_id;
    soci::statement st =
        (session.sql().prepare << "SELECT working_hours FROM agencies WHERE id = :id",
         soci::use(id, "id"), soci::into(hours));
    st.execute();
    while (st.fetch()) out.push_back(hours);
    return out;
  }
  auto [b, e] = core::access::SubtreeRange(path);
  soci::statement st =
      (session.sql().prepare
           << "SELECT DISTINCT working_hours FROM agencies WHERE path >= :b AND path < :e",
       soci::use(b, "b"), soci::use(e, "e"), soci::into(hours));
  st.execute();
  while (st.fetch()) out.push_back(hours);
  return out;
}

namespace {
struct OfficerRow {
  Officer o;
  void Bind(Columns& c) {
    c("username", o.username);
    c("full_name", o.full_name);
  }
  Officer Get() const { return o; }
};
}  // namespace

std::vector<Officer> ListOfficers(Session& session, std::int64_t agency_id,
                                  core::access::Role role) {
  long long id = agency_id;
  const std::string name(core::access::RoleName(role));
  return QueryRows<OfficerRow>(
      session.sql(),
      "SELECT u.username, u.full_name FROM users u JOIN user_roles r ON r.user_id = u.id AND "
      "r.role = :role WHERE u.agency_id = :a AND u.active = 1 ORDER BY u.username",
      soci::use(name, "role"), soci::use(id, "a"));
}

}  // namespace egov::store::dossier
