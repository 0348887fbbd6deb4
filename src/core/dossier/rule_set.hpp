// The rule sets of the one-stop shop (DOMAIN.md §2): Circular 01/2018/TT-VPCP for dossiers
// received before 1 July 2025, Circular 03/2025/TT-VPCP from then. A dossier is judged by the
// set in force on the Vietnam date it was received (or submitted, before acceptance). The
// rules that differ between sets are data here, never `if (year >= 2025)` in the workflow.
// Pure constants; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/calendar/date.hpp"

namespace egov::core::dossier {

struct RuleSet {
  std::string_view name;          // "Thông tư 01/2018/TT-VPCP"
  calendar::Date effective_from;  // Vietnam date from which dossiers received fall under it
  // Apology and new appointment (Form 04): how many per dossier, and until how many working
  // days before the due time in force the request may be made.
  int max_reschedules = 1;
  int reschedule_notice_working_days = 1;
  // The stop notice (Thông báo dừng giải quyết hồ sơ, Form 05 of 2025): the `stop` action.
  bool has_stop = false;
};

// The set in force for a dossier received (or submitted) at `at` (UTC epoch milliseconds).
const RuleSet& RuleSetAt(std::int64_t at);
// Every set, oldest first.
std::span<const RuleSet> AllRuleSets();

}  // namespace egov::core::dossier
