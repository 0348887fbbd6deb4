// `egov demo` loads the seed organisation once, with one account of every role that can
// sign in with the published password, each seeing only its own subtree.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;

class DemoTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};
};

INSTANTIATE_TEST_SUITE_P(Engines, DemoTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(DemoTest, LoadsOnceWithEveryRoleAndTheSeedAgencies) {
  auto first = RunEgov({"demo", "--db", db_.url()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto created = json::parse(first.out);
  EXPECT_EQ(created.at("already_loaded"), false);
  EXPECT_GE(created.at("users_created").as_int64(), 6);
  EXPECT_GE(created.at("procedures_created").as_int64(), 20);
  auto second = RunEgov({"demo", "--db", db_.url()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(json::parse(second.out).at("already_loaded"), true);
  EXPECT_EQ(json::parse(second.out).at("users_created"), 0);

  EgovServer server(db_.url());
  HttpClient c(server.host(), server.port());
  std::set<std::string> roles;
  for (const char* user : {"quantri", "lanhdao", "tiepnhan", "vanthu", "chuyenvien.tnmt", "xem"}) {
    auto r = c.Post("/api/v1/auth/login",
                    json::serialize(json::object{{"username", user}, {"password", "demo"}}));
    ASSERT_EQ(r.status, 200u) << user << r.body;
    auto body = r.json();  // named: a temporary in a range-for initialiser dies too early
    for (const auto& role : body.at("user").at("roles").as_array()) {
      roles.emplace(role.as_string());
    }
  }
  EXPECT_EQ(roles, (std::set<std::string>{"admin", "reception", "specialist", "leader", "clerk",
                                          "viewer"}));

  // The district admin's tree: UBND huyện Trà Bồng with VP, TNMT, TP and UBND xã Trà Sơn.
  auto login = c.Post("/api/v1/auth/login", R"({"username":"quantri","password":"demo"})");
  std::string cookie = login.header("set-cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  auto tree_response = c.Get("/api/v1/agencies", {{"Cookie", cookie}});
  ASSERT_EQ(tree_response.status, 200u) << tree_response.body;
  auto tree = tree_response.json();
  EXPECT_EQ(tree.at("name").as_string(), "UBND huyện Trà Bồng");
  std::set<std::string> abbreviations, names;
  for (const auto& child : tree.at("children").as_array()) {
    abbreviations.emplace(child.at("abbreviation").as_string());
    names.emplace(child.at("name").as_string());
  }
  for (const char* a : {"VP", "TNMT", "TP"}) EXPECT_TRUE(abbreviations.contains(a)) << a;
  EXPECT_TRUE(names.contains("UBND xã Trà Sơn"));
  EXPECT_EQ(json::serialize(tree).find("Bình Sơn"), std::string::npos);

  // The catalog has the contract's procedures, and land procedures among the real ones.
  for (const char* code : {"1.001193", "2.000815", "1.001612"}) {
    EXPECT_EQ(c.Get(std::string("/api/v1/procedures/") + code).status, 200u) << code;
  }
  auto land = c.Get("/api/v1/procedures?q=dat+dai").json();
  EXPECT_GE(land.at("total").as_int64(), 5);

  auto verify = RunEgov({"audit", "verify", "--db", db_.url()});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
}

TEST(DemoAccounts, ListsTheAccountsWithoutADatabase) {
  auto r = RunEgov({"demo", "--accounts"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tiepnhan"), std::string::npos);
  EXPECT_NE(r.out.find("Mật khẩu"), std::string::npos);
}

}  // namespace
}  // namespace egov::testing
