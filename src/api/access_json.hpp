// JSON shapes of the access capability (docs/access.md), as views for the generic writer
// (json_view.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "api/json_view.hpp"
#include "core/access/model.hpp"
#include "service/access/directory.hpp"

namespace egov::api {

struct UserView {
  std::string username;
  std::string full_name;
  std::string agency_code;
  std::string agency_name;
  std::vector<std::string_view> roles;
  bool active = true;
  Instant created_at;
  std::optional<std::string> email;  // null when none
};
BOOST_DESCRIBE_STRUCT(UserView, (),
                      (username, full_name, agency_code, agency_name, roles, active, created_at,
                       email))

// The signed-in user (GET /auth/me): a user without created_at.
struct CallerView {
  std::string username;
  std::string full_name;
  std::string agency_code;
  std::string agency_name;
  std::vector<std::string_view> roles;
  bool active = true;  // only active users authenticate
};
BOOST_DESCRIBE_STRUCT(CallerView, (),
                      (username, full_name, agency_code, agency_name, roles, active))

struct AgencyView {
  std::string code;
  std::string name;
  std::string kind;
  std::string abbreviation;
  std::string working_hours;
};
BOOST_DESCRIBE_STRUCT(AgencyView, (), (code, name, kind, abbreviation, working_hours))

// The tree of GET /api/v1/agencies: an agency and its children, nested.
struct AgencyTreeView : AgencyView {
  std::vector<AgencyTreeView> children;
};
BOOST_DESCRIBE_STRUCT(AgencyTreeView, (AgencyView), (children))

UserView ViewOf(const core::access::User& user);
CallerView ViewOf(const core::access::Caller& caller);
AgencyView ViewOf(const core::access::Agency& agency);
AgencyTreeView ViewOf(const service::access::AgencyNode& node);

}  // namespace egov::api
