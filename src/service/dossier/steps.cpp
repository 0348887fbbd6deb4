// A dossier's resolved process (see steps.hpp).
#include "service/dossier/steps.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "core/error.hpp"
#include "service/catalog/procedure_json.hpp"
#include "store/access/agencies.hpp"
#include "store/catalog/agency_processes.hpp"

namespace egov::service::dossier {

using core::dossier::DossierStep;

namespace {

using core::access::Agency;
using core::catalog::RelativeAgency;

// Looks agencies up once per resolution: by code (absolute steps, the receiving agency) and by
// id (its ancestors, on its materialised path "/1/5/12/").
class AgencyLookup {
 public:
  explicit AgencyLookup(store::Session& session) : session_(session) {}

  const Agency* ByCode(const std::string& code) {
    if (auto it = by_code_.find(code); it != by_code_.end()) return &ById(it->second);
    auto found = store::access::FindAgencyByCode(session_, code);
    if (!found) return nullptr;
    by_code_.emplace(code, found->id);
    return &Keep(std::move(*found));
  }
  const Agency& ById(std::int64_t id) {
    if (auto it = by_id_.find(id); it != by_id_.end()) return it->second;
    auto found = store::access::FindAgencyById(session_, id);
    if (!found) {
      throw Error(ErrorCode::kConflict, "Cơ quan, đơn vị không còn tồn tại.",
                  "agency id " + std::to_string(id) + " vanished while resolving steps");
    }
    return Keep(std::move(*found));
  }
  // `agency` and its ancestors, nearest first.
  std::vector<const Agency*> Lineage(const Agency& agency) {
    std::vector<const Agency*> out{&agency};
    std::vector<std::int64_t> ids;
    const std::string& path = agency.path;
    for (std::size_t i = 1; i < path.size();) {
      auto slash = path.find('/', i);
      if (slash == std::string::npos) break;
      ids.push_back(std::stoll(path.substr(i, slash - i)));
      i = slash + 1;
    }
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
      if (*it != agency.id) out.push_back(&ById(*it));
    }
    return out;
  }
  // The agency directly under `parent` whose abbreviation is `unit`: nullptr when none,
  // `ambiguous` set when several.
  const Agency* Unit(const Agency& parent, const std::string& unit, bool& ambiguous) {
    auto found = store::access::ListChildrenByAbbreviation(session_, parent.id, unit);
    ambiguous = found.size() > 1;
    if (found.size() != 1) return nullptr;
    return &Keep(std::move(found.front()));
  }

 private:
  const Agency& Keep(Agency agency) {
    const std::int64_t id = agency.id;
    by_code_.emplace(agency.code, id);
    return by_id_.emplace(id, std::move(agency)).first->second;
  }

  store::Session& session_;
  std::map<std::string, std::int64_t> by_code_;
  std::map<std::int64_t, Agency> by_id_;  // node-based: pointers stay valid
};

std::string_view LevelName(RelativeAgency agency) {
  return agency == RelativeAgency::kProvince ? "UBND cấp tỉnh" : "UBND cấp huyện";
}

// The agency of a relative step for a dossier received at `receiving`; validation_failed naming
// the step's `agency` (no such level above the receiving agency) or `unit` (no such department,
// or several) otherwise.
const Agency& RelativeStepAgency(AgencyLookup& lookup, const Agency& receiving,
                                 const core::catalog::Step& step, std::size_t index) {
  const Agency* base = &receiving;
  if (step.agency != RelativeAgency::kReceiving) {
    const std::string_view kind = core::catalog::RelativeAgencyName(step.agency);
    base = nullptr;
    for (const Agency* a : lookup.Lineage(receiving)) {
      if (a->kind == kind) {
        base = a;
        break;
      }
    }
    if (!base) {
      throw FieldError(fmt::format("steps[{}].agency", index),
                       fmt::format("bước {} ({}) do {} của đơn vị tiếp nhận thực hiện, nhưng {} "
                                   "không thuộc {} nào.",
                                   index + 1, step.name, LevelName(step.agency), receiving.name,
                                   LevelName(step.agency)));
    }
  }
  if (step.unit.empty()) return *base;
  bool ambiguous = false;
  if (const Agency* unit = lookup.Unit(*base, step.unit, ambiguous)) return *unit;
  throw FieldError(
      fmt::format("steps[{}].unit", index),
      fmt::format("bước {} ({}) do đơn vị có ký hiệu {} trực thuộc {} thực hiện, nhưng {} {}.",
                  index + 1, step.name, step.unit, base->name, base->name,
                  ambiguous ? "có nhiều đơn vị cùng ký hiệu đó" : "không có đơn vị nào như vậy"));
}

}  // namespace

bool FitsProcedure(const std::vector<core::catalog::Step>& steps,
                   const core::catalog::Procedure& procedure) {
  if (steps.size() < 2 || steps.back().role != core::access::Role::kReception) return false;
  int total = 0;
  for (const auto& s : steps) total += s.hours;
  return total == procedure.time_limit.TotalHours();
}

std::vector<DossierStep> ResolveTheseSteps(store::Session& session,
                                           const std::vector<core::catalog::Step>& steps,
                                           const core::access::Agency& receiving) {
  AgencyLookup lookup(session);
  auto absolute = [&](const std::string& code) -> const Agency& {
    if (const Agency* found = lookup.ByCode(code)) return *found;
    throw Error(
        ErrorCode::kConflict,
        "Quy trình của thủ tục nêu một cơ quan không còn tồn tại (" + code.substr(0, 40) + ").",
        "procedure step names unknown agency " + code);
  };
  // The stored receiving agency (kind, name, path, hours): the caller may pass only its code.
  const Agency& at = absolute(receiving.code);
  std::vector<DossierStep> out;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i];
    const Agency& agency = step.agency_code.empty() ? RelativeStepAgency(lookup, at, step, i)
                                                    : absolute(step.agency_code);
    out.push_back({static_cast<int>(i), step.name, step.role, agency.id, agency.code, agency.path,
                   agency.working_hours, step.hours});
  }
  return out;
}

std::vector<DossierStep> ResolveSteps(store::Session& session,
                                      const core::catalog::Procedure& procedure,
                                      const core::access::Agency& receiving, bool own_process) {
  if (own_process) {
    std::int64_t agency_id = receiving.id;
    if (agency_id == 0) {
      auto found = store::access::FindAgencyByCode(session, receiving.code);
      if (found) agency_id = found->id;
    }
    if (auto own = store::catalog::FindAgencyProcess(session, agency_id, procedure.code)) {
      auto steps = catalog::ProcessStepsFromJson(own->steps);
      if (FitsProcedure(steps, procedure)) return ResolveTheseSteps(session, steps, receiving);
    }
  }
  return ResolveTheseSteps(session, procedure.steps, receiving);
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

core::dossier::Actor ActorOf(const core::access::Caller& caller,
                             const core::dossier::Dossier& dossier,
                             const core::dossier::WorkflowState& state,
                             const std::vector<core::dossier::DossierStep>& steps) {
  const auto at = [&](std::int64_t agency_id) { return caller.agency_id == agency_id; };
  return core::dossier::Actor{caller.roles, at(dossier.receiving_agency_id),
                              state.step && *state.step >= 0 &&
                                  *state.step < static_cast<int>(steps.size()) &&
                                  at(steps[static_cast<std::size_t>(*state.step)].agency_id),
                              caller.username};
}

}  // namespace egov::service::dossier
