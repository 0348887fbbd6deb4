// Validation of access records (see model.hpp).
#include "core/access/model.hpp"

#include <cstdio>
#include <vector>

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

std::optional<std::string> WorkingHoursProblem(std::string_view hours) {
  const std::string bad =
      "Giờ làm việc phải có dạng HH:MM-HH:MM, các khoảng cách nhau bởi dấu phẩy, theo thứ tự "
      "và không chồng lấn (ví dụ 07:30-11:30,13:00-17:00).";
  if (hours.empty() || hours.size() > 200) return bad;
  int last_end = -1;
  while (!hours.empty()) {
    auto comma = hours.find(',');
    std::string part(hours.substr(0, comma));
    hours = comma == std::string_view::npos ? std::string_view{} : hours.substr(comma + 1);
    int h1, m1, h2, m2;
    char tail;
    if (part.size() != 11 ||
        std::sscanf(part.c_str(), "%2d:%2d-%2d:%2d%c", &h1, &m1, &h2, &m2, &tail) != 4) {
      return bad;
    }
    if (h1 < 0 || h1 > 24 || h2 < 0 || h2 > 24 || m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59) {
      return bad;
    }
    int begin = h1 * 60 + m1, end = h2 * 60 + m2;
    if (end > 24 * 60 || begin >= end || begin < last_end) return bad;
    last_end = end;
  }
  return std::nullopt;
}

}  // namespace egov::core::access
