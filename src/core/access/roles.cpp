// Role names and permission helpers (see roles.hpp).
#include "core/access/roles.hpp"

#include "core/error.hpp"

namespace egov::core::access {

namespace {
struct RoleInfo {
  Role role;
  std::string_view name;
  std::string_view label;
};
constexpr RoleInfo kRoles[] = {
    {Role::kAdmin, "admin", "Quản trị"},
    {Role::kReception, "reception", "Tiếp nhận"},
    {Role::kSpecialist, "specialist", "Chuyên viên"},
    {Role::kLeader, "leader", "Lãnh đạo"},
    {Role::kClerk, "clerk", "Văn thư"},
    {Role::kViewer, "viewer", "Xem"},
};
}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& r : kRoles) {
    if (r.role == role) return r.name;
  }
  return "viewer";
}

std::string_view RoleLabel(Role role) {
  for (const auto& r : kRoles) {
    if (r.role == role) return r.label;
  }
  return "";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& r : kRoles) {
    if (r.name == name) return r.role;
  }
  return std::nullopt;
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = {Role::kAdmin,  Role::kReception, Role::kSpecialist,
                                         Role::kLeader, Role::kClerk,     Role::kViewer};
  return kAll;
}

void RequireAnyRole(const Caller& caller, std::initializer_list<Role> roles) {
  for (Role r : roles) {
    if (caller.Has(r)) return;
  }
  std::string names;
  for (Role r : roles) {
    if (!names.empty()) names += ", ";
    names += RoleLabel(r);
  }
  throw Error(ErrorCode::kForbidden,
              "Bạn không có quyền thực hiện thao tác này (cần vai trò: " + names + ").");
}

std::pair<std::string, std::string> SubtreeRange(const std::string& path) {
  // Paths end with '/', and '0' follows '/' in ASCII: every descendant sorts before end.
  std::string end = path;
  if (!end.empty()) end.back() = static_cast<char>(end.back() + 1);
  return {path, end};
}

}  // namespace egov::core::access
