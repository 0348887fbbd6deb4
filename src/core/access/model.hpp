// The records of the access capability as the store returns them (DOMAIN.md §1):
// agencies in a tree, users with roles, login sessions and API tokens. Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/access/roles.hpp"

namespace egov::core::access {

struct Agency {
  std::int64_t id = 0;
  std::string code;
  std::optional<std::int64_t> parent_id;
  std::string path;  // '/1/5/12/'
  std::string name;
  std::string kind;
  std::string abbreviation;
  std::string working_hours;  // "07:30-11:30,13:00-17:00": calendar::ParseWorkingHours
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// Kinds of agency; Vietnamese label for each. False for an unknown kind.
bool IsAgencyKind(std::string_view kind);
std::string_view AgencyKindLabel(std::string_view kind);
// "province, district, commune, department, service_center, other"
std::string AgencyKindList();

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string full_name;
  std::string email;  // "" when none: where reminders are e-mailed (docs/reminders.md)
  std::int64_t agency_id = 0;
  std::string agency_code;
  std::string agency_name;
  std::string agency_path;
  std::set<Role> roles;
  bool active = true;
  std::string password_hash;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::int64_t password_changed_at = 0;
};

struct LoginSession {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
  std::string client_address;
  std::string user_agent;
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string prefix;  // the first characters, to recognise a token in a list
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;  // refused from then on
  std::optional<std::int64_t> last_used_at;
};

// nullopt when `username` is acceptable (3–64 of a-z 0-9 . _ -, starting with a letter or
// digit); otherwise a Vietnamese explanation.
std::optional<std::string> UsernameProblem(std::string_view username);

}  // namespace egov::core::access
