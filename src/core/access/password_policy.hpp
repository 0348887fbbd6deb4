// The password policy (docs/access.md): 10–128 characters, not containing the username, not
// a common password, not a single repeated character. Pure; the list of common passwords is
// handed in (the service loads it from data/security/common-passwords.txt).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace egov::core::access {

constexpr std::size_t kMinPasswordLength = 10;  // characters (code points)
constexpr std::size_t kMaxPasswordLength = 128;

// nullopt when acceptable; otherwise the Vietnamese reason.
std::optional<std::string> PasswordProblem(std::string_view password, std::string_view username,
                                           const std::unordered_set<std::string>& common);

}  // namespace egov::core::access
