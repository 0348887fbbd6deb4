// An expected failure whose stable code refines one of ErrorCode's: the same HTTP status as
// its base code, and a more precise name for programs in the error envelope. CONTRACT.md's
// `signature_invalid` (an edXML package whose signature does not verify) is a 422 like
// `validation_failed`. The API answers with `name()` (http::ErrorResponse).
#pragma once

#include <map>
#include <string>
#include <utility>

#include "core/error.hpp"

namespace egov {

class RefinedError : public Error {
 public:
  RefinedError(ErrorCode base, std::string name, std::string message, std::string detail = {},
               std::map<std::string, std::string> fields = {})
      : Error(base, std::move(message), std::move(detail), std::move(fields)),
        name_(std::move(name)) {}

  // The code in the envelope ("signature_invalid").
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// 422 signature_invalid (CONTRACT.md "Exchange").
inline RefinedError SignatureInvalid(std::string message, std::string detail = {}) {
  return RefinedError(ErrorCode::kValidationFailed, "signature_invalid", std::move(message),
                      std::move(detail));
}

}  // namespace egov
