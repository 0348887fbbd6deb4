// Who is calling: a bearer token, or the session cookie with its CSRF defence
// (docs/access.md). Every non-public handler starts with RequireCaller().
#pragma once

#include <string>

#include "core/access/roles.hpp"
#include "http/request.hpp"
#include "service/services.hpp"

namespace egov::api {

inline constexpr const char* kSessionCookie = "egov_session";

struct Authenticated {
  core::access::Caller caller;
  std::string csrf_token;  // empty for a bearer token
};

// Throws unauthenticated (401) without valid credentials; forbidden (403) when a cookie
// request that changes state lacks the CSRF token or comes from another site.
Authenticated Authenticate(const http::Request& request, const service::Services& services);
inline core::access::Caller RequireCaller(const http::Request& request,
                                          const service::Services& services) {
  return Authenticate(request, services).caller;
}

// The value of a cookie in the request's Cookie header; empty when absent.
std::string CookieValue(const http::Request& request, std::string_view name);

}  // namespace egov::api
