// Route matching, rate limiting of public routes and the per-request error policy.
#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/error.hpp"

namespace egov::http {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  out.reserve(8);  // API paths have at most 6 segments: one allocation
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

Router::Router(Metrics& metrics)
    : metrics_(metrics),
      fallback_metrics_(&metrics.Register("GET", "static")),
      unmatched_metrics_(&metrics.Register("ANY", "unmatched")) {}

void Router::Add(beast_http::verb method, const std::string& pattern, Handler handler,
                 RouteOptions options) {
  Route r{method, pattern, {}, std::move(handler), {}, options, nullptr};
  for (auto s : SplitPath(pattern)) r.segments.emplace_back(s);
  r.metrics = &metrics_.Register(std::string(beast_http::to_string(method)), pattern);
  routes_.push_back(std::move(r));
}

void Router::Add(beast_http::verb method, const std::string& pattern, SyncHandler handler,
                 RouteOptions options) {
  // Called directly by Handle(): no coroutine frame per request for the common case.
  Add(method, pattern, Handler(), options);
  routes_.back().sync = std::move(handler);
}

void Router::SetFallback(SyncHandler handler) { fallback_ = std::move(handler); }

bool Router::Match(const Route& route, const std::vector<std::string_view>& segments,
                   std::map<std::string, std::string>* params) {
  if (route.segments.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    const std::string& want = route.segments[i];
    if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
      if (segments[i].empty()) return false;
      if (!params) continue;  // choosing the route: any non-empty segment fits
      auto decoded = PercentDecode(segments[i], false);
      if (!decoded || !IsValidUtf8(*decoded)) return false;
      (*params)[want.substr(1, want.size() - 2)] = std::move(*decoded);
    } else if (want != segments[i]) {
      return false;
    }
  }
  return true;
}

std::size_t Router::BodyLimit(beast_http::verb method, std::string_view path,
                              std::size_t fallback) const {
  const auto segments = SplitPath(path.substr(0, path.find('?')));
  for (const auto& r : routes_) {
    if (r.method == method && Match(r, segments, nullptr)) {
      return r.options.max_body_bytes ? r.options.max_body_bytes : fallback;
    }
  }
  return fallback;
}

bool Router::SpoolsBody(beast_http::verb method, std::string_view path) const {
  const auto segments = SplitPath(path.substr(0, path.find('?')));
  for (const auto& r : routes_) {
    if (r.method == method && Match(r, segments, nullptr)) return r.options.spool_body;
  }
  return false;
}

std::size_t Router::LargestBodyLimit(std::size_t fallback) const {
  std::size_t largest = fallback;
  for (const auto& r : routes_) largest = std::max(largest, r.options.max_body_bytes);
  return largest;
}

std::optional<Error> Router::CheckBeforeBody(const BeastRequest& message,
                                             const std::string& request_id,
                                             const std::string& client_address) const {
  const std::string_view target = message.target();
  const auto segments = SplitPath(target.substr(0, target.find('?')));
  for (const auto& r : routes_) {
    if (r.method != message.method() || !Match(r, segments, nullptr)) continue;
    if (!r.options.before_body) return std::nullopt;
    Request head(BeastRequest(message.base()), request_id, client_address);
    std::map<std::string, std::string> params;
    if (!Match(r, segments, &params)) {  // a parameter that does not decode to UTF-8
      return Error(ErrorCode::kNotFound, "Không tìm thấy địa chỉ được yêu cầu.");
    }
    head.set_params(std::move(params));
    try {
      r.options.before_body(head);
      return std::nullopt;
    } catch (const Error& e) {
      if (!e.detail().empty()) {
        spdlog::info("[{}] {}: {}", head.request_id(), ErrorCodeName(e.code()), e.detail());
      }
      return e;
    } catch (const std::exception& e) {
      spdlog::error("[{}] unhandled exception before the body: {}", head.request_id(), e.what());
      return Error(ErrorCode::kInternal,
                   "Hệ thống gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.", e.what());
    }
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> Router::Routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : routes_) out.emplace_back(beast_http::to_string(r.method), r.pattern);
  return out;
}

namespace {

bool IsApiPath(std::string_view path) {
  return path == "/api" || path.starts_with("/api/") || path == "/metrics" ||
         path.starts_with("/metrics/");
}

}  // namespace

boost::asio::awaitable<Router::Routed> Router::Handle(Request& request) const {
  const auto segments = SplitPath(request.path());
  const beast_http::verb method =
      request.method() == beast_http::verb::head ? beast_http::verb::get : request.method();
  const Route* found = nullptr;
  std::string allow;
  for (const auto& r : routes_) {
    if (!Match(r, segments, nullptr)) continue;
    if (r.method == method) {
      found = &r;
      break;
    }
    if (!allow.empty()) allow += ", ";
    allow += beast_http::to_string(r.method);
  }

  RouteMetrics* slot = found ? found->metrics : unmatched_metrics_;
  std::optional<Response> refused;
  try {
    if (!found) {
      if (!allow.empty()) {
        Response r = ErrorResponse(Error(ErrorCode::kMethodNotAllowed,
                                         "Phương thức này không được hỗ trợ cho địa chỉ này."));
        r.headers.emplace_back("Allow", allow);
        co_return Routed{std::move(r), slot};
      }
      if (fallback_ && method == beast_http::verb::get && !IsApiPath(request.path())) {
        co_return Routed{fallback_(request), fallback_metrics_};
      }
      throw Error(ErrorCode::kNotFound, "Không tìm thấy địa chỉ được yêu cầu.");
    }
    unsigned retry_after = 0;
    if (found->options.public_rate_limited && public_limiter_ &&
        !public_limiter_->Allow(request.client_address(), &retry_after)) {
      Response r = ErrorResponse(Error(
          ErrorCode::kRateLimited, "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút."));
      r.headers.emplace_back("Retry-After", std::to_string(retry_after));
      co_return Routed{std::move(r), slot};
    }
    std::map<std::string, std::string> params;
    if (!Match(*found, segments, &params)) {  // a parameter that does not decode to UTF-8
      throw Error(ErrorCode::kNotFound, "Không tìm thấy địa chỉ được yêu cầu.");
    }
    request.set_params(std::move(params));
    if (found->sync) co_return Routed{found->sync(request), slot};
    Response response = co_await found->handler(request);
    co_return Routed{std::move(response), slot};
  } catch (const Error& e) {
    // Answered here, from the object caught: a RefinedError keeps its own code.
    refused = ErrorResponse(e);
    if (!e.detail().empty() && e.code() != ErrorCode::kInternal) {
      spdlog::info("[{}] {}: {}", request.request_id(), refused->error_code, e.detail());
    }
  } catch (const std::exception& e) {
    spdlog::error("[{}] unhandled exception: {}", request.request_id(), e.what());
    refused =
        ErrorResponse(Error(ErrorCode::kInternal,
                            "Hệ thống gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.", e.what()));
  }
  co_return Routed{std::move(*refused), slot};
}

}  // namespace egov::http
