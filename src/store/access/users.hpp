// SQL for users and their roles (tables users, user_roles). Functions run on the caller's
// session or transaction; they never commit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "store/database.hpp"

namespace egov::store::access {

std::optional<core::access::User> FindUserByUsername(Session& session, const std::string& username);
// With a statement prepared once per pooled connection (authentication runs it on every
// request).
std::optional<core::access::User> FindUserById(Session& session, std::int64_t id);

struct UserFilter {
  std::string subtree_path;  // required: only users of agencies under this path
  std::string query;         // matches username or full name, folded; empty: any
  std::string agency_path;   // only this agency's subtree (already checked visible); empty: any
  std::optional<core::access::Role> role;
  std::optional<bool> active;
  int page = 1;
  int per_page = 50;
};
struct UserPage {
  std::vector<core::access::User> items;
  std::int64_t total = 0;
};
UserPage ListUsers(Session& session, const UserFilter& filter);

// Inserts the user and its roles; returns the id.
std::int64_t InsertUser(WriteTransaction& tx, const core::access::User& user, std::int64_t now);
// Updates full name, agency, active and roles.
void UpdateUser(WriteTransaction& tx, const core::access::User& user, std::int64_t now);
void SetPasswordHash(WriteTransaction& tx, std::int64_t user_id, const std::string& hash,
                     std::int64_t now);

}  // namespace egov::store::access
