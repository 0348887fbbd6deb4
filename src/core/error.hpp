// Expected failures of Egov (invalid input, not found, forbidden, conflict …) as a value:
// a stable machine code, the Vietnamese message shown to the user, and an internal detail
// that is logged but never sent to the client. The API layer maps Code to an HTTP status.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace egov {

enum class ErrorCode {
  kValidationFailed,  // 400/422 validation_failed
  kBadRequest,        // 400 bad_request (unparseable body, malformed target)
  kUnauthenticated,   // 401 unauthenticated
  kForbidden,         // 403 forbidden
  kNotFound,          // 404 not_found
  kMethodNotAllowed,  // 405 method_not_allowed
  kConflict,          // 409 conflict
  kPayloadTooLarge,   // 413 payload_too_large
  kUnsupportedMedia,  // 415 unsupported_media_type
  kRateLimited,       // 429 rate_limited
  kUnavailable,       // 503 unavailable (shutting down, overloaded)
  kInternal,          // 500 internal
};

// The stable snake_case name of a code, as it appears in the JSON error envelope.
const char* ErrorCodeName(ErrorCode code);

// Thrown (or returned inside Result) for expected outcomes. `message` is Vietnamese and
// user-visible; `detail` is for logs only; `fields` maps an input field to its own
// Vietnamese message and becomes the envelope's "details".
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string detail = {},
        std::map<std::string, std::string> fields = {})
      : std::runtime_error(message),
        code_(code),
        message_(std::move(message)),
        detail_(std::move(detail)),
        fields_(std::move(fields)) {}

  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& detail() const { return detail_; }
  const std::map<std::string, std::string>& fields() const { return fields_; }

 private:
  ErrorCode code_;
  std::string message_;
  std::string detail_;
  std::map<std::string, std::string> fields_;
};

// A validation failure for one field: "details": {field: message}.
inline Error FieldError(const std::string& field, const std::string& message) {
  return Error(ErrorCode::kValidationFailed, "Dữ liệu không hợp lệ: " + message, {},
               {{field, message}});
}

}  // namespace egov
