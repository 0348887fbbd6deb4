// Names of error codes for the JSON envelope (CONTRACT.md, HTTP API).
#include "core/error.hpp"

namespace egov {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kValidationFailed: return "validation_failed";
    case ErrorCode::kBadRequest: return "bad_request";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kMethodNotAllowed: return "method_not_allowed";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kUnsupportedMedia: return "unsupported_media_type";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace egov
