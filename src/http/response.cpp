// Response constructors and the mapping of egov::ErrorCode to HTTP statuses.
#include "http/response.hpp"

#include <boost/json/serialize.hpp>

#include "core/refined_error.hpp"

namespace egov::http {

Response JsonResponse(const boost::json::object& object, beast_http::status status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(object);
  return r;
}

Response JsonResponse(const boost::json::value& value, beast_http::status status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(value);
  return r;
}

Response TextResponse(std::string body, std::string content_type, beast_http::status status) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

beast_http::status StatusOf(ErrorCode code) {
  using S = beast_http::status;
  switch (code) {
    case ErrorCode::kValidationFailed: return S::unprocessable_entity;
    case ErrorCode::kBadRequest: return S::bad_request;
    case ErrorCode::kUnauthenticated: return S::unauthorized;
    case ErrorCode::kForbidden: return S::forbidden;
    case ErrorCode::kNotFound: return S::not_found;
    case ErrorCode::kMethodNotAllowed: return S::method_not_allowed;
    case ErrorCode::kConflict: return S::conflict;
    case ErrorCode::kPayloadTooLarge: return S::payload_too_large;
    case ErrorCode::kUnsupportedMedia: return S::unsupported_media_type;
    case ErrorCode::kRateLimited: return S::too_many_requests;
    case ErrorCode::kUnavailable: return S::service_unavailable;
    case ErrorCode::kInternal: return S::internal_server_error;
  }
  return S::internal_server_error;
}

Response ErrorResponse(const Error& error) {
  boost::json::object details;
  for (const auto& [field, message] : error.fields()) details[field] = message;
  const auto* refined = dynamic_cast<const RefinedError*>(&error);
  const std::string code = refined ? refined->name() : ErrorCodeName(error.code());
  boost::json::object body{{"error", boost::json::object{{"code", code},
                                                         {"message", error.message()},
                                                         {"details", std::move(details)}}}};
  Response r = JsonResponse(body, StatusOf(error.code()));
  r.error_code = code;
  return r;
}

}  // namespace egov::http
