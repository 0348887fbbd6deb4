// An agency's own internal process (quy trình nội bộ) for a procedure (docs/workflow.md,
// "An agency's own process"): steps in the catalog's step form that replace the procedure's
// for dossiers received at that agency from then on (ResolveSteps prefers them). Kept in the
// dossier service because what makes such a process valid is that its steps resolve for the
// agency now, the rules of ResolveSteps. Never changes the procedure itself. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/access/roles.hpp"
#include "core/catalog/procedure.hpp"
#include "core/clock.hpp"
#include "service/catalog/catalog.hpp"
#include "store/database.hpp"

namespace egov::service::dossier {

struct AgencyProcess {
  std::string procedure_code;
  std::string procedure_name;  // of the version in force ("" when none is)
  std::vector<core::catalog::Step> steps;
  std::int64_t updated_at = 0;
  std::string updated_by;
};

class AgencyProcesses {
 public:
  AgencyProcesses(store::Database& db, const core::Clock& clock, catalog::Catalog& catalog);

  // Reading: any officer whose subtree holds the agency; not_found for an unknown agency,
  // forbidden for one outside the caller's subtree. The agency's processes by procedure code.
  std::vector<AgencyProcess> List(const core::access::Caller& caller,
                                  const std::string& agency_code) const;
  // not_found also when the agency has no own process for the procedure.
  AgencyProcess Get(const core::access::Caller& caller, const std::string& agency_code,
                    const std::string& procedure_code) const;

  // Throws unless the caller may change the agency's processes: not_found for an unknown
  // agency, forbidden unless an administrator of the agency or of an ancestor. Put and
  // Delete check it; the handler calls it first too, so that a refused caller learns nothing
  // from the validation of its body.
  void CheckCanEdit(const core::access::Caller& caller, const std::string& agency_code) const;
  // Saves (or replaces) the agency's process: not_found for an unknown procedure;
  // validation_failed naming steps… when the steps break a rule of the catalog's steps
  // (roles, hours adding up to the procedure's time limit, the last the return by reception),
  // when the last is not at the receiving agency, or when a step does not resolve for this
  // agency now (steps[i].agency / steps[i].unit). Audited.
  AgencyProcess Put(const core::access::Caller& caller, const std::string& agency_code,
                    const std::string& procedure_code, std::vector<core::catalog::Step> steps);
  // Removes it (dossiers received from then on follow the procedure's steps); not_found when
  // the agency has none for the procedure. Audited.
  void Delete(const core::access::Caller& caller, const std::string& agency_code,
              const std::string& procedure_code);

 private:
  std::string NameOf(const std::string& procedure_code) const;

  store::Database& db_;
  const core::Clock& clock_;
  catalog::Catalog& catalog_;
};

}  // namespace egov::service::dossier
