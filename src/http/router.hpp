// Maps (method, path pattern) to a handler and runs it under the server's error policy:
// egov::Error becomes the JSON envelope, any other exception a logged, generic 500.
// Patterns are literal segments and {name} captures: "/api/v1/dossiers/{code}/files/{sha}".
// Routes are added before serving starts; Handle() is then safe from any thread.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "http/metrics.hpp"
#include "http/rate_limiter.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace egov::http {

using Handler = std::function<boost::asio::awaitable<Response>(Request&)>;
using SyncHandler = std::function<Response(Request&)>;
// Judges a request from its headers and path parameters alone (the body is empty); throws
// egov::Error to refuse it.
using HeaderCheck = std::function<void(Request&)>;

struct RouteOptions {
  // Counts against --public-rate-limit (requests per minute per client address).
  bool public_rate_limited = false;
  // The largest body this route accepts; 0: the server's default (max_body_bytes, for JSON).
  std::size_t max_body_bytes = 0;
  // Uploads: the body streams into an anonymous spool file instead of memory.
  bool spool_body = false;
  // Run by the server once the headers have chosen this route and before it gives the body a
  // spool slot or reads a byte of it (credentials, permissions, existence: whatever the
  // headers and path can settle). An egov::Error it throws is answered at once and the
  // connection closed with the body unread, so a client that may not upload holds nothing.
  // The handler still makes its own checks: this one only refuses early.
  HeaderCheck before_body;
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
  // For a request whose body is still to come: runs the before_body check of the route that
  // its headers select, on a Request made of a copy of the headers (path parameters set, body
  // empty) under `request_id`. The refusal, or nullopt when the route has no check or the
  // check passes. Never throws.
  std::optional<Error> CheckBeforeBody(const BeastRequest& message, const std::string& request_id,
                                       const std::string& client_address) const;

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
