// The public base URL (`[server] public_base_url`, `--public-base-url`) over real HTTP on both
// engines: the receipt's QR code (decoded with zbarimg) starts with it whatever Host and
// X-Forwarded-* headers a request carries; without it, with the address the server listens
// on; session cookies are Secure exactly when it is https; bad values and a test clock on a
// non-loopback address stop the server at start.
#include <gtest/gtest.h>

#include <array>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;

std::string Run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

// The text of every QR code in a PDF (pages rendered by pdftoppm, read by zbarimg).
std::string QrText(const std::string& pdf) {
  std::string dir = MakeTempDir();
  { std::ofstream(dir + "/r.pdf", std::ios::binary) << pdf; }
  Run("pdftoppm -png -r 150 " + dir + "/r.pdf " + dir + "/page");
  std::string text = Run("zbarimg --quiet --raw " + dir + "/page*.png");
  std::filesystem::remove_all(dir);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

class PublicUrlTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto r = RunEgov({"demo", "--no-dossiers", "--db", db_.url()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void Start(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"--public-rate-limit", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<EgovServer>(db_.url(), args);
    c_ = std::make_unique<HttpClient>(server_->host(), server_->port());
  }
  // Signs the commune's reception officer in with forged proxy headers; the raw Set-Cookie.
  std::string Login(Headers& who) {
    auto r = c_->Send(
        boost::beast::http::verb::post, "/api/v1/auth/login",
        json::serialize(json::object{{"username", "tiepnhan.traso"}, {"password", "demo"}}),
        {{"Content-Type", "application/json"},
         {"Host", "evil.example"},
         {"X-Forwarded-Proto", "https"},
         {"X-Forwarded-Host", "evil.example"}});
    EXPECT_EQ(r.status, 200u) << r.body;
    std::string cookie = r.header("set-cookie");
    who = {{"Cookie", cookie.substr(0, cookie.find(';'))},
           {"X-CSRF-Token", std::string(r.json().at("csrf_token").as_string())}};
    return cookie;
  }
  // An intake, then its receipt fetched with a forged Host: {code, public_token, QR text}.
  std::array<std::string, 3> ReceiptQr(const Headers& who) {
    json::array components;
    auto procedure = c_->Get("/api/v1/procedures/2.000815").json();
    for (const auto& c : procedure.at("components").as_array()) {
      components.push_back(json::object{{"name", c.at("name")},
                                        {"original", c.at("original")},
                                        {"certified", c.at("certified")},
                                        {"copy", c.at("copy")}});
    }
    json::object body{{"procedure_code", "2.000815"},
                      {"channel", "direct"},
                      {"applicant", json::object{{"full_name", "Đinh Thị Mai"},
                                                 {"id_number", "051190007777"},
                                                 {"phone", "0935 111 222"},
                                                 {"address", "Xã Trà Sơn, huyện Trà Bồng"}}},
                      {"components", std::move(components)}};
    auto d = c_->Post("/api/v1/dossiers", json::serialize(body), "application/json", who);
    EXPECT_EQ(d.status, 201u) << d.body;
    std::string code(d.json().at("code").as_string());
    std::string token(d.json().at("public_token").as_string());
    Headers forged = who;
    forged["Host"] = "evil.example:666";
    forged["X-Forwarded-Proto"] = "https";
    forged["X-Forwarded-Host"] = "evil.example";
    auto pdf = c_->Get("/api/v1/dossiers/" + code + "/forms/01.pdf", forged);
    EXPECT_EQ(pdf.status, 200u) << pdf.body;
    return {code, token, QrText(pdf.body)};
  }

  TestDatabase db_{GetParam()};
  std::unique_ptr<EgovServer> server_;
  std::unique_ptr<HttpClient> c_;
};

INSTANTIATE_TEST_SUITE_P(Engines, PublicUrlTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(PublicUrlTest, TheConfiguredUrlIsInTheQrAndMakesCookiesSecure) {
  Start({"--public-base-url", "https://dichvucong.quangngai.gov.vn/"});
  Headers who;
  std::string cookie = Login(who);
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  auto [code, token, qr] = ReceiptQr(who);
  EXPECT_EQ(qr, "https://dichvucong.quangngai.gov.vn/tra-cuu/" + code + "?ma=" + token);
  // Logging out clears the cookie with the same attributes.
  auto out = c_->Post("/api/v1/auth/logout", "", "application/json", who);
  EXPECT_EQ(out.status, 204u) << out.body;
  EXPECT_NE(out.header("set-cookie").find("; Secure"), std::string::npos);
}

TEST_P(PublicUrlTest, WithoutConfigurationTheListenAddressAndNeverTheRequestHeaders) {
  Start({});
  Headers who;
  std::string cookie = Login(who);
  // X-Forwarded-Proto: https does not make the cookie Secure: plain http is configured.
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;
  auto [code, token, qr] = ReceiptQr(who);
  EXPECT_EQ(qr, "http://127.0.0.1:" + std::to_string(server_->port()) + "/tra-cuu/" + code +
                    "?ma=" + token);
}

TEST_P(PublicUrlTest, TheConfigFileKeyIsReadAndBadValuesStopTheServer) {
  std::string dir = MakeTempDir();
  std::ofstream(dir + "/egov.toml") << "[server]\npublic_base_url = \"http://egov.trabong.vn\"\n";
  Start({"--config", dir + "/egov.toml"});
  Headers who;
  Login(who);
  auto [code, token, qr] = ReceiptQr(who);
  EXPECT_EQ(qr, "http://egov.trabong.vn/tra-cuu/" + code + "?ma=" + token);
  server_.reset();

  for (const char* bad : {"egov.trabong.vn", "ftp://egov.trabong.vn", "https://egov.trabong.vn/?a",
                          "https://egov.trabong.vn/#top"}) {
    auto r =
        RunEgov({"serve", "--db", db_.url(), "--listen", "127.0.0.1:0", "--public-base-url", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("public_base_url"), std::string::npos) << r.err;
  }
  std::ofstream(dir + "/clock") << "2026-02-13T16:59:00+07:00\n";
  auto r = RunEgov(
      {"serve", "--db", db_.url(), "--listen", "0.0.0.0:0", "--test-clock-file", dir + "/clock"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--test-clock-file"), std::string::npos) << r.err;
  std::filesystem::remove_all(dir);
}

TEST_P(PublicUrlTest, TheTestClockIsAnnouncedLoudly) {
  server_ = std::make_unique<EgovServer>(db_.url(), std::vector<std::string>{},
                                         "2026-02-13T16:59:00+07:00");
  EXPECT_NE(server_->Log().find("TEST CLOCK IN USE"), std::string::npos) << server_->Log();
  EXPECT_NE(server_->Log().find("2026-02-13T16:59:"), std::string::npos) << server_->Log();
}

}  // namespace
}  // namespace egov::testing
