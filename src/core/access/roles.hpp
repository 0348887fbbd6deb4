// Roles and the signed-in caller, and the permission rules that need no database
// (CONTRACT.md, Auth): a user sees and acts within their agency's subtree.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace egov::core::access {

enum class Role { kAdmin, kReception, kSpecialist, kLeader, kClerk, kViewer };

// "admin", "reception", … as in the API and the database.
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
// Vietnamese label for screens and messages: "Quản trị", "Tiếp nhận" …
std::string_view RoleLabel(Role role);
const std::vector<Role>& AllRoles();

// Who is calling, as established by a session or an API token.
struct Caller {
  std::int64_t user_id = 0;
  std::string username;
  std::string full_name;
  std::int64_t agency_id = 0;
  std::string agency_code;
  std::string agency_name;
  std::string agency_path;  // '/1/5/12/': the caller's agency and its ancestors
  std::set<Role> roles;
  std::int64_t session_id = 0;  // 0 when authenticated by an API token
  std::int64_t token_id = 0;    // 0 when authenticated by a session

  bool Has(Role role) const { return roles.contains(role); }
  // True when an agency with materialised path `path` lies in the caller's subtree.
  bool Sees(std::string_view path) const { return path.starts_with(agency_path); }
};

// Throws egov::Error(kForbidden) unless the caller has one of `roles`.
void RequireAnyRole(const Caller& caller, std::initializer_list<Role> roles);

// The half-open key range [begin, end) of materialised paths in the subtree rooted at
// `path` (for an indexed range scan instead of LIKE).
std::pair<std::string, std::string> SubtreeRange(const std::string& path);

}  // namespace egov::core::access
