// JSON shapes of the access capability (see access_json.hpp).
#include "api/access_json.hpp"

namespace egov::api {

namespace {
std::vector<std::string_view> Roles(const std::set<core::access::Role>& roles) {
  std::vector<std::string_view> out;
  for (auto r : roles) out.push_back(core::access::RoleName(r));
  return out;
}
}  // namespace

UserView ViewOf(const core::access::User& u) {
  return {u.username,
          u.full_name,
          u.agency_code,
          u.agency_name,
          Roles(u.roles),
          u.active,
          Instant{u.created_at},
          u.email.empty() ? std::nullopt : std::optional(u.email)};
}

CallerView ViewOf(const core::access::Caller& c) {
  return {c.username, c.full_name, c.agency_code, c.agency_name, Roles(c.roles), true};
}

AgencyView ViewOf(const core::access::Agency& a) {
  return {a.code, a.name, a.kind, a.abbreviation, a.working_hours};
}

AgencyTreeView ViewOf(const service::access::AgencyNode& node) {
  AgencyTreeView out{ViewOf(node.agency), {}};
  out.children.reserve(node.children.size());
  for (const auto& c : node.children) out.children.push_back(ViewOf(c));
  return out;
}

}  // namespace egov::api
