// The real egov binary over real HTTP: health on both engines, metrics, the error envelope
// for 404/405/413 and malformed requests, the OpenAPI document, static files and the SPA
// fallback, the public rate limit, and graceful shutdown on SIGTERM.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

void ExpectEnvelope(const HttpResponse& r, unsigned status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u);
  auto json = r.json();
  ASSERT_TRUE(json.is_object()) << r.body;
  auto& error = json.at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), code) << r.body;
  EXPECT_FALSE(error.at("message").as_string().empty());
  EXPECT_FALSE(r.header("x-request-id").empty());
}

class ServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase db_{GetParam()};
};

INSTANTIATE_TEST_SUITE_P(Engines, ServerTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(ServerTest, HealthNamesTheDatabaseEngine) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  auto r = client.Get("/api/v1/health");
  EXPECT_EQ(r.status, 200u);
  auto json = r.json().as_object();
  EXPECT_EQ(json.at("status").as_string(), "ok");
  EXPECT_EQ(json.at("database").as_string(), GetParam());
  EXPECT_EQ(r.header("x-request-id").size(), 16u);
  EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST_P(ServerTest, RequestIdOfTheResponseIsInTheLog) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  auto r = client.Get("/api/v1/health");
  std::string id = r.header("x-request-id");
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(server.Terminate(), 0);
  std::string log = server.Log();
  EXPECT_NE(log.find("\"request_id\":\"" + id + "\""), std::string::npos) << log;
  EXPECT_NE(log.find("\"target\":\"/api/v1/health\""), std::string::npos);
}

TEST_P(ServerTest, AccessLogLinesAreJsonWhateverTheClientSends) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  auto r = client.Raw(
      "GET /api/v1/health?q=%22x%22\\ HTTP/1.1\r\nHost: x\r\n"
      "User-Agent: say \"hi\" \\ back\r\nConnection: close\r\n\r\n");
  std::string id = r.header("x-request-id");
  ASSERT_FALSE(id.empty()) << r.status;
  EXPECT_EQ(server.Terminate(), 0);
  std::string log = server.Log();
  auto at = log.find("[" + id + "] {");
  ASSERT_NE(at, std::string::npos) << log;
  auto start = log.find('{', at);
  auto line = log.substr(start, log.find('\n', start) - start);
  boost::system::error_code ec;
  auto json = boost::json::parse(line, ec);
  ASSERT_FALSE(ec) << line;
  EXPECT_EQ(json.at("msg"), "access");
  EXPECT_EQ(json.at("user_agent"), "say \"hi\" \\ back");
  EXPECT_EQ(json.at("target"), "/api/v1/health?q=%22x%22\\");
  EXPECT_EQ(json.at("status").as_int64(), 200);
}

TEST_P(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  std::set<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    auto r = client.Get("/api/v1/health");
    ASSERT_EQ(r.status, 200u);
    EXPECT_NE(r.header("connection"), "close");
    ids.insert(r.header("x-request-id"));
  }
  EXPECT_EQ(ids.size(), 20u);
  auto metrics = client.Get("/metrics").body;
  EXPECT_NE(metrics.find("egov_http_open_connections 1"), std::string::npos) << metrics;
}

TEST_P(ServerTest, MetricsCountRequestsAndLatencyPerRoute) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  for (int i = 0; i < 3; ++i) client.Get("/api/v1/health");
  client.Get("/api/v1/does-not-exist");
  auto r = client.Get("/metrics");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.header("content-type").rfind("text/plain", 0), 0u);
  EXPECT_NE(r.body.find("egov_http_requests_total{method=\"GET\",route=\"/api/v1/health\","
                        "status=\"2xx\"} 3"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("egov_http_request_duration_seconds_count{method=\"GET\","
                        "route=\"/api/v1/health\"} 3"),
            std::string::npos);
  EXPECT_NE(r.body.find("route=\"unmatched\",status=\"4xx\"} 1"), std::string::npos);
  EXPECT_NE(r.body.find("egov_http_errors_total{method=\"GET\",route=\"/api/v1/health\"} 0"),
            std::string::npos);
}

TEST_P(ServerTest, UnknownApiPathIs404Envelope) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  ExpectEnvelope(client.Get("/api/v1/khong-ton-tai"), 404, "not_found");
  ExpectEnvelope(client.Get("/api/v2/health"), 404, "not_found");
  ExpectEnvelope(client.Get("/metrics/x"), 404, "not_found");
}

TEST_P(ServerTest, WrongMethodIs405WithAllow) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  auto r = client.Post("/api/v1/health", "{}");
  ExpectEnvelope(r, 405, "method_not_allowed");
  EXPECT_EQ(r.header("allow"), "GET");
  ExpectEnvelope(client.Send(boost::beast::http::verb::delete_, "/metrics", "", {}), 405,
                 "method_not_allowed");
}

TEST_P(ServerTest, OversizedBodyIs413BeforeTheBodyIsSent) {
  EgovServer server(db_.url());
  // Only the headers are sent: a 2 MiB Content-Length must be refused at once.
  HttpClient client(server.host(), server.port());
  auto r = client.Raw(
      "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 2097152\r\n\r\n");
  ExpectEnvelope(r, 413, "payload_too_large");
  EXPECT_EQ(r.header("connection"), "close");
  // And a complete 2 MiB body likewise, and the server still serves afterwards.
  HttpClient second(server.host(), server.port());
  std::string big(2 * 1024 * 1024, 'a');
  ExpectEnvelope(second.Post("/api/v1/health", big), 413, "payload_too_large");
  HttpClient third(server.host(), server.port());
  EXPECT_EQ(third.Get("/api/v1/health").status, 200u);
}

TEST_P(ServerTest, OversizedChunkedBodyIs413) {
  EgovServer server(db_.url(), {"--max-body-bytes", "4096"});
  HttpClient client(server.host(), server.port());
  std::string chunk(3000, 'x');
  char size_hex[16];
  std::snprintf(size_hex, sizeof size_hex, "%zx", chunk.size());
  std::string req =
      "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 2; ++i) req += std::string(size_hex) + "\r\n" + chunk + "\r\n";
  req += "0\r\n\r\n";
  ExpectEnvelope(client.Raw(req), 413, "payload_too_large");
}

TEST_P(ServerTest, MalformedHttpIs400Envelope) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  ExpectEnvelope(client.Raw("GARBAGE\r\n\r\n"), 400, "bad_request");
  HttpClient second(server.host(), server.port());
  ExpectEnvelope(
      second.Raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"), 400,
      "bad_request");
}

TEST_P(ServerTest, OversizedHeadersAreRefused) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  std::string huge(64 * 1024, 'a');
  auto r = client.Raw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + huge + "\r\n\r\n");
  ExpectEnvelope(r, 413, "payload_too_large");
}

TEST_P(ServerTest, OpenApiDocumentsEveryRoute) {
  EgovServer server(db_.url());
  HttpClient client(server.host(), server.port());
  auto r = client.Get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200u);
  auto doc = r.json().as_object();
  EXPECT_EQ(doc.at("openapi").as_string().subview().substr(0, 2), "3.");
  auto& paths = doc.at("paths").as_object();
  for (const char* p : {"/api/v1/health", "/metrics", "/api/v1/openapi.json"}) {
    EXPECT_TRUE(paths.contains(p)) << p;
  }
}

TEST_P(ServerTest, ServesTheWebAppWithCachingAndSpaFallback) {
  std::string web = MakeTempDir();
  std::filesystem::create_directories(web + "/assets");
  std::ofstream(web + "/index.html")
      << "<!doctype html><html lang=\"vi\"><title>Egov</title></html>";
  std::ofstream(web + "/assets/app-abc123.js") << "console.log('xin chào')";
  std::ofstream(web + "/favicon.svg") << "<svg/>";
  EgovServer server(db_.url(), {"--web", web});
  HttpClient client(server.host(), server.port());

  auto index = client.Get("/");
  EXPECT_EQ(index.status, 200u);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  EXPECT_NE(index.body.find("lang=\"vi\""), std::string::npos);

  auto js = client.Get("/assets/app-abc123.js");
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.header("cache-control"), "public, max-age=31536000, immutable");
  auto again = client.Get("/assets/app-abc123.js", {{"If-None-Match", js.header("etag")}});
  EXPECT_EQ(again.status, 304u);
  EXPECT_TRUE(again.body.empty());

  EXPECT_EQ(client.Get("/favicon.svg").header("content-type"), "image/svg+xml");
  // Deep links (dots included, as in dossier codes) get the app; missing assets do not.
  auto deep = client.Get("/tra-cuu/000.00.00.H48-260101-0001");
  EXPECT_EQ(deep.status, 200u);
  EXPECT_EQ(deep.body, index.body);
  ExpectEnvelope(client.Get("/assets/missing.js"), 404, "not_found");
  // No escape from the folder.
  EXPECT_EQ(client.Get("/../../etc/passwd").body, index.body);
  std::filesystem::remove_all(web);
}

TEST_P(ServerTest, ShutsDownGracefullyOnSigterm) {
  EgovServer server(db_.url());
  // Several clients hammer the server while SIGTERM arrives: every response that arrives is
  // complete and well-formed, the process exits 0, and nothing is served afterwards.
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, broken{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&] {
      HttpClient client(server.host(), server.port());
      while (!stop) {
        try {
          auto r = client.Get("/api/v1/health");
          if (r.status == 200 && r.json().as_object().at("status").as_string() == "ok") {
            ++ok;
          } else {
            ++broken;
          }
        } catch (const boost::system::system_error&) {
          // Refused or closed between requests: expected once the server stops accepting.
        } catch (const std::exception&) {
          ++broken;  // a truncated or unparseable response
        }
      }
    });
  }
  while (ok < 50) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  HttpClient idle(server.host(), server.port());
  ASSERT_EQ(idle.Get("/api/v1/health").status, 200u);  // a kept-alive idle connection
  int status = server.Terminate(20);
  stop = true;
  for (auto& t : clients) t.join();
  EXPECT_EQ(status, 0);
  EXPECT_EQ(broken.load(), 0);
  EXPECT_GT(ok.load(), 50);
  EXPECT_THROW(HttpClient(server.host(), server.port()).Get("/api/v1/health"),
               boost::system::system_error);
}

TEST(PublicRateLimit, FlagIsValidated) {
  TestDatabase db("sqlite");
  auto r =
      RunEgov({"serve", "--db", db.url(), "--listen", "127.0.0.1:0", "--public-rate-limit", "-5"});
  EXPECT_NE(r.exit_code, 0);
}

TEST(Serve, BadConfigurationIsRefusedWithAClearMessage) {
  TestDatabase db("sqlite");
  auto bad_listen = RunEgov({"serve", "--db", db.url(), "--listen", "127.0.0.1:99999"});
  EXPECT_EQ(bad_listen.exit_code, 2);
  EXPECT_NE(bad_listen.err.find("Cổng"), std::string::npos) << bad_listen.err;
  auto bad_db = RunEgov({"serve", "--db", "mysql://x/y", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(bad_db.exit_code, 2);
  EXPECT_NE(bad_db.err.find("cơ sở dữ liệu"), std::string::npos) << bad_db.err;

  std::string dir = MakeTempDir();
  std::ofstream(dir + "/egov.toml") << "[server]\nlisten = \"127.0.0.1:0\"\nthreads = \"many\"\n";
  auto bad_file = RunEgov({"serve", "--config", dir + "/egov.toml", "--db", db.url()});
  EXPECT_EQ(bad_file.exit_code, 2);
  EXPECT_NE(bad_file.err.find("server.threads"), std::string::npos) << bad_file.err;
  std::ofstream(dir + "/unknown.toml") << "[server]\nlisten_port = 1\n";
  auto unknown = RunEgov({"serve", "--config", dir + "/unknown.toml", "--db", db.url()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("listen_port"), std::string::npos) << unknown.err;
  std::filesystem::remove_all(dir);
}

TEST(Migrate, IsIdempotentFromTheCommandLine) {
  TestDatabase db("sqlite");
  auto first = RunEgov({"migrate", "--db", db.url()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto second = RunEgov({"migrate", "--db", db.url()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(boost::json::parse(second.out).at("applied").as_int64(), 0);
  EXPECT_EQ(boost::json::parse(second.out).at("schema_version"),
            boost::json::parse(first.out).at("schema_version"));
}

}  // namespace
}  // namespace egov::testing
