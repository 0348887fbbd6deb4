// Vietnamese search folding (DOMAIN.md §6): lower case, diacritics removed and đ/Đ → d, so
// "Đất đai" and "dat dai" fold to the same "dat dai". Works on NFC and NFD input alike
// (combining marks U+0300–U+036F are dropped). Other characters pass through unchanged.
// Pure, allocation of one string; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace egov::core::text {

std::string Fold(std::string_view utf8);

// Trims ASCII and Unicode spaces at both ends and collapses inner runs of whitespace to one
// space ("  Nguyễn   Văn A " → "Nguyễn Văn A").
std::string NormalizeSpaces(std::string_view utf8);

// Number of Unicode code points (for length limits stated in characters).
std::size_t CodePointCount(std::string_view utf8);

}  // namespace egov::core::text
