// The OpenAPI document describes every route the server registers, and nothing else.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "api/routes.hpp"
#include "app/system_clock.hpp"
#include "service/security/crypto.hpp"
#include "store/files/file_store.hpp"
#include "test_database.hpp"

namespace egov::api {
namespace {

TEST(OpenApi, DocumentsExactlyTheRegisteredRoutes) {
  service::security::InitCrypto();
  egov::testing::TestDatabase test_db("sqlite");
  store::Database db(test_db.url(), 1);
  app::SystemClock clock;
  service::access::AccessSettings settings;
  settings.hashing = {1, 8192};  // only constructed here, never used to log in
  service::access::Directory directory(db, clock, settings, {});
  service::access::Auth auth(db, clock, settings, directory);
  service::calendar::CalendarService calendar(db, clock);
  service::catalog::Catalog catalog(db, clock);
  store::FileStore files(egov::testing::MakeTempDir());
  service::dossier::Dossiers dossiers(db, clock, calendar, catalog, files);
  const std::string public_base_url = "http://127.0.0.1:8080";
  service::Services services{db,       clock,   directory, auth,
                             calendar, catalog, dossiers,  public_base_url};
  http::Metrics metrics;
  http::Router router(metrics);
  http::BlockingPool pool(1, 1);
  RegisterAllRoutes(router, services, metrics, pool);

  auto doc = boost::json::parse(OpenApiDocument()).as_object();
  std::set<std::string> documented;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      if (method == "parameters") continue;
      std::string upper(method);
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + std::string(path));
    }
  }
  std::set<std::string> registered;
  for (const auto& [method, pattern] : router.Routes()) registered.insert(method + " " + pattern);
  EXPECT_EQ(documented, registered);
}

}  // namespace
}  // namespace egov::api
