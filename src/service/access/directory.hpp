// Use cases of the directory: the agency tree and user accounts (docs/access.md). Every
// call is checked against the caller's role and subtree here, and lists are filtered in the
// SQL; every change is audited in its own transaction. Thread-safe (no mutable state).
#pragma once

#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/access/model.hpp"
#include "core/calendar/working_time.hpp"
#include "core/clock.hpp"
#include "json/read.hpp"
#include "service/access/settings.hpp"
#include "service/audit/audit.hpp"
#include "store/access/users.hpp"
#include "store/database.hpp"

namespace egov::service::access {

struct AgencyNode {
  core::access::Agency agency;
  std::vector<AgencyNode> children;
};

// Bodies of the API (POST/PATCH agencies and users), read by json::Read with these limits.
struct NewAgency {
  std::string code, name, parent_code,
      kind = "other", abbreviation,
      working_hours = std::string(core::calendar::kDefaultWorkingHours);
};
BOOST_DESCRIBE_STRUCT(NewAgency, (), (code, name, parent_code, kind, abbreviation, working_hours))
constexpr auto JsonRules(json::For<NewAgency>) {
  return std::to_array<json::FieldRule>({
      {"code", {.max_chars = 35}},
      {"name", {.max_chars = 255}},
      {"parent_code", {.max_chars = 35}},
      {"kind", {.max_chars = 30, .optional = true}},
      {"abbreviation", {.max_chars = 30, .optional = true}},
      {"working_hours", {.max_chars = 200, .optional = true}},
  });
}
struct AgencyPatch {
  std::optional<std::string> name, kind, abbreviation, working_hours;
};
BOOST_DESCRIBE_STRUCT(AgencyPatch, (), (name, kind, abbreviation, working_hours))
constexpr auto JsonRules(json::For<AgencyPatch>) {
  return std::to_array<json::FieldRule>({
      {"name", {.max_chars = 255}},
      {"kind", {.max_chars = 30}},
      {"abbreviation", {.max_chars = 30}},
      {"working_hours", {.max_chars = 200}},
  });
}
struct NewUser {
  std::string username, full_name, password, agency_code;
  std::vector<std::string> roles;
  std::string email;  // optional; "" none
};
BOOST_DESCRIBE_STRUCT(NewUser, (), (username, full_name, password, agency_code, roles, email))
constexpr auto JsonRules(json::For<NewUser>) {
  return std::to_array<json::FieldRule>({
      {"username", {.max_chars = 64}},
      {"full_name", {.max_chars = 255}},
      {"password", {.max_chars = 1024}},
      {"agency_code", {.max_chars = 35}},
      {"roles", {.max_chars = 30, .max_items = 6, .optional = true}},
      {"email", {.max_chars = 254, .optional = true}},
  });
}
struct UserPatch {
  std::optional<std::string> full_name;
  std::optional<std::vector<std::string>> roles;
  std::optional<bool> active;
  std::optional<std::string> agency_code;
  std::optional<std::string> email;  // "" removes it
};
BOOST_DESCRIBE_STRUCT(UserPatch, (), (full_name, roles, active, agency_code, email))
constexpr auto JsonRules(json::For<UserPatch>) {
  return std::to_array<json::FieldRule>({
      {"full_name", {.max_chars = 255}},
      {"email", {.max_chars = 254}},
      {"roles", {.max_chars = 30, .max_items = 6}},
      {"agency_code", {.max_chars = 35}},
  });
}
struct UserQuery {
  std::string q, agency_code, role, active;  // raw query parameters, validated here
  int page = 1, per_page = 50;
};

class Directory {
 public:
  Directory(store::Database& db, const core::Clock& clock, const AccessSettings& settings,
            std::unordered_set<std::string> common_passwords);

  // The caller's agency and everything under it.
  AgencyNode AgencyTree(const core::access::Caller& caller) const;
  core::access::Agency CreateAgency(const core::access::Caller& caller, const NewAgency& input);
  core::access::Agency UpdateAgency(const core::access::Caller& caller, const std::string& code,
                                    const AgencyPatch& patch);

  store::access::UserPage ListUsers(const core::access::Caller& caller, const UserQuery& q);
  core::access::User GetUser(const core::access::Caller& caller, const std::string& username);
  // Hashes the password (slow: run on the blocking pool).
  core::access::User CreateUser(const core::access::Caller& caller, const NewUser& input);
  core::access::User UpdateUser(const core::access::Caller& caller, const std::string& username,
                                const UserPatch& patch);
  // Admin reset; ends the user's sessions and API tokens. Slow (hashing).
  void ResetPassword(const core::access::Caller& caller, const std::string& username,
                     const std::string& password);

  // For the command line and the demo (no caller): a root or child agency, and a user.
  // `skip_policy` only for the demo's published password.
  core::access::Agency CreateAgencyAsSystem(const NewAgency& input, const std::string& actor);
  core::access::User CreateUserAsSystem(const NewUser& input, const std::string& actor,
                                        bool skip_policy = false);

  // Vietnamese reason when `password` breaks the policy for `username`.
  std::optional<std::string> PasswordProblem(const std::string& password,
                                             const std::string& username) const;

 private:
  core::access::Agency DoCreateAgency(const NewAgency& input, const audit::Actor& actor,
                                      const core::access::Caller* caller);
  core::access::User DoCreateUser(const NewUser& input, const audit::Actor& actor,
                                  const core::access::Caller* caller, bool skip_policy);

  store::Database& db_;
  const core::Clock& clock_;
  const AccessSettings& settings_;
  std::unordered_set<std::string> common_passwords_;
};

// The common passwords shipped in data/security/common-passwords.txt (folded).
std::unordered_set<std::string> ShippedCommonPasswords();

// Field limits (characters).
constexpr std::size_t kMaxNameLength = 255;
constexpr std::size_t kMaxAbbreviationLength = 30;

}  // namespace egov::service::access
