// Access control over real HTTP on both engines: login, sessions, CSRF, tokens, roles, the
// agency subtree, validation of bad input (each refused without changing anything), the
// brute-force limit, and the audit chain.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using verb = boost::beast::http::verb;

constexpr const char* kProvince = "000.00.00.H48";
constexpr const char* kDistrict = "000.00.53.H48";
constexpr const char* kOtherDistrict = "000.00.54.H48";
constexpr const char* kPassword = "Mật khẩu thử nghiệm 2026";

void MustRun(const std::vector<std::string>& args, const std::string& input = "") {
  auto r = RunEgov(args, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

// province → two districts; admins at the province and at a district; a reception officer.
void Seed(const std::string& db) {
  MustRun({"agency", "add", "--db", db, "--code", kProvince, "--name", "UBND tỉnh Quảng Ngãi",
           "--kind", "province", "--abbreviation", "UBND"});
  MustRun({"agency", "add", "--db", db, "--code", kDistrict, "--name", "UBND huyện Bình Sơn",
           "--parent", kProvince, "--kind", "district", "--abbreviation", "UBND"});
  MustRun({"agency", "add", "--db", db, "--code", kOtherDistrict, "--name", "UBND huyện khác",
           "--parent", kProvince, "--kind", "district"});
  MustRun({"user", "add", "--db", db, "--username", "admin", "--full-name", "Quản trị tỉnh",
           "--agency", kProvince, "--role", "admin"},
          kPassword);
  MustRun({"user", "add", "--db", db, "--username", "qt.binhson", "--full-name", "Quản trị huyện",
           "--agency", kDistrict, "--role", "admin", "--role", "leader"},
          kPassword);
  MustRun({"user", "add", "--db", db, "--username", "tiepnhan", "--full-name", "Nguyễn Văn A",
           "--agency", kDistrict, "--role", "reception"},
          kPassword);
}

struct Session {
  std::string cookie;  // "egov_session=…"
  std::string csrf;
  std::map<std::string, std::string> Headers(bool with_csrf = true) const {
    std::map<std::string, std::string> h{{"Cookie", cookie}};
    if (with_csrf) h["X-CSRF-Token"] = csrf;
    return h;
  }
};

Session Login(HttpClient& c, const std::string& user, const std::string& password = kPassword) {
  auto r = c.Post("/api/v1/auth/login",
                  json::serialize(json::object{{"username", user}, {"password", password}}));
  EXPECT_EQ(r.status, 200u) << r.body;
  std::string set_cookie = r.header("set-cookie");
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
  return {set_cookie.substr(0, set_cookie.find(';')),
          std::string(r.json().at("csrf_token").as_string())};
}

std::string Code(const HttpResponse& r) {
  return std::string(r.json().at("error").at("code").as_string());
}

class AccessTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    Seed(db_.url());
    server_ = std::make_unique<EgovServer>(db_.url());
    client_ = std::make_unique<HttpClient>(server_->host(), server_->port());
  }
  HttpClient& c() { return *client_; }
  json::value Users(const Session& s, const std::string& query = "") {
    auto r = c().Get("/api/v1/users" + query, s.Headers(false));
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.json();
  }
  TestDatabase db_{GetParam()};
  std::unique_ptr<EgovServer> server_;
  std::unique_ptr<HttpClient> client_;
};

INSTANTIATE_TEST_SUITE_P(Engines, AccessTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(AccessTest, LoginMeAndLogout) {
  auto s = Login(c(), "TiepNhan");  // usernames are case-insensitive
  auto me = c().Get("/api/v1/auth/me", s.Headers(false));
  ASSERT_EQ(me.status, 200u);
  EXPECT_EQ(me.json().at("user").at("username").as_string(), "tiepnhan");
  EXPECT_EQ(me.json().at("user").at("agency_code").as_string(), kDistrict);
  EXPECT_EQ(me.json().at("csrf_token").as_string(), s.csrf);
  EXPECT_EQ(c().Post("/api/v1/auth/logout", "", "application/json", s.Headers()).status, 204u);
  auto after = c().Get("/api/v1/auth/me", s.Headers(false));
  EXPECT_EQ(after.status, 401u);
  EXPECT_EQ(Code(after), "unauthenticated");
}

TEST_P(AccessTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto wrong =
      c().Post("/api/v1/auth/login", R"({"username":"tiepnhan","password":"sai mật khẩu"})");
  auto unknown =
      c().Post("/api/v1/auth/login", R"({"username":"khongco","password":"sai mật khẩu"})");
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(unknown.status, 401u);
  EXPECT_EQ(wrong.json().at("error").at("message"), unknown.json().at("error").at("message"));
  EXPECT_EQ(c().Get("/api/v1/auth/me").status, 401u);
}

TEST_P(AccessTest, CookieWritesNeedTheCsrfTokenAndChangeNothingWithout) {
  auto s = Login(c(), "admin");
  std::string body = json::serialize(json::object{{"code", "000.01.53.H48"},
                                                  {"name", "Phòng Tư pháp"},
                                                  {"parent_code", kDistrict},
                                                  {"kind", "department"},
                                                  {"abbreviation", "TP"}});
  auto missing = c().Post("/api/v1/agencies", body, "application/json", s.Headers(false));
  EXPECT_EQ(missing.status, 403u);
  EXPECT_EQ(Code(missing), "forbidden");
  auto wrong_headers = s.Headers(false);
  wrong_headers["X-CSRF-Token"] = "not-the-token";
  EXPECT_EQ(c().Post("/api/v1/agencies", body, "application/json", wrong_headers).status, 403u);
  auto cross = s.Headers();
  cross["Sec-Fetch-Site"] = "cross-site";
  EXPECT_EQ(c().Post("/api/v1/agencies", body, "application/json", cross).status, 403u);
  auto evil_origin = s.Headers();
  evil_origin["Origin"] = "https://evil.example";
  EXPECT_EQ(c().Post("/api/v1/agencies", body, "application/json", evil_origin).status, 403u);
  // Nothing was created by the refused requests.
  auto tree = c().Get("/api/v1/agencies", s.Headers(false)).json();
  EXPECT_EQ(json::serialize(tree).find("000.01.53.H48"), std::string::npos);
  // With the token it works.
  auto ok = c().Post("/api/v1/agencies", body, "application/json", s.Headers());
  EXPECT_EQ(ok.status, 201u) << ok.body;
}

TEST_P(AccessTest, BearerTokensAuthenticateAloneAndCanBeRevoked) {
  auto s = Login(c(), "qt.binhson");
  auto created = c().Post("/api/v1/auth/tokens", R"({"name":"Máy quét văn thư"})",
                          "application/json", s.Headers());
  ASSERT_EQ(created.status, 201u) << created.body;
  std::string token(created.json().at("token").as_string());
  std::map<std::string, std::string> bearer{{"Authorization", "Bearer " + token}};
  auto me = c().Get("/api/v1/auth/me", bearer);
  ASSERT_EQ(me.status, 200u);
  EXPECT_FALSE(me.json().as_object().contains("csrf_token"));
  // No CSRF needed with a bearer token; a cookie beside it is ignored.
  auto with_cookie = bearer;
  with_cookie["Cookie"] = "egov_session=forged";
  auto write = c().Post("/api/v1/agencies",
                        json::serialize(json::object{{"code", "000.02.53.H48"},
                                                     {"name", "Phòng Tài nguyên và Môi trường"},
                                                     {"parent_code", kDistrict},
                                                     {"kind", "department"}}),
                        "application/json", with_cookie);
  EXPECT_EQ(write.status, 201u) << write.body;
  auto list = c().Get("/api/v1/auth/tokens", bearer).json();
  ASSERT_EQ(list.at("items").as_array().size(), 1u);
  EXPECT_EQ(list.at("items").at(0).at("name").as_string(), "Máy quét văn thư");
  EXPECT_EQ(json::serialize(list).find(token), std::string::npos);  // never shown again
  auto id = list.at("items").at(0).at("id").as_int64();
  EXPECT_EQ(
      c().Send(verb::delete_, "/api/v1/auth/tokens/" + std::to_string(id), "", s.Headers()).status,
      204u);
  EXPECT_EQ(c().Get("/api/v1/auth/me", bearer).status, 401u);
  EXPECT_EQ(c().Get("/api/v1/auth/me", {{"Authorization", "Bearer egov_nonsense"}}).status, 401u);
}

// Seconds since the epoch of an instant as the API writes it: "2026-02-25T10:00:00+07:00".
std::int64_t EpochSeconds(const json::value& instant) {
  std::string t(instant.as_string());
  EXPECT_EQ(t.size(), 25u) << t;
  EXPECT_EQ(t.substr(19), "+07:00") << t;
  using namespace std::chrono;
  const year_month_day date{year{std::stoi(t.substr(0, 4))},
                            month{static_cast<unsigned>(std::stoi(t.substr(5, 2)))},
                            day{static_cast<unsigned>(std::stoi(t.substr(8, 2)))}};
  return sys_days{date}.time_since_epoch().count() * 86400LL + std::stoi(t.substr(11, 2)) * 3600 +
         std::stoi(t.substr(14, 2)) * 60 + std::stoi(t.substr(17, 2)) - 7 * 3600;
}

TEST_P(AccessTest, TokensExpireAfterNinetyDaysAndAnExpiredOneIsRefused) {
  auto s = Login(c(), "qt.binhson");
  auto created =
      c().Post("/api/v1/auth/tokens", R"({"name":"Kết nối"})", "application/json", s.Headers());
  ASSERT_EQ(created.status, 201u) << created.body;
  auto token = created.json().as_object();
  EXPECT_EQ(EpochSeconds(token.at("expires_at")) - EpochSeconds(token.at("created_at")),
            90LL * 86400);
  std::map<std::string, std::string> bearer{
      {"Authorization", "Bearer " + std::string(token.at("token").as_string())}};
  ASSERT_EQ(c().Get("/api/v1/auth/me", bearer).status, 200u);
  auto listed = c().Get("/api/v1/auth/tokens", s.Headers(false)).json();
  ASSERT_EQ(listed.at("items").as_array().size(), 1u);
  EXPECT_EQ(listed.at("items").at(0).at("expires_at"), token.at("expires_at"));
  // Its time passes (set in the database: the clock of the server is the real one).
  db_.Execute("UPDATE api_tokens SET expires_at = 1000 WHERE id = " +
              std::to_string(token.at("id").as_int64()));
  auto expired = c().Get("/api/v1/auth/me", bearer);
  EXPECT_EQ(expired.status, 401u);
  EXPECT_EQ(Code(expired), "unauthenticated");
  EXPECT_EQ(c().Get("/api/v1/auth/tokens", s.Headers(false)).json().at("total"), 0);
}

TEST_P(AccessTest, TokenLifetimeIsConfigurable) {
  std::string dir = MakeTempDir();
  std::ofstream(dir + "/egov.toml") << "[auth]\ntoken_lifetime_days = 30\n";
  EgovServer server(db_.url(), {"--config", dir + "/egov.toml"});
  HttpClient client(server.host(), server.port());
  auto s = Login(client, "qt.binhson");
  auto created =
      client.Post("/api/v1/auth/tokens", R"({"name":"Ngắn hạn"})", "application/json", s.Headers());
  ASSERT_EQ(created.status, 201u) << created.body;
  auto token = created.json();
  EXPECT_EQ(EpochSeconds(token.at("expires_at")) - EpochSeconds(token.at("created_at")),
            30LL * 86400);
  std::filesystem::remove_all(dir);
  for (const char* bad : {"0", "-1", "4294967297", "\"lâu\""}) {
    std::ofstream(dir + ".toml") << "[auth]\ntoken_lifetime_days = " << bad << "\n";
    auto refused = RunEgov({"serve", "--config", dir + ".toml", "--db", db_.url()});
    EXPECT_EQ(refused.exit_code, 2) << bad;
    EXPECT_NE(refused.err.find("auth.token_lifetime_days"), std::string::npos)
        << bad << ": " << refused.err;
  }
  std::filesystem::remove(dir + ".toml");
}

TEST_P(AccessTest, OnlyASignedInSessionCreatesTokens) {
  auto s = Login(c(), "qt.binhson");
  auto created =
      c().Post("/api/v1/auth/tokens", R"({"name":"Gốc"})", "application/json", s.Headers());
  ASSERT_EQ(created.status, 201u) << created.body;
  std::map<std::string, std::string> bearer{
      {"Authorization", "Bearer " + std::string(created.json().at("token").as_string())}};
  auto from_token =
      c().Post("/api/v1/auth/tokens", R"({"name":"Con của khóa"})", "application/json", bearer);
  EXPECT_EQ(from_token.status, 403u) << from_token.body;
  EXPECT_EQ(Code(from_token), "forbidden");
  auto list = c().Get("/api/v1/auth/tokens", bearer).json();
  ASSERT_EQ(list.at("total"), 1);
  EXPECT_EQ(list.at("items").at(0).at("name"), "Gốc");
}

TEST_P(AccessTest, PasswordChangeAndResetRevokeTheUsersTokens) {
  auto make_token = [&](const Session& s) {
    auto r =
        c().Post("/api/v1/auth/tokens", R"({"name":"Máy chủ"})", "application/json", s.Headers());
    EXPECT_EQ(r.status, 201u) << r.body;
    return std::map<std::string, std::string>{
        {"Authorization", "Bearer " + std::string(r.json().at("token").as_string())}};
  };
  // The owner changes the password: every token of theirs stops working.
  auto s = Login(c(), "tiepnhan");
  auto first = make_token(s);
  auto second = make_token(s);
  ASSERT_EQ(c().Get("/api/v1/auth/me", first).status, 200u);
  std::string replacement = "Một mật khẩu mới rất dài";
  auto changed = c().Post(
      "/api/v1/auth/password",
      json::serialize(json::object{{"current_password", kPassword}, {"new_password", replacement}}),
      "application/json", s.Headers());
  ASSERT_EQ(changed.status, 204u) << changed.body;
  EXPECT_EQ(c().Get("/api/v1/auth/me", first).status, 401u);
  EXPECT_EQ(c().Get("/api/v1/auth/me", second).status, 401u);
  EXPECT_EQ(c().Get("/api/v1/auth/tokens", s.Headers(false)).json().at("total"), 0);
  // An administrator resets it: the tokens made since stop working too.
  auto third = make_token(s);
  ASSERT_EQ(c().Get("/api/v1/auth/me", third).status, 200u);
  auto admin = Login(c(), "admin");
  auto reset = c().Post("/api/v1/users/tiepnhan/password",
                        json::serialize(json::object{{"password", "Mật khẩu do quản trị đặt"}}),
                        "application/json", admin.Headers());
  ASSERT_EQ(reset.status, 204u) << reset.body;
  EXPECT_EQ(c().Get("/api/v1/auth/me", third).status, 401u);
  auto again = Login(c(), "tiepnhan", "Mật khẩu do quản trị đặt");
  EXPECT_EQ(c().Get("/api/v1/auth/tokens", again.Headers(false)).json().at("total"), 0);
}

TEST_P(AccessTest, WrongRoleIsForbiddenAndChangesNothing) {
  auto s = Login(c(), "tiepnhan");
  auto create = c().Post("/api/v1/users",
                         json::serialize(json::object{{"username", "moi"},
                                                      {"full_name", "Người mới"},
                                                      {"password", "Một mật khẩu đủ dài"},
                                                      {"agency_code", kDistrict},
                                                      {"roles", json::array{"admin"}}}),
                         "application/json", s.Headers());
  EXPECT_EQ(create.status, 403u);
  EXPECT_EQ(Code(create), "forbidden");
  EXPECT_EQ(c().Get("/api/v1/users", s.Headers(false)).status, 403u);
  auto admin = Login(c(), "admin");
  EXPECT_EQ(Users(admin, "?q=moi").at("total").as_int64(), 0);
}

TEST_P(AccessTest, AdminsActOnlyWithinTheirSubtree) {
  auto district_admin = Login(c(), "qt.binhson");
  // The tree starts at the caller's own agency.
  auto tree = c().Get("/api/v1/agencies", district_admin.Headers(false)).json();
  EXPECT_EQ(tree.at("code").as_string(), kDistrict);
  EXPECT_EQ(json::serialize(tree).find(kProvince), std::string::npos);
  // Users of other agencies are invisible, in lists and by name.
  auto users = Users(district_admin);
  std::set<std::string> names;
  for (const auto& u : users.at("items").as_array()) names.emplace(u.at("username").as_string());
  EXPECT_EQ(names, (std::set<std::string>{"qt.binhson", "tiepnhan"}));
  EXPECT_EQ(c().Get("/api/v1/users/admin", district_admin.Headers(false)).status, 404u);
  // Creating under an agency outside the subtree, or a user there, is forbidden.
  auto agency = c().Post("/api/v1/agencies",
                         json::serialize(json::object{{"code", "000.01.54.H48"},
                                                      {"name", "Phòng ở huyện khác"},
                                                      {"parent_code", kOtherDistrict}}),
                         "application/json", district_admin.Headers());
  EXPECT_EQ(agency.status, 403u);
  auto user = c().Post("/api/v1/users",
                       json::serialize(json::object{{"username", "ngoai"},
                                                    {"full_name", "Ngoài phạm vi"},
                                                    {"password", "Một mật khẩu đủ dài"},
                                                    {"agency_code", kOtherDistrict},
                                                    {"roles", json::array{"viewer"}}}),
                       "application/json", district_admin.Headers());
  EXPECT_EQ(user.status, 403u);
  auto patch = c().Send(verb::patch, "/api/v1/users/admin", R"({"active":false})", [&] {
    auto h = district_admin.Headers();
    h["Content-Type"] = "application/json";
    return h;
  }());
  EXPECT_EQ(patch.status, 404u);
  auto admin = Login(c(), "admin");
  EXPECT_EQ(Users(admin, "?q=ngoai").at("total").as_int64(), 0);
  EXPECT_TRUE(c().Get("/api/v1/users/admin", admin.Headers(false)).json().at("active").as_bool());
}

TEST_P(AccessTest, MalformedAgencyCodesAreRefused) {
  auto s = Login(c(), "admin");
  for (const char* code : {"000.00.53.h48", "000-00-53-H48", "000.00.53.H49", "000.00.00.H48",
                           "ABC", "000.00.53.H48.", "Đ00.00.53.H48"}) {
    auto r = c().Post("/api/v1/agencies",
                      json::serialize(json::object{
                          {"code", code}, {"name", "Đơn vị thử"}, {"parent_code", kDistrict}}),
                      "application/json", s.Headers());
    EXPECT_TRUE(r.status == 422u || r.status == 409u) << code << " " << r.body;
    if (r.status == 422u) {
      EXPECT_EQ(Code(r), "validation_failed");
      EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("code")) << r.body;
    }
  }
  auto tree = json::serialize(c().Get("/api/v1/agencies", s.Headers(false)).json());
  EXPECT_EQ(tree.find("Đơn vị thử"), std::string::npos);
}

TEST_P(AccessTest, OverlongAndSqlLookingStringsAreRefusedOrStoredVerbatim) {
  auto s = Login(c(), "admin");
  std::string sql_name = "Phòng Tư pháp'); DROP TABLE users; -- \"x\" %_\\";
  auto created = c().Post("/api/v1/agencies",
                          json::serialize(json::object{{"code", "000.03.53.H48"},
                                                       {"name", sql_name},
                                                       {"parent_code", kDistrict},
                                                       {"kind", "department"}}),
                          "application/json", s.Headers());
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.json().at("name").as_string(), sql_name);
  auto tree = json::serialize(c().Get("/api/v1/agencies", s.Headers(false)).json());
  EXPECT_NE(tree.find("DROP TABLE users"), std::string::npos);
  EXPECT_EQ(Users(s).at("total").as_int64(), 3);  // the users table is intact
  // A search with LIKE wildcards matches literally.
  EXPECT_EQ(Users(s, "?q=%25").at("total").as_int64(), 0);

  auto overlong = c().Post(
      "/api/v1/agencies",
      json::serialize(json::object{
          {"code", "000.04.53.H48"}, {"name", std::string(300, 'a')}, {"parent_code", kDistrict}}),
      "application/json", s.Headers());
  EXPECT_EQ(overlong.status, 422u);
  auto unknown_field = c().Post(
      "/api/v1/agencies",
      json::serialize(json::object{
          {"code", "000.04.53.H48"}, {"name", "X"}, {"parent_code", kDistrict}, {"colour", "red"}}),
      "application/json", s.Headers());
  EXPECT_EQ(unknown_field.status, 422u);
  auto wrong_type = c().Post("/api/v1/agencies", R"({"code":5,"name":"X","parent_code":"y"})",
                             "application/json", s.Headers());
  EXPECT_EQ(wrong_type.status, 422u);
}

TEST_P(AccessTest, WeakPasswordsAreRefused) {
  auto s = Login(c(), "admin");
  for (const char* password : {"ngan", "matkhau123", "aaaaaaaaaaaa", "xx.nguoimoi.xx"}) {
    auto r = c().Post("/api/v1/users",
                      json::serialize(json::object{{"username", "nguoimoi"},
                                                   {"full_name", "Người mới"},
                                                   {"password", password},
                                                   {"agency_code", kDistrict},
                                                   {"roles", json::array{"viewer"}}}),
                      "application/json", s.Headers());
    EXPECT_EQ(r.status, 422u) << password;
    EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("password"));
  }
  EXPECT_EQ(Users(s, "?q=nguoimoi").at("total").as_int64(), 0);
  auto change = c().Post(
      "/api/v1/auth/password",
      json::serialize(json::object{{"current_password", kPassword}, {"new_password", "123456789"}}),
      "application/json", s.Headers());
  EXPECT_EQ(change.status, 422u);
}

TEST_P(AccessTest, AnOfficersEmailIsOptionalCheckedAndRemovable) {
  auto s = Login(c(), "admin");
  auto body = [](const std::string& email) {
    return json::serialize(json::object{{"username", "nguoimoi"},
                                        {"full_name", "Người mới"},
                                        {"password", "Tra-Bong-2026!"},
                                        {"agency_code", kDistrict},
                                        {"roles", json::array{"viewer"}},
                                        {"email", email}});
  };
  for (const char* bad : {"khong-co-a-cong", "a b@example.vn", "<x@example.vn>"}) {
    auto r = c().Post("/api/v1/users", body(bad), "application/json", s.Headers());
    EXPECT_EQ(r.status, 422u) << bad;
    EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("email")) << bad;
  }
  EXPECT_EQ(Users(s, "?q=nguoimoi").at("total").as_int64(), 0);
  auto created =
      c().Post("/api/v1/users", body(" moi@example.vn "), "application/json", s.Headers());
  ASSERT_EQ(created.status, 201u) << created.body;
  EXPECT_EQ(created.json().at("email"), "moi@example.vn");  // trimmed
  auto h = s.Headers();
  h["Content-Type"] = "application/json";
  auto bad = c().Send(verb::patch, "/api/v1/users/nguoimoi", R"({"email":"x@"})", h);
  EXPECT_EQ(bad.status, 422u);
  EXPECT_EQ(Users(s, "?q=nguoimoi").at("items").at(0).at("email"), "moi@example.vn");
  auto removed = c().Send(verb::patch, "/api/v1/users/nguoimoi", R"({"email":""})", h);
  ASSERT_EQ(removed.status, 200u) << removed.body;
  EXPECT_TRUE(removed.json().at("email").is_null());
  EXPECT_TRUE(Users(s, "?q=nguoimoi").at("items").at(0).at("email").is_null());
}

TEST_P(AccessTest, BruteForceIsLimitedPerAccountWhateverThePassword) {
  for (int i = 0; i < 10; ++i) {
    auto r = c().Post("/api/v1/auth/login", R"({"username":"tiepnhan","password":"đoán sai"})");
    ASSERT_EQ(r.status, 401u) << i;
  }
  auto blocked =
      c().Post("/api/v1/auth/login",
               json::serialize(json::object{{"username", "tiepnhan"}, {"password", kPassword}}));
  EXPECT_EQ(blocked.status, 429u);
  EXPECT_EQ(Code(blocked), "rate_limited");
  // Another account is not affected.
  Login(c(), "admin");
}

TEST_P(AccessTest, PasswordChangeEndsOtherSessionsAndIsAudited) {
  HttpClient other(server_->host(), server_->port());
  auto first = Login(other, "tiepnhan");
  auto s = Login(c(), "tiepnhan");
  std::string replacement = "Một mật khẩu mới rất dài";
  auto r = c().Post(
      "/api/v1/auth/password",
      json::serialize(json::object{{"current_password", kPassword}, {"new_password", replacement}}),
      "application/json", s.Headers());
  ASSERT_EQ(r.status, 204u) << r.body;
  EXPECT_EQ(c().Get("/api/v1/auth/me", s.Headers(false)).status, 200u);
  EXPECT_EQ(other.Get("/api/v1/auth/me", first.Headers(false)).status, 401u);
  Login(other, "tiepnhan", replacement);
  auto verify = RunEgov({"audit", "verify", "--db", db_.url()});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_EQ(verify.out, "OK\n");
}

TEST_P(AccessTest, DisabledUsersCannotLogIn) {
  auto admin = Login(c(), "admin");
  auto victim = Login(c(), "tiepnhan");
  auto h = admin.Headers();
  h["Content-Type"] = "application/json";
  auto r = c().Send(verb::patch, "/api/v1/users/tiepnhan", R"({"active":false})", h);
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(c().Get("/api/v1/auth/me", victim.Headers(false)).status, 401u);
  EXPECT_EQ(c().Post("/api/v1/auth/login", json::serialize(json::object{{"username", "tiepnhan"},
                                                                        {"password", kPassword}}))
                .status,
            401u);
  // An admin cannot lock themselves out.
  auto self = c().Send(verb::patch, "/api/v1/users/admin", R"({"active":false})", h);
  EXPECT_EQ(self.status, 409u);
}

// Tampering needs direct access to the file: SQLite only (the triggers refuse it through SQL,
// so they are dropped first, as an intruder with file access could).
class AuditTamperTest : public ::testing::Test {
 protected:
  void SetUp() override { Seed(db_.url()); }
  void Sql(const std::string& statement) {
    std::string path = db_.url().substr(7);
    std::string command = "sqlite3 '" + path +
                          "' \"DROP TRIGGER IF EXISTS audit_log_no_update; "
                          "DROP TRIGGER IF EXISTS audit_log_no_delete; " +
                          statement + "\"";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  CommandResult Verify() { return RunEgov({"audit", "verify", "--db", db_.url()}); }
  TestDatabase db_{"sqlite"};
};

TEST_F(AuditTamperTest, IntactChainVerifies) {
  auto r = Verify();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "OK\n");
}

TEST_F(AuditTamperTest, AlteredRowIsFound) {
  Sql("UPDATE audit_log SET details = '{}' WHERE seq = 4");
  auto r = Verify();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("4"), std::string::npos) << r.out;
}

TEST_F(AuditTamperTest, DeletedRowIsFound) {
  Sql("DELETE FROM audit_log WHERE seq = 3");
  auto r = Verify();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("3"), std::string::npos) << r.out;
}

TEST_F(AuditTamperTest, DeletedLastRowIsFound) {
  Sql("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)");
  EXPECT_EQ(Verify().exit_code, 1);
}

TEST_F(AuditTamperTest, InsertedRowIsFound) {
  Sql("INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, prev_hash, hash) "
      "SELECT MAX(seq) + 1, 0, 'x', 'user.create', 'user', 'ma', hash, 'ff' FROM audit_log");
  EXPECT_EQ(Verify().exit_code, 1);
}

TEST_F(AuditTamperTest, AuditLogRefusesUpdatesThroughSql) {
  std::string path = db_.url().substr(7);
  std::string command =
      "sqlite3 '" + path + "' \"UPDATE audit_log SET actor = 'x' WHERE seq = 1\" 2>/dev/null";
  EXPECT_NE(std::system(command.c_str()), 0);
  EXPECT_EQ(Verify().exit_code, 0);
}

}  // namespace
}  // namespace egov::testing
