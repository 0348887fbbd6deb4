// `egov demo` loads the seed organisation once, with one account of every role that can
// sign in with the published password, each seeing only its own subtree; and the seed
// article's first half of 2020 at UBND huyện Trà Bồng (859 dossiers, more than 600 land, all
// returned, none late) with a few dossiers in progress today in every status. One load per
// engine: the suite's checks share it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <vector>

#include "demo_api.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "queue_counts.hpp"
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

using Headers = std::map<std::string, std::string>;

// Every dossier of GET /api/v1/dossiers?`query` as `who` sees them (all pages).
std::vector<json::object> ListAll(HttpClient& c, const std::string& query, const Headers& who) {
  std::vector<json::object> items;
  for (int page = 1;; ++page) {
    auto r = c.Get("/api/v1/dossiers?per_page=500&page=" + std::to_string(page) + "&" + query, who);
    EXPECT_EQ(r.status, 200u) << r.body;
    if (r.status != 200u) break;
    auto body = r.json().as_object();
    const auto& page_items = body.at("items").as_array();
    for (const auto& i : page_items) items.push_back(i.as_object());
    if (page_items.empty() || std::ssize(items) >= body.at("total").as_int64()) break;
  }
  return items;
}

std::int64_t Total(HttpClient& c, const std::string& query, const Headers& who) {
  auto r = c.Get("/api/v1/dossiers?" + query, who);
  EXPECT_EQ(r.status, 200u) << r.body;
  return r.status == 200u ? r.json().at("total").as_int64() : -1;
}

std::string Str(const json::value& v) { return std::string(v.as_string()); }

// January–June 2020: the seed article's figures, each dossier's full history.
void CheckHistory(HttpClient& c) {
  const auto province = SignIn(c, "quantri.tinh");
  const std::string half = "received_from=2020-01-01&received_to=2020-06-30";
  const auto items = ListAll(c, half, province);
  EXPECT_EQ(items.size(), 859u);
  // All of them in Trà Bồng's subtree, none in Bình Sơn's; nothing else received in 2020.
  EXPECT_EQ(Total(c, half, SignIn(c, "quantri")), 859);
  EXPECT_EQ(Total(c, half, SignIn(c, "quantri.binhson")), 0);
  EXPECT_EQ(Total(c, "received_from=2020-07-01&received_to=2020-12-31", province), 0);

  std::map<std::string, std::string> field_of;  // procedure code → field
  std::map<std::string, int> timeliness, actions;
  int land = 0;
  for (const auto& item : items) {
    const std::string code = Str(item.at("code"));
    EXPECT_EQ(item.at("status"), "returned") << code;
    const std::string procedure = Str(item.at("procedure_code"));
    if (!field_of.contains(procedure)) {
      field_of[procedure] = Str(c.Get("/api/v1/procedures/" + procedure).json().at("field"));
    }
    land += field_of[procedure] == "Đất đai";

    auto r = c.Get("/api/v1/dossiers/" + code, province);
    ASSERT_EQ(r.status, 200u) << r.body;
    const auto d = r.json().as_object();
    ++timeliness[d.contains("timeliness") ? Str(d.at("timeliness")) : "none"];
    // The code: the receiving agency (in Trà Bồng: level 99), the Vietnam date, a number.
    const std::string receiving = Str(d.at("receiving_agency"));
    const std::string received = Str(d.at("received_at"));  // 2020-03-05T09:12:00+07:00
    EXPECT_TRUE(receiving.ends_with(".99.H48")) << code;
    const std::string prefix = receiving + "-" + received.substr(2, 2) + received.substr(5, 2) +
                               received.substr(8, 2) + "-";
    EXPECT_TRUE(code.starts_with(prefix) && code.size() == prefix.size() + 4) << code;
    EXPECT_GE(received, "2020-01-01T") << code;
    EXPECT_LT(received, "2020-07-01T") << code;
    // Intake first, return last, forwarded through every step before the return.
    const auto& events = d.at("events").as_array();
    ASSERT_GE(events.size(), 2u) << code;
    EXPECT_EQ(events.front().at("action"), "intake") << code;
    EXPECT_EQ(events.back().at("action"), "return_result") << code;
    std::set<std::int64_t> reached;
    for (const auto& e : events) {
      ++actions[Str(e.at("action"))];
      if (e.at("action") == "forward") reached.insert(e.at("to_step").as_int64());
    }
    const auto steps = static_cast<std::int64_t>(d.at("steps").as_array().size());
    for (std::int64_t i = 1; i + 1 < steps; ++i) EXPECT_TRUE(reached.contains(i)) << code << i;
  }
  EXPECT_GT(land, 600);
  EXPECT_EQ(timeliness["late"], 0);
  EXPECT_EQ(timeliness["early"] + timeliness["on_time"], 859);
  EXPECT_GT(timeliness["on_time"], 0);
  EXPECT_EQ(actions["intake"], 859);
  EXPECT_EQ(actions["complete"], 859);
  EXPECT_EQ(actions["return_result"], 859);
  // A realistic share paused for a supplement, and some sent back a step.
  EXPECT_GT(actions["request_supplement"], 30);
  EXPECT_EQ(actions["receive_supplement"], actions["request_supplement"]);
  EXPECT_GT(actions["send_back"], 10);
}

// Today's dossiers: every status, and each kind of step holding one, so that the demo's
// officers find work.
void CheckCurrent(HttpClient& c) {
  const auto tra_bong = SignIn(c, "quantri");
  for (const char* status : {"submitted", "processing", "supplement_requested", "result_ready",
                             "refused", "withdrawn", "stopped"}) {
    EXPECT_GE(Total(c, std::string("status=") + status, tra_bong), 1) << status;
  }
  EXPECT_GE(Total(c, "status=returned&received_from=2021-01-01", tra_bong), 1);
  EXPECT_GE(Total(c, "overdue=true", tra_bong), 1);

  std::set<std::pair<std::string, std::string>> holding;  // (agency, role) of current steps
  bool linked = false;  // a liên thông one: received at a commune, at the land department
  for (const auto& item : ListAll(c, "status=processing", tra_bong)) {
    const auto d = c.Get("/api/v1/dossiers/" + Str(item.at("code")), tra_bong).json().as_object();
    const auto& step = d.at("current_step").as_object();
    holding.emplace(Str(step.at("agency_code")), Str(step.at("role")));
    linked = linked || (d.at("receiving_agency") == "000.21.99.H48" &&
                        step.at("agency_code") == "000.02.99.H48");
  }
  for (const auto& expected : std::vector<std::pair<std::string, std::string>>{
           {"000.01.99.H48", "reception"},   // the district's one-stop counter
           {"000.02.99.H48", "specialist"},  // Phòng TN&MT
           {"000.02.99.H48", "leader"},
           {"000.00.99.H48", "leader"},      // UBND huyện
           {"000.21.99.H48", "specialist"},  // xã Trà Sơn
           {"000.21.99.H48", "leader"}}) {
    EXPECT_TRUE(holding.contains(expected)) << expected.first << " " << expected.second;
  }
  EXPECT_TRUE(linked);
}

TEST_P(DemoTest, LoadsOnceWithEveryRoleTheSeedAgenciesAndTheDossiers) {
  auto first = RunEgov({"demo", "--db", db_.url()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto created = json::parse(first.out);
  EXPECT_EQ(created.at("already_loaded"), false);
  EXPECT_GE(created.at("users_created").as_int64(), 6);
  EXPECT_GE(created.at("procedures_created").as_int64(), 20);
  EXPECT_EQ(created.at("history_dossiers_created"), 859);
  EXPECT_GE(created.at("current_dossiers_created").as_int64(), 20);
  auto second = RunEgov({"demo", "--db", db_.url()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(json::parse(second.out).at("already_loaded"), true);
  EXPECT_EQ(json::parse(second.out).at("users_created"), 0);
  EXPECT_EQ(json::parse(second.out).at("history_dossiers_created"), 0);
  EXPECT_EQ(json::parse(second.out).at("current_dossiers_created"), 0);
  // A load that died before its marker was written goes over what exists and makes nothing
  // twice.
  db_.Execute("DELETE FROM settings WHERE key = 'demo.history'");
  auto resumed = RunEgov({"demo", "--db", db_.url()});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(json::parse(resumed.out).at("history_dossiers_created"), 0);
  // Every way the demo moved its dossiers kept the work-queue counters right.
  EXPECT_GE(db_.QueryInt(kOpenDossiers), 20);
  EXPECT_EQ(db_.QueryInt(kQueueCountsDrift), 0);

  EgovServer server(db_.url(), {"--public-rate-limit", "0"});
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

  CheckHistory(c);
  CheckCurrent(c);
  EXPECT_EQ(Total(c, "", SignIn(c, "quantri.tinh")),
            859 + created.at("current_dossiers_created").as_int64());

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
