// /api/v1/agencies: the caller's subtree, and admin creation and edits.
#include <boost/json.hpp>

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
               return http::JsonResponse(AgencyTreeJson(s.directory.AgencyTree(caller)));
             }));

  router.Add(verb::post, "/api/v1/agencies", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto& body = JsonBody(request);
               RejectUnknownKeys(
                   body, {"code", "name", "parent_code", "kind", "abbreviation", "working_hours"});
               service::access::NewAgency input;
               input.code = RequiredString(body, "code", 35);
               input.name = RequiredString(body, "name", 255);
               input.parent_code = RequiredString(body, "parent_code", 35);
               input.kind = OptionalString(body, "kind", 30).value_or("other");
               input.abbreviation = OptionalString(body, "abbreviation", 30).value_or("");
               input.working_hours =
                   OptionalString(body, "working_hours", 200).value_or("07:30-11:30,13:00-17:00");
               auto agency = s.directory.CreateAgency(caller, input);
               return http::JsonResponse(AgencyJson(agency), status::created);
             }));

  router.Add(verb::patch, "/api/v1/agencies/{code}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto& body = JsonBody(request);
               RejectUnknownKeys(body, {"name", "kind", "abbreviation", "working_hours"});
               service::access::AgencyPatch patch{OptionalString(body, "name", 255),
                                                  OptionalString(body, "kind", 30),
                                                  OptionalString(body, "abbreviation", 30),
                                                  OptionalString(body, "working_hours", 200)};
               auto agency = s.directory.UpdateAgency(caller, request.param("code"), patch);
               return http::JsonResponse(AgencyJson(agency));
             }));
}

}  // namespace egov::api
