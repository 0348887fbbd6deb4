// SQL of the work queues (see queues.hpp).
#include "store/dossier/queues.hpp"

#include <soci/soci.h>

#include <tuple>

#include "store/dossier/json_columns.hpp"
#include "store/query.hpp"

namespace egov::store::dossier {

namespace {

// The mark filter on the current step's due time, for the rows that are not paused.
constexpr const char* kDueFilter =
    "AND (:has_before = 0 OR d.step_due_at < :before) "
    "AND (:has_soon = 0 OR (d.step_due_at >= :from AND d.step_due_at <= :to)) ";

// The caller's own tasks: (id, paused, due, code) of each. The roles are written into the
// text from core's own names (never from input).
std::string MineIds(const TaskQuery& q) {
  std::string roles;
  for (core::access::Role role : q.roles) {
    roles += std::string(roles.empty() ? "" : ", ") + "'" +
             std::string(core::access::RoleName(role)) + "'";
  }
  std::string text =
      "SELECT d.id AS id, 0 AS paused, d.step_due_at AS due, d.code AS code FROM dossiers d "
      "WHERE d.current_agency_id = :a AND d.status IN ('processing', 'result_ready') AND " +
      (roles.empty() ? std::string("1 = 0") : "d.step_role IN (" + roles + ")") +
      " AND (d.assignee IS NULL OR d.assignee = :me) " + kDueFilter;
  if (q.reception && !q.due_before && !q.due_from) {
    text +=
        "UNION ALL SELECT d.id AS id, 1 AS paused, 0 AS due, d.code AS code FROM dossiers d "
        "WHERE d.receiving_agency_id = :a AND d.status = 'supplement_requested' ";
  }
  return text;
}

// The first `:n` of the caller's own tasks in queue order: one branch per status and role, each
// read in the index's own order (due time, code) and stopped after `:n` entries, so a page
// costs its size, not the queue's (the count reads the whole range, index only).
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
  if (q.reception && !q.due_before && !q.due_from) {
    text +=
        "UNION ALL SELECT * FROM (SELECT d.id AS id, 1 AS paused, 0 AS due, d.code AS code FROM "
        "dossiers d WHERE d.receiving_agency_id = :a AND d.status = 'supplement_requested' "
        "ORDER BY d.code LIMIT :n) p ";
  }
  return text;
}

// A leader's unit queue: every open dossier held under the subtree.
std::string UnitIds(const TaskQuery& q) {
  const bool marked = q.due_before || q.due_from;
  return std::string(
             "SELECT d.id AS id, CASE WHEN d.status = 'supplement_requested' THEN 1 ELSE 0 END "
             "AS paused, CASE WHEN d.status = 'supplement_requested' THEN 0 ELSE d.step_due_at "
             "END AS due, d.code AS code FROM dossiers d WHERE d.current_agency_id IN (SELECT "
             "id FROM agencies WHERE path >= :b AND path < :e) AND d.status IN ") +
         (marked ? "('processing', 'result_ready') "
                 : "('processing', 'supplement_requested', 'result_ready') ") +
         "AND (:has_assignee = 0 OR d.assignee = :assignee) "
         "AND (:unassigned = 0 OR d.assignee IS NULL) " +
         kDueFilter;
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

}  // namespace

std::int64_t CountTasks(Session& session, const TaskQuery& q) {
  Params p(q);
  long long total = 0;
  if (IsUnit(q)) {
    session.sql() << "SELECT COUNT(*) FROM (" + UnitIds(q) + ") u", soci::use(p.b, "b"),
        soci::use(p.e, "e"), soci::use(p.has_assignee, "has_assignee"),
        soci::use(p.assignee, "assignee"), soci::use(p.unassigned, "unassigned"),
        soci::use(p.has_before, "has_before"), soci::use(p.before, "before"),
        soci::use(p.has_soon, "has_soon"), soci::use(p.from, "from"), soci::use(p.to, "to"),
        soci::into(total);
  } else {
    session.sql() << "SELECT COUNT(*) FROM (" + MineIds(q) + ") u", soci::use(p.a, "a"),
        soci::use(p.me, "me"), soci::use(p.has_before, "has_before"), soci::use(p.before, "before"),
        soci::use(p.has_soon, "has_soon"), soci::use(p.from, "from"), soci::use(p.to, "to"),
        soci::into(total);
  }
  return total;
}

TaskPage ListTasks(Session& session, const TaskQuery& q) {
  Params p(q);
  TaskPage page;
  page.total = CountTasks(session, q);
  if (q.per_page > 0 && page.total <= static_cast<std::int64_t>(q.page - 1) * q.per_page) {
    return page;
  }
  if (IsUnit(q)) {
    page.items = QueryRows<TaskRowBinding>(
        session.sql(), kSelectTask + UnitIds(q) + kSelectTaskTail, soci::use(p.b, "b"),
        soci::use(p.e, "e"), soci::use(p.has_assignee, "has_assignee"),
        soci::use(p.assignee, "assignee"), soci::use(p.unassigned, "unassigned"),
        soci::use(p.has_before, "has_before"), soci::use(p.before, "before"),
        soci::use(p.has_soon, "has_soon"), soci::use(p.from, "from"), soci::use(p.to, "to"),
        soci::use(p.limit, "limit"), soci::use(p.offset, "offset"));
  } else {
    page.items = QueryRows<TaskRowBinding>(
        session.sql(), kSelectTask + MinePageIds(q) + kSelectTaskTail, soci::use(p.a, "a"),
        soci::use(p.me, "me"), soci::use(p.has_before, "has_before"), soci::use(p.before, "before"),
        soci::use(p.has_soon, "has_soon"), soci::use(p.from, "from"), soci::use(p.to, "to"),
        soci::use(p.n, "n"), soci::use(p.limit, "limit"), soci::use(p.offset, "offset"));
  }
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
