// Agency identification codes (QCVN 102:2016/BTTTT, Decision 20/2020/QĐ-TTg):
// V1V2V3.Z1Z2.Y1Y2.MX1X2, read right to left — M X1X2 the province (H48 = Quảng Ngãi),
// Y1Y2 a unit under the province (department, district), Z1Z2 a unit under that (commune,
// division), V1V2V3 the level below; unused levels are zeros. At most 35 characters of
// 0-9 A-Z and '.'. Codes are data (loaded, never computed); these checks only reject what
// cannot be a code, or a child that does not extend its parent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace egov::core::access {

// nullopt when `code` is well-formed; otherwise a Vietnamese explanation.
std::optional<std::string> AgencyCodeProblem(std::string_view code);

// nullopt when `child` may sit under `parent` in the tree: for codes of the standard
// four-group form, the child keeps every non-zero group of the parent and fills at least
// one of the parent's zero groups; a child of a four-group parent has four groups too.
// Children of a parent of another form are not compared.
std::optional<std::string> AgencyNestingProblem(std::string_view parent, std::string_view child);

}  // namespace egov::core::access
