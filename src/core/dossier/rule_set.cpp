// The rule sets of the one-stop shop (see rule_set.hpp).
#include "core/dossier/rule_set.hpp"

namespace egov::core::dossier {

namespace {

// CONTRACT.md: Circular 01/2018 before 1 July 2025 (every earlier dossier), 03/2025 from then.
// The 2025 wording of the apology ("đề nghị gia hạn") may allow other limits (DOMAIN.md §2,
// to verify): until then both sets keep the 2018 rule of one reschedule, one working day ahead.
// The forms' numbers and titles: DOMAIN.md §2 (the 2025 titles from secondary sources).
constexpr RuleSet kRuleSets[] = {
    {"Thông tư 01/2018/TT-VPCP",
     {calendar::kMinYear, 1, 1},
     1,
     1,
     false,
     {{
         {"01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
         {"02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
         {"03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
         {"04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"},
         {"", ""},
         {"05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
     }}},
    {"Thông tư 03/2025/TT-VPCP",
     {2025, 7, 1},
     1,
     1,
     true,
     {{
         {"01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
         {"02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
         {"03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
         {"04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"},
         {"05", "Thông báo dừng giải quyết hồ sơ"},
         {"06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
     }}},
};

constexpr Form kForms[] = {Form::kReceipt, Form::kSupplement, Form::kRefusal,
                           Form::kApology, Form::kStop,       Form::kControlSheet};
constexpr std::string_view kFormNames[] = {"receipt", "supplement", "refusal",
                                           "apology", "stop",       "control-sheet"};
static_assert(std::size(kForms) == kFormCount && std::size(kFormNames) == kFormCount);

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

std::optional<FormTitle> FormIn(const RuleSet& rules, Form form) {
  const FormTitle& title = rules.forms[static_cast<std::size_t>(form)];
  if (title.number.empty()) return std::nullopt;
  return title;
}

std::optional<Form> ParseForm(std::string_view name) {
  if (name == "01") return Form::kReceipt;
  for (std::size_t i = 0; i < kFormCount; ++i) {
    if (kFormNames[i] == name) return kForms[i];
  }
  return std::nullopt;
}

std::string_view Name(Form form) { return kFormNames[static_cast<std::size_t>(form)]; }

std::span<const Form> AllForms() { return kForms; }

}  // namespace egov::core::dossier
