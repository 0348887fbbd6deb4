// SQL of the reminder scan (see reminders.hpp).
#include "store/reminders/reminders.hpp"

#include <soci/soci.h>

#include "store/query.hpp"

namespace egov::store::reminders {

namespace {

// {due} is d.step_due_at or d.due_at; the partial indexes of migration 0018 answer both
// (their predicate, status = 'processing', is repeated word for word).
constexpr const char* kDossierCandidates =
    "SELECT d.id AS id, d.code AS code, d.procedure_name AS procedure_name, "
    "d.current_agency_id AS agency_id, d.step_role AS step_role, d.assignee AS assignee, "
    "s.name AS step_name, s.hours AS step_hours, {due} AS due FROM dossiers d "
    "JOIN dossier_steps s ON s.dossier_id = d.id AND s.idx = d.current_step "
    "WHERE d.status = 'processing' AND ({due} > :after_due OR ({due} = :after_due AND d.id > "
    ":after_id)) AND {due} <= :until AND NOT EXISTS (SELECT 1 FROM reminder_marks m WHERE "
    "m.subject = 'dossier' AND m.subject_id = d.id AND m.kind = :kind AND m.due_at = {due}) "
    "ORDER BY {due}, d.id LIMIT :limit";

std::string DossierQuery(DossierDue which) {
  std::string text = kDossierCandidates;
  const std::string column = which == DossierDue::kStep ? "d.step_due_at" : "d.due_at";
  for (auto at = text.find("{due}"); at != std::string::npos; at = text.find("{due}", at)) {
    text.replace(at, 5, column);
  }
  return text;
}

struct DossierRow {
  DossierCandidate c;
  long long id = 0, agency = 0, hours = 0, due = 0;
  std::string role;
  soci::indicator role_ind = soci::i_null, assignee_ind = soci::i_null;
  std::string assignee;
  void Bind(Columns& b) {
    b("id", id);
    b("code", c.code);
    b("procedure_name", c.procedure_name);
    b("agency_id", agency);
    b("step_role", role, role_ind);
    b("assignee", assignee, assignee_ind);
    b("step_name", c.step_name);
    b("step_hours", hours);
    b("due", due);
  }
  DossierCandidate Get() const {
    DossierCandidate out = c;
    out.id = id;
    out.agency_id = agency;
    out.step_hours = hours;
    out.due = due;
    if (role_ind == soci::i_ok) out.step_role = role;
    if (assignee_ind == soci::i_ok && !assignee.empty()) out.assignee = assignee;
    return out;
  }
};

// The deadline as YYYYMMDD: what the marks of documents key on (the instant depends on the
// agency's hours; the day does not).
#define EGOV_DEADLINE_KEY "CAST(REPLACE(d.deadline, '-', '') AS BIGINT)"
constexpr const char* kDocumentCandidates =
    "SELECT d.id AS id, d.agency_id AS agency_id, d.subject AS subject, d.number_notation AS "
    "number_notation, d.incoming_number AS incoming_number, d.deadline AS "
    "deadline, " EGOV_DEADLINE_KEY
    " AS deadline_key, "
    "(SELECT e.at FROM document_events e WHERE e.document_id = d.id AND e.action = 'direct' "
    "ORDER BY e.id DESC LIMIT 1) AS directed_at, "
    "(SELECT e.actor FROM document_events e WHERE e.document_id = d.id AND e.action = 'direct' "
    "ORDER BY e.id DESC LIMIT 1) AS directed_by, "
    "(SELECT a.agency_id FROM document_assignments a WHERE a.document_id = d.id AND a.kind = "
    "'lead' ORDER BY a.id DESC LIMIT 1) AS lead_agency_id, "
    "(SELECT a.username FROM document_assignments a WHERE a.document_id = d.id AND a.kind = "
    "'lead' ORDER BY a.id DESC LIMIT 1) AS lead_username "
    "FROM documents d WHERE d.deadline IS NOT NULL AND d.direction = 'incoming' AND d.status IN "
    "('directed', 'in_progress') AND (" EGOV_DEADLINE_KEY " > :after_due OR (" EGOV_DEADLINE_KEY
    " = :after_due AND d.id > :after_id)) AND " EGOV_DEADLINE_KEY
    " <= :until AND NOT EXISTS "
    "(SELECT 1 FROM reminder_marks m WHERE m.subject = 'document' AND m.subject_id = d.id AND "
    "m.kind = :kind AND m.due_at = " EGOV_DEADLINE_KEY ") ORDER BY d.deadline, d.id LIMIT :limit";
#undef EGOV_DEADLINE_KEY

struct DocumentRow {
  DocumentCandidate c;
  long long id = 0, agency = 0, key = 0, incoming = 0, directed_at = 0, lead_agency = 0;
  std::string notation, directed_by, lead_username;
  soci::indicator notation_ind = soci::i_null, incoming_ind = soci::i_null,
                  directed_at_ind = soci::i_null, directed_by_ind = soci::i_null,
                  lead_agency_ind = soci::i_null, lead_username_ind = soci::i_null;
  void Bind(Columns& b) {
    b("id", id);
    b("agency_id", agency);
    b("subject", c.subject);
    b("number_notation", notation, notation_ind);
    b("incoming_number", incoming, incoming_ind);
    b("deadline", c.deadline);
    b("deadline_key", key);
    b("directed_at", directed_at, directed_at_ind);
    b("directed_by", directed_by, directed_by_ind);
    b("lead_agency_id", lead_agency, lead_agency_ind);
    b("lead_username", lead_username, lead_username_ind);
  }
  DocumentCandidate Get() const {
    DocumentCandidate out = c;
    out.id = id;
    out.agency_id = agency;
    out.deadline_key = key;
    if (notation_ind == soci::i_ok && !notation.empty()) out.number_notation = notation;
    if (incoming_ind == soci::i_ok) out.incoming_number = incoming;
    if (directed_at_ind == soci::i_ok) out.directed_at = directed_at;
    if (directed_by_ind == soci::i_ok) out.directed_by = directed_by;
    if (lead_agency_ind == soci::i_ok) out.lead_agency_id = lead_agency;
    if (lead_username_ind == soci::i_ok && !lead_username.empty())
      out.lead_username = lead_username;
    return out;
  }
};

constexpr const char* kInsertMark =
    "INSERT INTO reminder_marks (subject, subject_id, kind, due_at, created_at) VALUES "
    "(:subject, :id, :kind, :due, :now) ON CONFLICT DO NOTHING";

constexpr const char* kOfficersWithRole =
    "SELECT u.id AS id, u.username AS username, u.email AS email FROM users u JOIN user_roles r "
    "ON r.user_id = u.id WHERE u.agency_id = :agency AND r.role = :role AND u.active = 1 "
    "ORDER BY u.id";
constexpr const char* kActiveOfficer =
    "SELECT u.id AS id, u.username AS username, u.email AS email FROM users u WHERE "
    "u.username = :username AND u.active = 1";
constexpr const char* kActiveOfficerById =
    "SELECT u.id AS id, u.username AS username, u.email AS email FROM users u WHERE u.id = :id "
    "AND u.active = 1";

struct OfficerRow {
  Officer o;
  long long id = 0;
  std::string email;
  soci::indicator email_ind = soci::i_null;
  void Bind(Columns& b) {
    b("id", id);
    b("username", o.username);
    b("email", email, email_ind);
  }
  Officer Get() const {
    Officer out = o;
    out.id = id;
    if (email_ind == soci::i_ok && !email.empty()) out.email = email;
    return out;
  }
};

struct HoursRow {
  std::string hours;
  void Bind(Columns& b) { b("working_hours", hours); }
  std::string Get() const { return hours; }
};

}  // namespace

std::vector<DossierCandidate> DossierCandidates(Session& session, DossierDue which,
                                                std::string_view mark_kind, Cursor after,
                                                std::int64_t until, int limit) {
  long long after_due = after.due, after_id = after.id, until_at = until, n = limit;
  std::string kind(mark_kind);
  return QueryRows<DossierRow>(session.sql(), DossierQuery(which),
                               soci::use(after_due, "after_due"), soci::use(after_id, "after_id"),
                               soci::use(until_at, "until"), soci::use(kind, "kind"),
                               soci::use(n, "limit"));
}

std::vector<DocumentCandidate> DocumentCandidates(Session& session, std::string_view mark_kind,
                                                  Cursor after, std::int64_t until_key, int limit) {
  long long after_due = after.due, after_id = after.id, until = until_key, n = limit;
  std::string kind(mark_kind);
  return QueryRows<DocumentRow>(session.sql(), kDocumentCandidates,
                                soci::use(after_due, "after_due"), soci::use(after_id, "after_id"),
                                soci::use(until, "until"), soci::use(kind, "kind"),
                                soci::use(n, "limit"));
}

bool InsertMark(WriteTransaction& tx, std::string_view subject, std::int64_t id,
                std::string_view kind, std::int64_t due, std::int64_t now) {
  std::string s(subject), k(kind);
  long long key = id, due_at = due, at = now;
  soci::statement st =
      (tx.sql().prepare << kInsertMark, soci::use(s, "subject"), soci::use(key, "id"),
       soci::use(k, "kind"), soci::use(due_at, "due"), soci::use(at, "now"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<Officer> OfficersWithRole(Session& session, std::int64_t agency_id,
                                      std::string_view role) {
  long long agency = agency_id;
  std::string r(role);
  return QueryRows<OfficerRow>(session.sql(), kOfficersWithRole, soci::use(agency, "agency"),
                               soci::use(r, "role"));
}

std::optional<Officer> ActiveOfficer(Session& session, std::string_view username) {
  std::string name(username);
  return QueryRow<OfficerRow>(session.sql(), kActiveOfficer, soci::use(name, "username"));
}

std::optional<Officer> ActiveOfficerById(Session& session, std::int64_t id) {
  long long key = id;
  return QueryRow<OfficerRow>(session.sql(), kActiveOfficerById, soci::use(key, "id"));
}

std::optional<std::int64_t> ParentAgency(Session& session, std::int64_t agency_id) {
  long long id = agency_id, parent = 0;
  soci::indicator ind = soci::i_null;
  session.sql() << "SELECT parent_id FROM agencies WHERE id = :id", soci::use(id, "id"),
      soci::into(parent, ind);
  if (!session.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return parent;
}

std::optional<std::string> WorkingHoursOf(Session& session, std::int64_t agency_id) {
  long long id = agency_id;
  return QueryRow<HoursRow>(session.sql(), "SELECT working_hours FROM agencies WHERE id = :id",
                            soci::use(id, "id"));
}

}  // namespace egov::store::reminders
