// Request authentication and CSRF checks (see auth_context.hpp).
#include "api/auth_context.hpp"

#include <sodium.h>

#include "core/error.hpp"

namespace egov::api {

namespace {

bool ChangesState(boost::beast::http::verb method) {
  using boost::beast::http::verb;
  return method != verb::get && method != verb::head && method != verb::options;
}

bool ConstantTimeEquals(const std::string& a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// "https://host:port" → "host:port"
std::string_view OriginHost(std::string_view origin) {
  auto scheme = origin.find("://");
  if (scheme == std::string_view::npos) return {};
  return origin.substr(scheme + 3);
}

Error CsrfRefused(const char* detail) {
  return Error(ErrorCode::kForbidden,
               "Yêu cầu bị từ chối vì thiếu hoặc sai mã chống giả mạo (CSRF). Vui lòng tải lại "
               "trang và thử lại.",
               detail);
}

}  // namespace

std::string CookieValue(const http::Request& request, std::string_view name) {
  std::string_view header = request.header(boost::beast::http::field::cookie);
  while (!header.empty()) {
    auto semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return {};
}

Authenticated Authenticate(const http::Request& request, const service::Services& services) {
  const Error unauthenticated(ErrorCode::kUnauthenticated,
                              "Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn.");
  std::string_view authorization = request.header(boost::beast::http::field::authorization);
  if (!authorization.empty()) {
    if (!authorization.starts_with("Bearer ")) throw unauthenticated;
    auto caller = services.auth.AuthenticateToken(std::string(authorization.substr(7)));
    if (!caller) throw unauthenticated;
    return {*caller, ""};
  }
  std::string token = CookieValue(request, kSessionCookie);
  if (token.empty()) throw unauthenticated;
  auto session = services.auth.AuthenticateSession(token);
  if (!session) throw unauthenticated;
  if (ChangesState(request.method())) {
    if (request.header("Sec-Fetch-Site") == "cross-site") throw CsrfRefused("cross-site");
    std::string_view origin = request.header(boost::beast::http::field::origin);
    if (!origin.empty() && origin != "null" &&
        OriginHost(origin) != request.header(boost::beast::http::field::host)) {
      throw CsrfRefused("origin mismatch");
    }
    if (!ConstantTimeEquals(session->csrf_token, request.header("X-CSRF-Token"))) {
      throw CsrfRefused("missing or wrong X-CSRF-Token");
    }
  }
  return {session->caller, session->csrf_token};
}

}  // namespace egov::api
