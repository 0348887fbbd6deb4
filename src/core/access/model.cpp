// Validation of access records (see model.hpp).
#include "core/access/model.hpp"

namespace egov::core::access {

namespace {
struct KindInfo {
  std::string_view kind;
  std::string_view label;
};
constexpr KindInfo kKinds[] = {
    {"province", "UBND tỉnh"},
    {"district", "UBND huyện"},
    {"commune", "UBND xã"},
    {"department", "Phòng, ban, sở"},
    {"service_center", "Trung tâm phục vụ hành chính công"},
    {"other", "Khác"},
};
}  // namespace

bool IsAgencyKind(std::string_view kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return true;
  }
  return false;
}

std::string_view AgencyKindLabel(std::string_view kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k.label;
  }
  return "";
}

std::string AgencyKindList() {
  std::string out;
  for (const auto& k : kKinds) {
    if (!out.empty()) out += ", ";
    out += k.kind;
  }
  return out;
}

std::optional<std::string> UsernameProblem(std::string_view username) {
  if (username.size() < 3 || username.size() > 64) {
    return "Tên đăng nhập phải dài từ 3 đến 64 ký tự.";
  }
  for (char c : username) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
      return "Tên đăng nhập chỉ gồm chữ thường không dấu (a-z), chữ số và các dấu . _ -";
    }
  }
  char first = username.front();
  if (!((first >= 'a' && first <= 'z') || (first >= '0' && first <= '9'))) {
    return "Tên đăng nhập phải bắt đầu bằng chữ cái hoặc chữ số.";
  }
  return std::nullopt;
}

}  // namespace egov::core::access
