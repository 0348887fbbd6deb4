// Bulk loading of dossiers (see bulk.hpp).
#include "store/dossier/bulk.hpp"

#include <soci/soci.h>

#include "store/dossier/json_columns.hpp"
#include "store/query.hpp"

namespace egov::store::dossier {

namespace {

// The statements of this file, by what they do.
constexpr const char* kInsertDossiers =
    "INSERT INTO dossiers (code, public_token, procedure_code, procedure_version, "
    "procedure_name, status, channel, receiving_agency_id, applicant, applicant_folded, "
    "components, current_step, step_due_at, submitted_at, received_at, due_at, "
    "completed_at, created_by, created_at, updated_at, competent_agency_id, current_agency_id, "
    "step_role) "
    "VALUES (:code, :token, :pcode, :pversion, :pname, :status, :channel, :agency, :applicant, "
    ":folded, :components, :step, :step_due, :submitted, :received, :due, :completed, :by, "
    ":submitted, :submitted, :competent, :current, :step_role)";
constexpr const char* kInsertIntakeEvents =
    "INSERT INTO dossier_events (dossier_id, at, action, actor, agency_code, from_step, "
    "to_step, note) SELECT id, :at, 'intake', :actor, :agency, NULL, 0, '' FROM dossiers "
    "WHERE code = :code";
constexpr const char* kInsertSteps =
    "INSERT INTO dossier_steps (dossier_id, idx, name, role, agency_id, hours) SELECT id, :idx, "
    ":name, :role, :agency, :hours FROM dossiers WHERE code = :code";
constexpr const char* kRaiseCounter =
    "INSERT INTO dossier_counters (agency_id, day, last) VALUES (:a, :d, :v) "
    "ON CONFLICT (agency_id, day) DO UPDATE SET last = CASE WHEN dossier_counters.last > "
    "excluded.last THEN dossier_counters.last ELSE excluded.last END";
constexpr const char* kSelectCounters = "SELECT agency_id, day, last FROM dossier_counters";
constexpr const char* kSelectReceivingAgencies =
    "SELECT DISTINCT a.id, a.code, a.name, a.kind FROM agencies a JOIN users u "
    "ON u.agency_id = a.id JOIN user_roles r ON r.user_id = u.id AND r.role = "
    "'reception' ORDER BY a.code";

}  // namespace

void BulkInsert(WriteTransaction& tx, const std::vector<core::dossier::Dossier>& batch,
                const std::vector<std::string>& applicant_folded,
                const std::vector<std::vector<core::dossier::DossierStep>>& steps) {
  const size_t n = batch.size();
  if (n == 0) return;
  std::vector<std::string> code(n), token(n), pcode(n), pname(n), status(n), channel(n),
      applicant(n), components(n), by(n), actor(n), agency_code(n);
  std::vector<int> pversion(n), step(n);
  std::vector<long long> agency(n), submitted(n), received(n), due(n), completed(n), step_due(n),
      competent(n), current(n);
  std::vector<soci::indicator> completed_ind(n), role_ind(n);
  std::vector<std::string> current_role(n);
  for (size_t i = 0; i < n; ++i) {
    const auto& d = batch[i];
    code[i] = d.code;
    token[i] = d.public_token;
    pcode[i] = d.procedure_code;
    pversion[i] = d.procedure_version;
    pname[i] = d.procedure_name;
    status[i] = core::dossier::Name(d.status);
    channel[i] = core::dossier::Name(d.channel);
    agency[i] = d.receiving_agency_id;
    agency_code[i] = d.receiving_agency_code;
    competent[i] = d.competent_agency_id ? d.competent_agency_id : d.receiving_agency_id;
    current[i] = d.current_agency_id ? d.current_agency_id : d.receiving_agency_id;
    applicant[i] = ApplicantColumn(d.applicant);
    components[i] = ComponentsColumn(d.components);
    step[i] = d.current_step;
    submitted[i] = d.submitted_at;
    received[i] = d.received_at.value_or(d.submitted_at);
    due[i] = d.due_at.value_or(d.submitted_at);
    step_due[i] = d.step_due_at.value_or(due[i]);
    completed[i] = d.completed_at.value_or(0);
    completed_ind[i] = d.completed_at ? soci::i_ok : soci::i_null;
    by[i] = d.created_by;
    actor[i] = d.created_by;
    const bool has_step = i < steps.size() && d.current_step >= 0 &&
                          d.current_step < static_cast<int>(steps[i].size());
    if (has_step) {
      current_role[i] =
          core::access::RoleName(steps[i][static_cast<std::size_t>(d.current_step)].role);
    }
    role_ind[i] = has_step ? soci::i_ok : soci::i_null;
  }
  tx.sql() << kInsertDossiers, soci::use(code, "code"), soci::use(token, "token"),
      soci::use(pcode, "pcode"), soci::use(pversion, "pversion"), soci::use(pname, "pname"),
      soci::use(status, "status"), soci::use(channel, "channel"), soci::use(agency, "agency"),
      soci::use(applicant, "applicant"), soci::use(applicant_folded, "folded"),
      soci::use(components, "components"), soci::use(step, "step"), soci::use(step_due, "step_due"),
      soci::use(submitted, "submitted"), soci::use(received, "received"), soci::use(due, "due"),
      soci::use(completed, completed_ind, "completed"), soci::use(by, "by"),
      soci::use(competent, "competent"), soci::use(current, "current"),
      soci::use(current_role, role_ind, "step_role");
  tx.sql() << kInsertIntakeEvents, soci::use(received, "at"), soci::use(actor, "actor"),
      soci::use(agency_code, "agency"), soci::use(code, "code");
  std::vector<std::string> step_code, step_name, step_role;
  std::vector<int> step_index, step_hours;
  std::vector<long long> step_agency;
  for (size_t i = 0; i < n && i < steps.size(); ++i) {
    for (const auto& step : steps[i]) {
      step_code.push_back(code[i]);
      step_index.push_back(step.index);
      step_name.push_back(step.name);
      step_role.emplace_back(core::access::RoleName(step.role));
      step_agency.push_back(step.agency_id);
      step_hours.push_back(step.hours);
    }
  }
  if (step_code.empty()) return;
  tx.sql() << kInsertSteps, soci::use(step_index, "idx"), soci::use(step_name, "name"),
      soci::use(step_role, "role"), soci::use(step_agency, "agency"),
      soci::use(step_hours, "hours"), soci::use(step_code, "code");
}

void RaiseCounter(WriteTransaction& tx, std::int64_t agency_id, const std::string& day,
                  std::int64_t last) {
  long long agency = agency_id, value = last;
  tx.sql() << kRaiseCounter, soci::use(agency, "a"), soci::use(day, "d"), soci::use(value, "v");
}

namespace {

struct CounterColumns {
  long long agency = 0, last = 0;
  std::string day;
  void Bind(Columns& c) {
    c("agency_id", agency);
    c("day", day);
    c("last", last);
  }
  CounterRow Get() const { return {agency, day, last}; }
};

struct ReceivingAgencyRow {
  long long id = 0;
  ReceivingAgency a{};
  void Bind(Columns& c) {
    c("id", id);
    c("code", a.code);
    c("name", a.name);
    c("kind", a.kind);
  }
  ReceivingAgency Get() const {
    ReceivingAgency out = a;
    out.id = id;
    return out;
  }
};

}  // namespace

std::vector<CounterRow> ReadCounters(Session& session) {
  return QueryRows<CounterColumns>(session.sql(), kSelectCounters);
}

std::vector<ReceivingAgency> ListReceivingAgencies(Session& session) {
  return QueryRows<ReceivingAgencyRow>(session.sql(), kSelectReceivingAgencies);
}

}  // namespace egov::store::dossier
