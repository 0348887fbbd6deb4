// GET /api/v1/health → {"status":"ok","database":"sqlite"|"postgresql","schema_version":N}
#include <boost/json.hpp>

#include "api/routes.hpp"
#include "service/system/health.hpp"

namespace egov::api {

void RegisterHealthRoutes(http::Router& router, const service::Services& services) {
  router.Add(
      boost::beast::http::verb::get, "/api/v1/health",
      http::SyncHandler([&services](http::Request&) {
        auto health = services.health.Check();
        return http::JsonResponse(boost::json::object{{"status", "ok"},
                                                      {"database", health.database},
                                                      {"schema_version", health.schema_version}});
      }));
}

}  // namespace egov::api
