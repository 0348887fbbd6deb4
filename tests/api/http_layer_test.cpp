// The HTTP layer in-process, over real HTTP on a loopback port, with routes that exercise
// what the platform offers handlers: JSON bodies (malformed, invalid UTF-8, wrong type),
// path and query parameters, the public rate limit, the blocking pool, and a request still
// in flight when shutdown begins.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>
#include <future>
#include <thread>

#include "core/testing/fake_clock.hpp"
#include "http/blocking_pool.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http_client.hpp"

namespace egov::http {
namespace {

using egov::testing::HttpClient;
using egov::testing::HttpResponse;
using verb = boost::beast::http::verb;

class InProcessServer {
 public:
  explicit InProcessServer(unsigned public_limit = 0)
      : router_(metrics_), limiter_(public_limit, clock_), pool_(1, 1) {
    router_.SetPublicRateLimiter(&limiter_);
    router_.Add(verb::post, "/api/v1/echo", SyncHandler([](Request& r) {
                  const auto& body = r.json();
                  return JsonResponse(boost::json::object{{"got", body}});
                }));
    router_.Add(verb::get, "/api/v1/things/{code}", SyncHandler([](Request& r) {
                  return JsonResponse(boost::json::object{{"code", r.param("code")},
                                                          {"q", r.query("q").value_or("")}});
                }));
    router_.Add(verb::get, "/api/v1/public/ping",
                SyncHandler([](Request&) { return JsonResponse(boost::json::object{}); }),
                RouteOptions{.public_rate_limited = true});
    router_.Add(verb::get, "/api/v1/slow",
                Handler([](Request&) -> boost::asio::awaitable<Response> {
                  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor,
                                                  std::chrono::milliseconds(400));
                  co_await timer.async_wait(boost::asio::use_awaitable);
                  co_return JsonResponse(boost::json::object{{"slow", true}});
                }));
    router_.Add(verb::get, "/api/v1/hash",
                Handler([this](Request&) -> boost::asio::awaitable<Response> {
                  auto thread = co_await pool_.Run([] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                    return std::hash<std::thread::id>{}(std::this_thread::get_id());
                  });
                  co_return JsonResponse(boost::json::object{{"thread", thread}});
                }));
    router_.Add(verb::get, "/api/v1/boom", SyncHandler([](Request&) -> Response {
                  throw std::runtime_error("secret internal detail");
                }));
    ServerOptions options;
    options.port = 0;
    options.max_body_bytes = 4096;
    server_ = std::make_unique<Server>(io_, options, router_, metrics_);
    port_ = server_->Listen();
    server_->Start();
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  ~InProcessServer() {
    server_->Shutdown();
    for (auto& t : threads_) t.join();
  }
  void Shutdown() { server_->Shutdown(); }
  void Join() {
    for (auto& t : threads_) t.join();
    threads_.clear();
  }
  unsigned short port() const { return port_; }
  // The clock of the public rate limiter.
  core::testing::FakeClock& clock() { return clock_; }

 private:
  boost::asio::io_context io_;
  core::testing::FakeClock clock_{1'771'988'400'000};
  Metrics metrics_;
  Router router_;
  RateLimiter limiter_;
  BlockingPool pool_;
  std::unique_ptr<Server> server_;
  unsigned short port_;
  std::vector<std::thread> threads_;
};

std::string ErrorCodeOf(const HttpResponse& r) {
  return std::string(r.json().at("error").at("code").as_string());
}

TEST(HttpLayer, JsonBodyIsParsedAndEchoed) {
  InProcessServer s;
  HttpClient c("127.0.0.1", s.port());
  auto r = c.Post("/api/v1/echo", R"({"tên":"Đất đai"})");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.json().at("got").at("tên").as_string(), "Đất đai");
}

TEST(HttpLayer, MalformedJsonIs400) {
  InProcessServer s;
  HttpClient c("127.0.0.1", s.port());
  for (const char* bad : {"{", "{\"a\":}", "[1,2", "nul", "{\"a\":1}x", ""}) {
    auto r = c.Post("/api/v1/echo", bad);
    EXPECT_EQ(r.status, 400u) << bad;
    EXPECT_EQ(ErrorCodeOf(r), "bad_request") << bad;
  }
  auto array = c.Post("/api/v1/echo", "[1,2]");
  EXPECT_EQ(array.status, 400u);
}

TEST(HttpLayer, InvalidUtf8Is400) {
  InProcessServer s;
  HttpClient c("127.0.0.1", s.port());
  for (std::string bad : {std::string("{\"a\":\"\xff\"}"), std::string("{\"a\":\"\xc3\x28\"}"),
                          std::string("{\"a\":\"\xed\xa0\x80\"}"),  // a UTF-16 surrogate
                          std::string("{\"a\":\"\xc0\xaf\"}")}) {   // an overlong '/'
    auto r = c.Post("/api/v1/echo", bad);
    EXPECT_EQ(r.status, 400u);
    EXPECT_EQ(ErrorCodeOf(r), "bad_request");
  }
}

TEST(HttpLayer, NonJsonContentTypeIs415) {
  InProcessServer s;
  HttpClient c("127.0.0.1", s.port());
  auto r = c.Post("/api/v1/echo", "a=b", "application/x-www-form-urlencoded");
  EXPECT_EQ(r.status, 415u);
  EXPECT_EQ(ErrorCodeOf(r), "unsupported_media_type");
}

TEST(HttpLayer, JsonMediaTypeComparesCaseInsensitivelyWithParameters) {
  InProcessServer s;
  HttpClient c("127.0.0.1", s.port());
  for (const char* type : {"Application/JSON", "application/json; charset=UTF-8",
                           "APPLICATION/JSON;charset=utf-8", " application/json ; charset=utf-8"}) {
    auto r = c.Post("/api/v1/echo", R"({"a":1})", type);
    EXPECT_EQ(r.status, 200u) << type << ": " << r.body;
  }
  for (const char* type : {"application/jsonx", "text/json", "application/json-patch+json", ""}) {
    auto r = c.Post("/api/v1/echo", R"({"a":1})", type);
    EXPECT_EQ(r.status, 415u) << type;
  }
}

TEST(HttpLayer, PathAndQueryParametersAreDecoded) {
  InProcessServer s;
  HttpClient c("127.0.0.1", s.port());
  auto r = c.Get("/api/v1/things/000.00.00.H48-260101-0001?q=%C4%91%E1%BA%A5t+%C4%91ai");
  ASSERT_EQ(r.status, 200u);
  EXPECT_EQ(r.json().at("code").as_string(), "000.00.00.H48-260101-0001");
  EXPECT_EQ(r.json().at("q").as_string(), "đất đai");
  EXPECT_EQ(c.Get("/api/v1/things/%FF").status, 404u);  // not UTF-8 once decoded
  EXPECT_EQ(c.Get("/api/v1/things/%ZZ").status, 404u);  // not a percent escape
  auto bad = c.Get("/api/v1/things/x?q=%FF");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_EQ(ErrorCodeOf(bad), "validation_failed");
}

TEST(HttpLayer, PublicRoutesAreRateLimitedPerAddress) {
  InProcessServer s(5);
  HttpClient c("127.0.0.1", s.port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.Get("/api/v1/public/ping").status, 200u);
  auto r = c.Get("/api/v1/public/ping");
  EXPECT_EQ(r.status, 429u);
  EXPECT_EQ(ErrorCodeOf(r), "rate_limited");
  EXPECT_EQ(r.header("retry-after"), "12");  // 5 a minute: one token every 12 s
  // Other routes are not limited.
  EXPECT_EQ(c.Get("/api/v1/things/a").status, 200u);
  // The bucket refills as the (injected) time passes: one request after 12 s, not two.
  s.clock().Advance(11'000);
  EXPECT_EQ(c.Get("/api/v1/public/ping").header("retry-after"), "1");
  s.clock().Advance(1'000);
  EXPECT_EQ(c.Get("/api/v1/public/ping").status, 200u);
  EXPECT_EQ(c.Get("/api/v1/public/ping").status, 429u);
}

TEST(HttpLayer, UnexpectedExceptionIsAGeneric500WithoutDetails) {
  InProcessServer s;
  HttpClient c("127.0.0.1", s.port());
  auto r = c.Get("/api/v1/boom");
  EXPECT_EQ(r.status, 500u);
  EXPECT_EQ(ErrorCodeOf(r), "internal");
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
}

TEST(HttpLayer, BlockingPoolCapsConcurrencyAndRefusesBeyondItsQueue) {
  InProcessServer s;  // pool: 1 thread, 1 queued
  std::vector<std::future<HttpResponse>> calls;
  for (int i = 0; i < 4; ++i) {
    calls.push_back(std::async(std::launch::async, [&] {
      HttpClient c("127.0.0.1", s.port());
      return c.Get("/api/v1/hash");
    }));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  int ok = 0, busy = 0;
  std::set<std::string> threads;
  for (auto& f : calls) {
    auto r = f.get();
    if (r.status == 200) {
      ++ok;
      threads.insert(boost::json::serialize(r.json().at("thread")));
    } else if (r.status == 503) {
      ++busy;
      EXPECT_EQ(ErrorCodeOf(r), "unavailable");
    }
  }
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(busy, 2);
  EXPECT_EQ(threads.size(), 1u);  // one pool thread did all the work
}

TEST(HttpLayer, InFlightRequestFinishesDuringShutdown) {
  InProcessServer s;
  auto slow = std::async(std::launch::async, [&] {
    HttpClient c("127.0.0.1", s.port());
    return c.Get("/api/v1/slow");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto started = std::chrono::steady_clock::now();
  s.Shutdown();
  auto r = slow.get();
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.json().at("slow"), true);
  EXPECT_EQ(r.header("connection"), "close");
  s.Join();  // io_context.run() returns once the last connection closed
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

}  // namespace
}  // namespace egov::http
