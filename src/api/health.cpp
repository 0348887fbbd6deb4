// GET /api/v1/health → {"status":"ok","database":"sqlite"|"postgresql","schema_version":N}
#include <boost/json.hpp>

#include "api/json_view.hpp"
#include "api/routes.hpp"
#include "service/system/health.hpp"

namespace egov::api {

struct HealthView {
  std::string_view status = "ok";
  std::string database;
  int schema_version = 0;
};
BOOST_DESCRIBE_STRUCT(HealthView, (), (status, database, schema_version))

void RegisterHealthRoutes(http::Router& router, const service::Services& services) {
  router.Add(boost::beast::http::verb::get, "/api/v1/health",
             http::SyncHandler([&services](http::Request&) {
               auto health = services.health.Check();
               return JsonView(HealthView{"ok", health.database, health.schema_version});
             }));
}

}  // namespace egov::api
