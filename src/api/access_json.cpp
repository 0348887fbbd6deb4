// JSON shapes of the access capability (see access_json.hpp).
#include "api/access_json.hpp"

#include "api/json_util.hpp"

namespace egov::api {

namespace {
boost::json::array Roles(const std::set<core::access::Role>& roles) {
  boost::json::array out;
  for (auto r : roles) out.emplace_back(core::access::RoleName(r));
  return out;
}
}  // namespace

boost::json::object UserJson(const core::access::User& u) {
  return {{"username", u.username},
          {"full_name", u.full_name},
          {"agency_code", u.agency_code},
          {"agency_name", u.agency_name},
          {"roles", Roles(u.roles)},
          {"active", u.active},
          {"created_at", FormatInstant(u.created_at)}};
}

boost::json::object CallerJson(const core::access::Caller& c) {
  return {{"username", c.username},       {"full_name", c.full_name},
          {"agency_code", c.agency_code}, {"agency_name", c.agency_name},
          {"roles", Roles(c.roles)},      {"active", true}};  // only active users authenticate
}

boost::json::object AgencyJson(const core::access::Agency& a) {
  return {{"code", a.code},
          {"name", a.name},
          {"kind", a.kind},
          {"abbreviation", a.abbreviation},
          {"working_hours", a.working_hours}};
}

boost::json::object AgencyTreeJson(const service::access::AgencyNode& node) {
  boost::json::object out = AgencyJson(node.agency);
  boost::json::array children;
  for (const auto& c : node.children) children.push_back(AgencyTreeJson(c));
  out["children"] = std::move(children);
  return out;
}

}  // namespace egov::api
