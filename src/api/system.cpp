// Operational endpoints: Prometheus metrics and the OpenAPI document.
#include "api/routes.hpp"
#include "core/embedded.hpp"

EGOV_EMBEDDED_SET(openapi)

namespace egov::api {

std::string_view OpenApiDocument() { return egov::embedded::openapi_files()[0].bytes; }

void RegisterSystemRoutes(http::Router& router, const http::Metrics& metrics) {
  router.Add(boost::beast::http::verb::get, "/metrics",
             http::SyncHandler([&metrics](http::Request&) {
               return http::TextResponse(metrics.Render(), "text/plain; version=0.0.4");
             }));
  router.Add(boost::beast::http::verb::get, "/api/v1/openapi.json",
             http::SyncHandler([](http::Request&) {
               return http::TextResponse(std::string(OpenApiDocument()),
                                         "application/json; charset=utf-8");
             }));
}

void RegisterAllRoutes(http::Router& router, const service::Services& services,
                       const http::Metrics& metrics, http::BlockingPool& pool) {
  RegisterHealthRoutes(router, services);
  RegisterSystemRoutes(router, metrics);
  RegisterAuthRoutes(router, services, pool);
  RegisterAgencyRoutes(router, services);
  RegisterProcessRoutes(router, services);
  RegisterUserRoutes(router, services, pool);
  RegisterProcedureRoutes(router, services);
  RegisterDossierRoutes(router, services, pool);
  RegisterTaskRoutes(router, services);
  RegisterDocumentRoutes(router, services);
  RegisterNotificationRoutes(router, services);
  RegisterCalendarRoutes(router, services);
  RegisterVerifyRoutes(router, services);
  RegisterJobRoutes(router, services);
}

}  // namespace egov::api
