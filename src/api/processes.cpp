// /api/v1/agencies/{code}/processes: an agency's own internal processes (docs/workflow.md,
// "An agency's own process").
#include <boost/json.hpp>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"
#include "service/catalog/procedure_json.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;

// One agency's own process of a procedure; its steps in the procedure's step form.
struct AgencyProcessView {
  std::string procedure_code;
  std::string procedure_name;
  std::vector<service::catalog::StepJson> steps;
  Instant updated_at;
  std::string updated_by;
};
BOOST_DESCRIBE_STRUCT(AgencyProcessView, (),
                      (procedure_code, procedure_name, steps, updated_at, updated_by))

namespace {

AgencyProcessView ViewOf(const service::dossier::AgencyProcess& p) {
  return {p.procedure_code, p.procedure_name, service::catalog::StepsJsonOf(p.steps),
          Instant{p.updated_at}, p.updated_by};
}

}  // namespace

void RegisterProcessRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(
      verb::get, "/api/v1/agencies/{code}/processes", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        auto paging = ParsePaging(request);
        auto all = s.processes.List(caller, request.param("code"));
        std::vector<AgencyProcessView> items;
        const auto first =
            static_cast<std::size_t>(paging.page - 1) * static_cast<std::size_t>(paging.per_page);
        for (std::size_t i = first;
             i < all.size() && i < first + static_cast<std::size_t>(paging.per_page); ++i) {
          items.push_back(ViewOf(all[i]));
        }
        return JsonView(ListOf(std::move(items), static_cast<std::int64_t>(all.size()), paging));
      }));

  router.Add(verb::get, "/api/v1/agencies/{code}/processes/{procedure_code}",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return JsonView(ViewOf(s.processes.Get(caller, request.param("code"),
                                                      request.param("procedure_code"))));
             }));

  router.Add(verb::put, "/api/v1/agencies/{code}/processes/{procedure_code}",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto& code = request.param("code");
               s.processes.CheckCanEdit(caller, code);  // before the body says anything
               auto body = json::Read<service::catalog::ProcessJson>(JsonBody(request));
               auto steps = service::catalog::StepsOf(std::move(body.steps));
               return JsonView(
                   ViewOf(s.processes.Put(caller, code, request.param("procedure_code"), steps)));
             }));

  router.Add(verb::delete_, "/api/v1/agencies/{code}/processes/{procedure_code}",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               s.processes.Delete(caller, request.param("code"), request.param("procedure_code"));
               http::Response r;
               r.status = status::no_content;
               return r;
             }));
}

}  // namespace egov::api
