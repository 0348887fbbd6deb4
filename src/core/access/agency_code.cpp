// Agency code validation (see agency_code.hpp).
#include "core/access/agency_code.hpp"

#include <vector>

namespace egov::core::access {

namespace {

std::vector<std::string_view> Groups(std::string_view code) {
  std::vector<std::string_view> out;
  while (true) {
    auto dot = code.find('.');
    out.push_back(code.substr(0, dot));
    if (dot == std::string_view::npos) break;
    code.remove_prefix(dot + 1);
  }
  return out;
}

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsZeros(std::string_view s) { return s.find_first_not_of('0') == std::string_view::npos; }

// V1V2V3.Z1Z2.Y1Y2.MX1X2 with M a letter (A–Z) and the rest alphanumeric.
bool IsStandardForm(const std::vector<std::string_view>& g) {
  if (g.size() != 4 || g[0].size() != 3 || g[1].size() != 2 || g[2].size() != 2 ||
      g[3].size() != 3) {
    return false;
  }
  return g[3][0] >= 'A' && g[3][0] <= 'Z' && IsDigits(g[3].substr(1));
}

}  // namespace

std::optional<std::string> AgencyCodeProblem(std::string_view code) {
  if (code.empty()) return "Mã định danh cơ quan không được để trống.";
  if (code.size() > 35) return "Mã định danh cơ quan dài tối đa 35 ký tự.";
  for (char c : code) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '.')) {
      return "Mã định danh cơ quan chỉ gồm chữ số, chữ in hoa A–Z và dấu chấm.";
    }
  }
  for (auto g : Groups(code)) {
    if (g.empty()) return "Mã định danh cơ quan không được có nhóm rỗng giữa các dấu chấm.";
  }
  auto groups = Groups(code);
  if (groups.size() == 4 && !IsStandardForm(groups)) {
    return "Mã định danh cơ quan phải có dạng V1V2V3.Z1Z2.Y1Y2.MX1X2 (ví dụ 000.00.00.H48).";
  }
  return std::nullopt;
}

std::optional<std::string> AgencyNestingProblem(std::string_view parent, std::string_view child) {
  auto p = Groups(parent), c = Groups(child);
  if (!IsStandardForm(p)) return std::nullopt;
  if (!IsStandardForm(c)) {
    return "Mã của đơn vị trực thuộc phải có dạng V1V2V3.Z1Z2.Y1Y2.MX1X2 như mã đơn vị cấp "
           "trên (" +
           std::string(parent) + ").";
  }
  if (p[3] != c[3]) {
    return "Mã của đơn vị trực thuộc phải cùng mã cấp tỉnh (" + std::string(p[3]) +
           ") với đơn vị cấp trên.";
  }
  bool filled = false;
  for (int i = 0; i < 3; ++i) {
    if (!IsZeros(p[i]) && p[i] != c[i]) {
      return "Mã của đơn vị trực thuộc phải giữ nguyên các cấp đã có của mã đơn vị cấp trên (" +
             std::string(parent) + ").";
    }
    if (IsZeros(p[i]) && !IsZeros(c[i])) filled = true;
  }
  if (!filled) {
    return "Mã của đơn vị trực thuộc phải điền thêm một cấp còn trống của mã đơn vị cấp trên (" +
           std::string(parent) + ").";
  }
  return std::nullopt;
}

}  // namespace egov::core::access
