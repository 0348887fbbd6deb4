// The OpenAPI document describes every route the server registers, and nothing else; every
// operation is named and declares the answers that any request can get. (That every response
// the API tests receive matches it is checked by the ctest api_exchanges_match_openapi.)
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "api/routes.hpp"
#include "app/system_clock.hpp"
#include "app/wiring.hpp"
#include "service/security/crypto.hpp"
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
  app::ServiceGraph graph(db, clock,
                          {.access = settings,
                           .files_dir = egov::testing::MakeTempDir(),
                           .public_base_url = "http://127.0.0.1:8080"});
  const service::Services& services = graph.services();
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

// The members of `object` at a local reference such as "#/components/responses/NotFound".
const boost::json::object& Resolve(const boost::json::value& doc,
                                   const boost::json::object& object) {
  const auto* ref = object.if_contains("$ref");
  if (ref == nullptr) return object;
  return doc.at_pointer(ref->as_string().subview().substr(1)).as_object();
}

TEST(OpenApi, EveryOperationIsNamedAndDeclaresItsAnswers) {
  const boost::json::value root = boost::json::parse(OpenApiDocument());
  const auto& doc = root.as_object();
  std::set<std::string> operation_ids;
  int operations = 0;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, value] : item.as_object()) {
      if (method == "parameters") continue;
      ++operations;
      const std::string where = std::string(method) + " " + std::string(path);
      const auto& op = value.as_object();
      ASSERT_TRUE(op.contains("operationId")) << where;
      EXPECT_TRUE(operation_ids.insert(std::string(op.at("operationId").as_string())).second)
          << "duplicate operationId at " << where;
      const auto& responses = op.at("responses").as_object();
      // Any request may be malformed, too large, sent with another method, or fail inside.
      for (const char* status : {"400", "405", "413", "500"}) {
        EXPECT_TRUE(responses.contains(status)) << where << " lacks " << status;
      }
      const bool json_body =
          op.contains("requestBody") &&
          op.at("requestBody").at("content").as_object().contains("application/json");
      if (json_body) {
        for (const char* status : {"415", "422"}) {
          EXPECT_TRUE(responses.contains(status)) << where << " lacks " << status;
        }
      }
      for (const auto& [status, response] : responses) {
        const auto& r = Resolve(root, response.as_object());
        const auto* headers = r.if_contains("headers");
        EXPECT_TRUE(headers != nullptr && headers->as_object().contains("X-Request-Id"))
            << where << " " << std::string(status) << " does not declare X-Request-Id";
        if (status.starts_with("4") || status.starts_with("5")) {
          EXPECT_EQ(r.at("content").at("application/json").at("schema").at("$ref"),
                    "#/components/schemas/Error")
              << where << " " << std::string(status);
        }
      }
    }
  }
  EXPECT_GE(operations, 39);
}

}  // namespace
}  // namespace egov::api
