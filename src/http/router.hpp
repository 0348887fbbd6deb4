// Maps (method, path pattern) to a handler and runs it under the server's error policy:
// egov::Error becomes the JSON envelope, any other exception a logged, generic 500.
// Patterns are literal segments and {name} captures: "/api/v1/dossiers/{code}/files/{sha}".
// Routes are added before serving starts; Handle() is then safe from any thread.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <string>
#include <vector>

#include "http/metrics.hpp"
#include "http/rate_limiter.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace egov::http {

using Handler = std::function<boost::asio::awaitable<Response>(Request&)>;
using SyncHandler = std::function<Response(Request&)>;

struct RouteOptions {
  // Counts against --public-rate-limit (requests per minute per client address).
  bool public_rate_limited = false;
  // The largest body this route accepts; 0: the server's default (max_body_bytes, for JSON).
  std::size_t max_body_bytes = 0;
  // Uploads: the body streams into an anonymous spool file instead of memory.
  bool spool_body = false;
};

class Router {
 public:
  explicit Router(Metrics& metrics);

  void Add(beast_http::verb method, const std::string& pattern, Handler handler,
           RouteOptions options = {});
  // The same for a handler that never waits (runs to completion on the I/O thread).
  void Add(beast_http::verb method, const std::string& pattern, SyncHandler handler,
           RouteOptions options = {});
  // Serves GET/HEAD requests for paths outside /api/ and /metrics that match no route
  // (the web app and its deep links).
  void SetFallback(SyncHandler handler);
  void SetPublicRateLimiter(RateLimiter* limiter) { public_limiter_ = limiter; }

  struct Routed {
    Response response;
    RouteMetrics* metrics;
  };
  // Never throws: every failure becomes an error response.
  boost::asio::awaitable<Routed> Handle(Request& request) const;

  // The body limit of the route that (method, path) selects, else `fallback`; and the largest
  // limit of any route (the limit while only the headers are known).
  std::size_t BodyLimit(beast_http::verb method, std::string_view path, std::size_t fallback) const;
  // Whether the route that (method, path) selects spools its body to a file.
  bool SpoolsBody(beast_http::verb method, std::string_view path) const;
  std::size_t LargestBodyLimit(std::size_t fallback) const;

  // Patterns and methods, for the OpenAPI check in tests.
  std::vector<std::pair<std::string, std::string>> Routes() const;

 private:
  struct Route {
    beast_http::verb method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    SyncHandler sync;  // set instead of `handler` for handlers that never wait
    RouteOptions options;
    RouteMetrics* metrics;
  };
  static bool Match(const Route& route, const std::vector<std::string_view>& segments,
                    std::map<std::string, std::string>* params);

  Metrics& metrics_;
  std::vector<Route> routes_;
  SyncHandler fallback_;
  RouteMetrics* fallback_metrics_;
  RouteMetrics* unmatched_metrics_;
  RateLimiter* public_limiter_ = nullptr;
};

// Splits "/a/b/c" into {"a","b","c"}; a trailing slash yields a final empty segment.
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace egov::http
