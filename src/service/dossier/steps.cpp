// A dossier's resolved process (see steps.hpp).
#include "service/dossier/steps.hpp"

#include <map>

#include "core/error.hpp"
#include "store/access/agencies.hpp"

namespace egov::service::dossier {

using core::dossier::DossierStep;

std::vector<DossierStep> ResolveSteps(store::Session& session,
                                      const core::catalog::Procedure& procedure,
                                      const core::access::Agency& receiving) {
  std::map<std::string, core::access::Agency> agencies;
  auto agency_of = [&](const std::string& code) -> const core::access::Agency& {
    auto it = agencies.find(code);
    if (it != agencies.end()) return it->second;
    auto found = store::access::FindAgencyByCode(session, code);
    if (!found) {
      throw Error(
          ErrorCode::kConflict,
          "Quy trình của thủ tục nêu một cơ quan không còn tồn tại (" + code.substr(0, 40) + ").",
          "procedure step names unknown agency " + code);
    }
    return agencies.emplace(code, std::move(*found)).first->second;
  };
  std::vector<DossierStep> out;
  int index = 0;
  for (const auto& step : procedure.steps) {
    const auto& agency = agency_of(step.agency_code.empty() ? receiving.code : step.agency_code);
    out.push_back({index++, step.name, step.role, agency.id, agency.code, agency.path,
                   agency.working_hours, step.hours});
  }
  return out;
}

core::catalog::Procedure WithSteps(core::catalog::Procedure procedure,
                                   const std::vector<DossierStep>& steps) {
  procedure.steps.clear();
  for (const auto& s : steps) procedure.steps.push_back({s.name, s.role, s.agency_code, s.hours});
  return procedure;
}

std::int64_t CompetentAgency(const std::vector<DossierStep>& steps,
                             std::int64_t receiving_agency_id) {
  if (steps.size() < 2) return receiving_agency_id;
  return steps[steps.size() - 2].agency_id;
}

bool Sees(const core::access::Caller& caller, const core::dossier::Dossier& dossier,
          const std::vector<DossierStep>& steps) {
  if (caller.Sees(dossier.receiving_agency_path)) return true;
  for (const auto& s : steps) {
    if (!s.agency_path.empty() && caller.Sees(s.agency_path)) return true;
  }
  return false;
}

ProcessCalendars::ProcessCalendars(const core::calendar::WorkingCalendar& base,
                                   const core::calendar::WorkingHours& receiving_hours,
                                   const std::vector<DossierStep>& steps)
    : receiving_(base.WithHours(receiving_hours)) {
  steps_.reserve(steps.size());
  for (const auto& s : steps) {
    steps_.push_back(s.working_hours.empty()
                         ? receiving_
                         : base.WithHours(core::calendar::ParseWorkingHours(s.working_hours)));
  }
  view_.receiving = &receiving_;
  for (const auto& c : steps_) view_.steps.push_back(&c);
}

}  // namespace egov::service::dossier
