// The response a handler returns, and constructors for the common shapes: JSON, the error
// envelope of CONTRACT.md, plain text. The server adds X-Request-Id, Date and keep-alive.
#pragma once

#include <boost/beast/http.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace egov::http {

namespace beast_http = boost::beast::http;

struct Response {
  beast_http::status status = beast_http::status::ok;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // The error code, for the access log and metrics; empty on success.
  std::string error_code;
  // Set by the router when a response must close the connection (e.g. 413 before the body).
  bool close = false;
};

// For an object built on its own memory resource (hot routes): serialized without a copy.
Response JsonResponse(const boost::json::object& object,
                      beast_http::status status = beast_http::status::ok);
Response JsonResponse(const boost::json::value& value,
                      beast_http::status status = beast_http::status::ok);
Response TextResponse(std::string body, std::string content_type,
                      beast_http::status status = beast_http::status::ok);
// {"error":{"code","message","details"}} with the HTTP status of the code.
Response ErrorResponse(const Error& error);
beast_http::status StatusOf(ErrorCode code);

}  // namespace egov::http
