// Password policy (see password_policy.hpp).
#include "core/access/password_policy.hpp"

#include "core/text/fold.hpp"

namespace egov::core::access {

std::optional<std::string> PasswordProblem(std::string_view password, std::string_view username,
                                           const std::unordered_set<std::string>& common) {
  std::size_t length = text::CodePointCount(password);
  if (length < kMinPasswordLength) {
    return "Mật khẩu phải có ít nhất " + std::to_string(kMinPasswordLength) + " ký tự.";
  }
  if (length > kMaxPasswordLength) {
    return "Mật khẩu dài tối đa " + std::to_string(kMaxPasswordLength) + " ký tự.";
  }
  std::string folded = text::Fold(password);
  if (!username.empty() && folded.find(text::Fold(username)) != std::string::npos) {
    return "Mật khẩu không được chứa tên đăng nhập.";
  }
  if (password.find_first_not_of(password.front()) == std::string_view::npos) {
    return "Mật khẩu không được chỉ gồm một ký tự lặp lại.";
  }
  if (common.contains(folded)) {
    return "Mật khẩu này quá phổ biến và dễ bị đoán. Vui lòng chọn mật khẩu khác.";
  }
  return std::nullopt;
}

}  // namespace egov::core::access
