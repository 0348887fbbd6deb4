// The rule sets of the one-stop shop (DOMAIN.md §2): Circular 01/2018/TT-VPCP for dossiers
// received before 1 July 2025, Circular 03/2025/TT-VPCP from then. A dossier is judged by the
// set in force on the Vietnam date it was received (or submitted, before acceptance). The
// rules that differ between sets are data here, never `if (year >= 2025)` in the workflow.
// Pure constants; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "core/calendar/date.hpp"

namespace egov::core::dossier {

// The printed forms of a dossier (DOMAIN.md §2, docs/forms.md), addressed by name; each set
// gives them its own numbers and titles.
enum class Form { kReceipt, kSupplement, kRefusal, kApology, kStop, kControlSheet };
inline constexpr std::size_t kFormCount = 6;

// A form as a set prints it; an empty number: the set has no such form.
struct FormTitle {
  std::string_view number;  // "02"
  std::string_view title;  // "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" (sentence case)
};

struct RuleSet {
  std::string_view name;          // "Thông tư 01/2018/TT-VPCP"
  calendar::Date effective_from;  // Vietnam date from which dossiers received fall under it
  // Apology and new appointment (Form 04): how many per dossier, and until how many working
  // days before the due time in force the request may be made.
  int max_reschedules = 1;
  int reschedule_notice_working_days = 1;
  // The stop notice (Thông báo dừng giải quyết hồ sơ, Form 05 of 2025): the `stop` action.
  bool has_stop = false;
  // The forms, indexed by Form.
  std::array<FormTitle, kFormCount> forms{};
};

// The form as `rules` prints it; nullopt when the set has no such form.
std::optional<FormTitle> FormIn(const RuleSet& rules, Form form);
// "receipt" (also "01"), "supplement", "refusal", "apology", "stop", "control-sheet": the names
// of the API; nullopt for any other text.
std::optional<Form> ParseForm(std::string_view name);
std::string_view Name(Form form);
std::span<const Form> AllForms();

// The set in force for a dossier received (or submitted) at `at` (UTC epoch milliseconds).
const RuleSet& RuleSetAt(std::int64_t at);
// Every set, oldest first.
std::span<const RuleSet> AllRuleSets();

}  // namespace egov::core::dossier
