// The procedure catalog over real HTTP on both engines: public search that ignores case,
// diacritics and đ; versions; validation of definitions; admin-only writes; import/export.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
constexpr const char* kPassword = "Mật khẩu thử nghiệm 2026";
constexpr const char* kProvince = "000.00.00.H48";
constexpr const char* kOffice = "000.01.00.H48";

json::object BirthRegistration() {
  return json::parse(R"({
    "code": "1.001193", "name": "Thủ tục đăng ký khai sinh", "field": "Hộ tịch",
    "level": "commune", "time_limit": {"same_day": true},
    "fee": {"amount": 8000, "unit": "lần", "note": "Miễn khi đăng ký đúng hạn"},
    "components": [{"name": "Tờ khai đăng ký khai sinh", "original": 1, "certified": 0, "copy": 0},
                   {"name": "Giấy chứng sinh", "original": 1, "certified": 0, "copy": 0}],
    "steps": [{"name": "Tiếp nhận hồ sơ", "role": "reception", "hours": 1},
              {"name": "Thẩm định", "role": "specialist", "agency_code": "000.01.00.H48", "hours": 4},
              {"name": "Ký duyệt", "role": "leader", "hours": 2},
              {"name": "Trả kết quả", "role": "reception", "hours": 1}],
    "effective_from": "2020-01-01"})")
      .as_object();
}

json::object LandProcedure() {
  auto p = BirthRegistration();
  p["code"] = "1.012758";
  p["name"] = "Đăng ký biến động đất đai";
  p["field"] = "Đất đai";
  p["level"] = "district";
  p["time_limit"] = json::object{{"days", 10}};
  p["fee"] = json::object{{"amount", 0}};
  p["steps"] = json::parse(R"([{"name":"Tiếp nhận","role":"reception","hours":4},
      {"name":"Xử lý","role":"specialist","hours":60},{"name":"Ký","role":"leader","hours":12},
      {"name":"Trả kết quả","role":"reception","hours":4}])");
  return p;
}

class CatalogTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto run = [](std::vector<std::string> args, std::string input = "") {
      auto r = RunEgov(args, input);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    run({"agency", "add", "--db", db_.url(), "--code", kProvince, "--name", "UBND tỉnh Quảng Ngãi",
         "--kind", "province"});
    run({"agency", "add", "--db", db_.url(), "--code", kOffice, "--name", "Văn phòng", "--parent",
         kProvince, "--kind", "department"});
    run({"user", "add", "--db", db_.url(), "--username", "quantri", "--full-name", "Quản trị",
         "--agency", kProvince, "--role", "admin"},
        kPassword);
    run({"user", "add", "--db", db_.url(), "--username", "tiepnhan", "--full-name", "Tiếp nhận",
         "--agency", kProvince, "--role", "reception"},
        kPassword);
    server_ = std::make_unique<EgovServer>(db_.url());
    c_ = std::make_unique<HttpClient>(server_->host(), server_->port());
    admin_ = Login("quantri");
  }
  std::map<std::string, std::string> Login(const std::string& user) {
    auto r = c_->Post("/api/v1/auth/login",
                      json::serialize(json::object{{"username", user}, {"password", kPassword}}));
    EXPECT_EQ(r.status, 200u) << r.body;
    std::string cookie = r.header("set-cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))},
            {"X-CSRF-Token", std::string(r.json().at("csrf_token").as_string())}};
  }
  HttpResponse Save(const json::object& p, const std::map<std::string, std::string>& who) {
    return c_->Post("/api/v1/procedures", json::serialize(p), "application/json", who);
  }
  json::value Search(const std::string& query) {
    auto r = c_->Get("/api/v1/procedures" + query);
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.json();
  }
  TestDatabase db_{GetParam()};
  std::unique_ptr<EgovServer> server_;
  std::unique_ptr<HttpClient> c_;
  std::map<std::string, std::string> admin_;
};

INSTANTIATE_TEST_SUITE_P(Engines, CatalogTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(CatalogTest, SearchIgnoresCaseDiacriticsAndDStroke) {
  ASSERT_EQ(Save(BirthRegistration(), admin_).status, 201u);
  ASSERT_EQ(Save(LandProcedure(), admin_).status, 201u);
  auto birth = Search("?q=dang+ky+khai+sinh");
  ASSERT_EQ(birth.at("total").as_int64(), 1);
  EXPECT_EQ(birth.at("items").at(0).at("name").as_string(), "Thủ tục đăng ký khai sinh");
  auto land = Search("?q=DAT%20DAI");
  ASSERT_EQ(land.at("total").as_int64(), 1);
  EXPECT_EQ(land.at("items").at(0).at("field").as_string(), "Đất đai");
  EXPECT_EQ(Search("?q=1.001193").at("total").as_int64(), 1);
  EXPECT_EQ(Search("?q=%C4%91%E1%BA%A5t").at("total").as_int64(), 1);  // "đất"
  EXPECT_EQ(Search("?q=%25").at("total").as_int64(), 0);  // a literal %, not a wildcard
  EXPECT_EQ(Search("?level=district").at("total").as_int64(), 1);
  EXPECT_EQ(Search("?field=H%E1%BB%99%20t%E1%BB%8Bch").at("total").as_int64(), 1);  // Hộ tịch
  EXPECT_EQ(Search("?field=dat+dai").at("total").as_int64(), 1);                    // folded like q
  EXPECT_EQ(Search("?field=dat+dai&level=commune").at("total").as_int64(), 0);
  EXPECT_EQ(Search("?field=dat").at("total").as_int64(), 0);  // a filter, not a search
  EXPECT_EQ(Search("").at("total").as_int64(), 2);
  EXPECT_EQ(c_->Get("/api/v1/procedures?level=ward").status, 422u);
  auto fields = c_->Get("/api/v1/procedure-fields").json();
  EXPECT_EQ(fields.at("items").as_array().size(), 2u);
}

TEST_P(CatalogTest, DetailHasFeeInWordsAndVersionsArePinned) {
  ASSERT_EQ(Save(BirthRegistration(), admin_).status, 201u);
  auto changed = BirthRegistration();
  changed["fee"].as_object()["amount"] = 10000;
  changed["effective_from"] = "2021-01-01";
  auto second = Save(changed, admin_);
  ASSERT_EQ(second.status, 201u) << second.body;
  EXPECT_EQ(second.json().at("version"), 2);
  auto current = c_->Get("/api/v1/procedures/1.001193").json();
  EXPECT_EQ(current.at("version"), 2);
  EXPECT_EQ(current.at("fee").at("amount_in_words").as_string(), "Mười nghìn đồng");
  EXPECT_EQ(current.at("time_limit_hours"), 8);
  EXPECT_EQ(current.at("versions").as_array().size(), 2u);
  auto first = c_->Get("/api/v1/procedures/1.001193?version=1").json();
  EXPECT_EQ(first.at("fee").at("amount_in_words").as_string(), "Tám nghìn đồng");
  EXPECT_EQ(c_->Get("/api/v1/procedures/9.999999").status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/procedures/1.001193?version=abc").status, 422u);
}

TEST_P(CatalogTest, InvalidDefinitionsAreRefusedFieldByFieldAndChangeNothing) {
  struct Case {
    const char* field;
    std::function<void(json::object&)> breakit;
  };
  std::vector<Case> cases = {
      {"code", [](json::object& p) { p["code"] = "1001193"; }},
      {"name", [](json::object& p) { p["name"] = ""; }},
      {"time_limit",
       [](json::object& p) {
         p["time_limit"] = json::object{{"days", 1}, {"hours", 2}};
       }},
      {"time_limit",
       [](json::object& p) {
         p["time_limit"] = json::object{{"days", 0}};
       }},
      {"steps", [](json::object& p) { p["steps"].as_array()[1].as_object()["hours"] = 5; }},
      {"steps",
       [](json::object& p) { p["steps"].as_array().back().as_object()["role"] = "leader"; }},
      {"steps[1].role",
       [](json::object& p) { p["steps"].as_array()[1].as_object()["role"] = "boss"; }},
      {"steps[1].agency_code",
       [](json::object& p) {
         p["steps"].as_array()[1].as_object()["agency_code"] = "000.09.00.H48";
       }},
      {"components", [](json::object& p) { p["components"] = json::array{}; }},
      {"components[0]",
       [](json::object& p) { p["components"].as_array()[0].as_object()["original"] = 0; }},
      {"fee.amount", [](json::object& p) { p["fee"].as_object()["amount"] = -1; }},
      {"fee.amount", [](json::object& p) { p["fee"].as_object()["amount"] = "tám nghìn"; }},
      {"colour", [](json::object& p) { p["colour"] = "đỏ"; }},
      {"effective_from", [](json::object& p) { p["effective_from"] = "2020-13-01"; }},
      // Counts and times that would wrap into a small int (2^32 + 1 read as 1) are refused.
      {"components[0].original",
       [](json::object& p) {
         p["components"].as_array()[0].as_object()["original"] = 4294967297LL;
       }},
      {"components[1].copy",
       [](json::object& p) { p["components"].as_array()[1].as_object()["copy"] = -1; }},
      {"components[0].certified",
       [](json::object& p) { p["components"].as_array()[0].as_object()["certified"] = 0.5; }},
      {"steps[1].hours",
       [](json::object& p) { p["steps"].as_array()[1].as_object()["hours"] = 4294967300LL; }},
      {"time_limit.days",
       [](json::object& p) {
         p["time_limit"] = json::object{{"days", 4294967297LL}};
       }},
      // Control and bidirectional characters, in any string of the body.
      {"name", [](json::object& p) { p["name"] = "Đăng ký khai sinh\xe2\x80\xae"; }},
      {"steps[2].name",
       [](json::object& p) {
         constexpr char kWithNul[] = "Ký\0duyệt";
         p["steps"].as_array()[2].as_object()["name"] =
             json::string(std::string_view(kWithNul, sizeof kWithNul - 1));
       }},
      {"fee.unit", [](json::object& p) { p["fee"].as_object()["unit"] = "lần\x1b"; }},
  };
  for (auto& c : cases) {
    auto p = BirthRegistration();
    c.breakit(p);
    auto r = Save(p, admin_);
    EXPECT_EQ(r.status, 422u) << c.field << " " << r.body;
    if (r.status == 422u) {
      EXPECT_TRUE(r.json().at("error").at("details").as_object().contains(c.field))
          << c.field << " " << r.body;
    }
  }
  EXPECT_EQ(Search("").at("total").as_int64(), 0);
  EXPECT_EQ(c_->Post("/api/v1/procedures", "{", "application/json", admin_).status, 400u);
}

TEST_P(CatalogTest, OnlyAdminsWrite) {
  auto officer = Login("tiepnhan");
  EXPECT_EQ(Save(BirthRegistration(), officer).status, 403u);
  EXPECT_EQ(c_->Post("/api/v1/procedures", json::serialize(BirthRegistration())).status, 401u);
  EXPECT_EQ(c_->Get("/api/v1/catalog/export", officer).status, 403u);
  EXPECT_EQ(Search("").at("total").as_int64(), 0);
}

TEST_P(CatalogTest, OnlyAnAdministratorOfTheRootAgencyWrites) {
  // A district and one of its communes, each with its own administrator: they administer
  // their subtree, not the catalog that every agency of the installation uses.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"agency", "add", "--db", db_.url(), "--code", "000.00.53.H48", "--name",
            "UBND huyện Bình Sơn", "--parent", kProvince, "--kind", "district"},
           {"agency", "add", "--db", db_.url(), "--code", "000.01.53.H48", "--name",
            "UBND xã Bình Thạnh", "--parent", "000.00.53.H48", "--kind", "commune"},
           {"user", "add", "--db", db_.url(), "--username", "quantri.huyen", "--full-name",
            "Quản trị huyện", "--agency", "000.00.53.H48", "--role", "admin"},
           {"user", "add", "--db", db_.url(), "--username", "quantri.xa", "--full-name",
            "Quản trị xã", "--agency", "000.01.53.H48", "--role", "admin"}}) {
    auto r = RunEgov(args, kPassword);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  ASSERT_EQ(Save(BirthRegistration(), admin_).status, 201u);
  auto exported = c_->Get("/api/v1/catalog/export", admin_);
  ASSERT_EQ(exported.status, 200u);
  auto changed = exported.json().as_object();
  changed["procedures"].as_array()[0].as_object()["name"] = "Tên do cấp dưới đổi";
  changed["procedures"].as_array().push_back(LandProcedure());
  auto changed_birth = BirthRegistration();
  changed_birth["fee"].as_object()["amount"] = 1;
  auto invalid = BirthRegistration();
  invalid["code"] = "không hợp lệ";
  for (const char* who : {"quantri.huyen", "quantri.xa"}) {
    auto admin = Login(who);
    auto save = Save(changed_birth, admin);
    EXPECT_EQ(save.status, 403u) << who << " " << save.body;
    EXPECT_EQ(save.json().at("error").at("code"), "forbidden") << save.body;
    // Refused before its body is judged: the same answer for an invalid definition.
    EXPECT_EQ(Save(invalid, admin).status, 403u) << who;
    auto import =
        c_->Post("/api/v1/catalog/import", json::serialize(changed), "application/json", admin);
    EXPECT_EQ(import.status, 403u) << who << " " << import.body;
    EXPECT_EQ(import.json().at("error").at("code"), "forbidden") << import.body;
  }
  // Nothing changed: one procedure, its first version, its first name and fee.
  EXPECT_EQ(Search("").at("total").as_int64(), 1);
  auto birth = c_->Get("/api/v1/procedures/1.001193").json();
  EXPECT_EQ(birth.at("version"), 1);
  EXPECT_EQ(birth.at("name"), "Thủ tục đăng ký khai sinh");
  EXPECT_EQ(birth.at("fee").at("amount"), 8000);
  // The root's administrator still writes.
  auto root_import =
      c_->Post("/api/v1/catalog/import", json::serialize(changed), "application/json", admin_);
  ASSERT_EQ(root_import.status, 200u) << root_import.body;
  EXPECT_EQ(root_import.json().at("created"), 1);
  EXPECT_EQ(root_import.json().at("versioned"), 1);
}

TEST_P(CatalogTest, ExportThenImportRoundTripsAndIsAllOrNothing) {
  ASSERT_EQ(Save(BirthRegistration(), admin_).status, 201u);
  ASSERT_EQ(Save(LandProcedure(), admin_).status, 201u);
  auto exported = c_->Get("/api/v1/catalog/export", admin_);
  ASSERT_EQ(exported.status, 200u);
  auto again = c_->Post("/api/v1/catalog/import", exported.body, "application/json", admin_);
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(again.json().at("unchanged"), 2);
  // One bad definition among good ones: nothing is imported.
  auto body = exported.json().as_object();
  auto bad = BirthRegistration();
  bad["code"] = "2.000815";
  bad["steps"].as_array()[0].as_object()["hours"] = 3;
  body["procedures"].as_array().push_back(bad);
  body["procedures"].as_array()[0].as_object()["name"] = "Tên mới";
  auto refused =
      c_->Post("/api/v1/catalog/import", json::serialize(body), "application/json", admin_);
  EXPECT_EQ(refused.status, 422u);
  EXPECT_TRUE(refused.json().at("error").at("details").as_object().contains("procedures[2].steps"))
      << refused.body;
  // A shape problem inside one of them is named by its full path too.
  auto unknown_role = body;
  unknown_role["procedures"].as_array()[2].as_object()["steps"].as_array()[1].as_object()["role"] =
      "boss";
  auto shape =
      c_->Post("/api/v1/catalog/import", json::serialize(unknown_role), "application/json", admin_);
  EXPECT_EQ(shape.status, 422u);
  EXPECT_TRUE(
      shape.json().at("error").at("details").as_object().contains("procedures[2].steps[1].role"))
      << shape.body;
  auto not_counted = body;
  not_counted["procedures"].as_array()[1].as_object()["fee"].as_object()["amount"] = "tám nghìn";
  shape =
      c_->Post("/api/v1/catalog/import", json::serialize(not_counted), "application/json", admin_);
  EXPECT_EQ(shape.status, 422u);
  EXPECT_TRUE(
      shape.json().at("error").at("details").as_object().contains("procedures[1].fee.amount"))
      << shape.body;
  EXPECT_EQ(Search("").at("total").as_int64(), 2);
  EXPECT_EQ(c_->Get("/api/v1/procedures/1.001193").json().at("version"), 1);
}

}  // namespace
}  // namespace egov::testing
