// The rule sets of the one-stop shop (see rule_set.hpp).
#include "core/dossier/rule_set.hpp"

namespace egov::core::dossier {

namespace {

// CONTRACT.md: Circular 01/2018 before 1 July 2025 (every earlier dossier), 03/2025 from then.
// The 2025 wording of the apology ("đề nghị gia hạn") may allow other limits (DOMAIN.md §2,
// to verify): until then both sets keep the 2018 rule of one reschedule, one working day ahead.
constexpr RuleSet kRuleSets[] = {
    {"Thông tư 01/2018/TT-VPCP", {calendar::kMinYear, 1, 1}, 1, 1, false},
    {"Thông tư 03/2025/TT-VPCP", {2025, 7, 1}, 1, 1, true},
};

}  // namespace

const RuleSet& RuleSetAt(std::int64_t at) {
  const calendar::Date date = calendar::FromUtcMillis(at).date;
  const RuleSet* in_force = &kRuleSets[0];
  for (const RuleSet& set : kRuleSets) {
    if (set.effective_from <= date) in_force = &set;
  }
  return *in_force;
}

std::span<const RuleSet> AllRuleSets() { return kRuleSets; }

}  // namespace egov::core::dossier
