// /api/v1/agencies: the caller's subtree, and admin creation and edits.
#include <boost/json.hpp>

#include "api/access_bodies.hpp"
#include "api/access_json.hpp"
#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;

void RegisterAgencyRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/agencies", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return JsonView(ViewOf(s.directory.AgencyTree(caller)));
             }));

  router.Add(verb::post, "/api/v1/agencies", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto input = json::Read<service::access::NewAgency>(JsonBody(request));
               auto agency = s.directory.CreateAgency(caller, input);
               return JsonView(ViewOf(agency), status::created);
             }));

  router.Add(verb::patch, "/api/v1/agencies/{code}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto patch = json::Read<service::access::AgencyPatch>(JsonBody(request));
               auto agency = s.directory.UpdateAgency(caller, request.param("code"), patch);
               return JsonView(ViewOf(agency));
             }));
}

}  // namespace egov::api
