// See demo_api.hpp.
#include "demo_api.hpp"

#include <gtest/gtest.h>

namespace egov::testing {

std::map<std::string, std::string> SignIn(HttpClient& client, const std::string& user,
                                          const std::string& password) {
  auto r = client.Post("/api/v1/auth/login", boost::json::serialize(boost::json::object{
                                                 {"username", user}, {"password", password}}));
  EXPECT_EQ(r.status, 200u) << user << " " << r.body;
  if (r.status != 200u) return {};
  std::string cookie = r.header("set-cookie");
  return {{"Cookie", cookie.substr(0, cookie.find(';'))},
          {"X-CSRF-Token", std::string(r.json().at("csrf_token").as_string())}};
}

boost::json::array CatalogComponents(HttpClient& client, const std::string& procedure_code) {
  auto procedure = client.Get("/api/v1/procedures/" + procedure_code).json();
  boost::json::array out;
  for (const auto& c : procedure.at("components").as_array()) {
    out.push_back(boost::json::object{{"name", c.at("name")},
                                      {"original", c.at("original")},
                                      {"certified", c.at("certified")},
                                      {"copy", c.at("copy")}});
  }
  return out;
}

}  // namespace egov::testing
