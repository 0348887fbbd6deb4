// Dossier codes and applicant checks (see dossier.hpp).
#include "core/dossier/dossier.hpp"

#include <fmt/format.h>

namespace egov::core::dossier {

std::string FormatDossierCode(std::string_view agency_code, std::string_view yymmdd,
                              std::int64_t number) {
  return fmt::format("{}-{}-{:04d}", agency_code, yymmdd, number);
}

std::string MaskName(std::string_view full_name) {
  std::string out;
  bool word_start = true;
  for (size_t i = 0; i < full_name.size();) {
    unsigned char c = static_cast<unsigned char>(full_name[i]);
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (i + len > full_name.size()) len = 1;
    if (c == ' ') {
      out.push_back(' ');
      word_start = true;
    } else if (word_start) {
      out.append(full_name.substr(i, len));
      word_start = false;
    } else {
      out.push_back('*');
    }
    i += len;
  }
  return out;
}

std::optional<std::string> NormalizePhone(std::string_view phone) {
  std::string digits;
  for (size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '+' && i == 0) {
      digits.push_back('+');
    } else if (c != ' ' && c != '.' && c != '-') {
      return std::nullopt;
    }
  }
  if (digits.starts_with("+84")) digits = "0" + digits.substr(3);
  // Mobiles have 10 digits, landlines (0 + area code + number) 11.
  if ((digits.size() != 10 && digits.size() != 11) || digits[0] != '0' || digits[1] == '0') {
    return std::nullopt;
  }
  return digits;
}

bool IsCitizenId(std::string_view id) {
  if (id.size() != 12) return false;
  for (char c : id) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsEmail(std::string_view email) {
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || email.size() > 254) return false;
  auto domain = email.substr(at + 1);
  auto dot = domain.rfind('.');
  if (domain.find('@') != std::string_view::npos || dot == std::string_view::npos || dot == 0 ||
      dot + 1 >= domain.size()) {
    return false;
  }
  for (char c : email) {
    if (c == ' ' || c == ',' || c == ';' || c == '<' || c == '>') return false;
  }
  return true;
}

}  // namespace egov::core::dossier
