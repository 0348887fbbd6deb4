// Vietnamese number reading (see money_words.hpp). Each group of three digits is read as
// "[trăm] [mươi|linh] [đơn vị]" with the usual spoken forms: "mười" for 1x, "mốt" for a
// final 1 after 2x–9x, "lăm" for a final 5 after a ten, "linh" for 0 tens before a unit
// inside a number; groups are "nghìn", "triệu", "tỷ", and "nghìn tỷ", "triệu tỷ" beyond.
#include "core/text/money_words.hpp"

#include <vector>

namespace egov::core::text {

namespace {

const char* const kDigits[] = {"không", "một", "hai", "ba",  "bốn",
                               "năm",   "sáu", "bảy", "tám", "chín"};

// Reads 0..999; `full` when higher groups precede it (so "không trăm" and "linh" appear).
std::string ReadGroup(int n, bool full) {
  int hundreds = n / 100, tens = (n / 10) % 10, units = n % 10;
  std::vector<std::string> words;
  if (hundreds > 0 || full) {
    words.push_back(std::string(kDigits[hundreds]) + " trăm");
  }
  if (tens == 0) {
    if (units > 0 && (hundreds > 0 || full)) words.push_back("linh");
  } else if (tens == 1) {
    words.push_back("mười");
  } else {
    words.push_back(std::string(kDigits[tens]) + " mươi");
  }
  if (units > 0) {
    if (units == 1 && tens >= 2) {
      words.push_back("mốt");
    } else if (units == 5 && tens >= 1) {
      words.push_back("lăm");
    } else if (units == 4 && tens >= 2) {
      words.push_back("tư");
    } else {
      words.push_back(kDigits[units]);
    }
  }
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::string MoneyInWords(std::int64_t amount) {
  std::string text;
  if (amount <= 0) {
    text = "không";
  } else {
    static const char* const kUnits[] = {"", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ"};
    std::vector<int> groups;
    for (std::int64_t a = amount; a > 0; a /= 1000) groups.push_back(static_cast<int>(a % 1000));
    for (int i = static_cast<int>(groups.size()) - 1; i >= 0; --i) {
      if (groups[i] == 0) continue;
      bool full = i < static_cast<int>(groups.size()) - 1;
      if (!text.empty()) text += " ";
      text += ReadGroup(groups[i], full) + kUnits[i];
    }
  }
  text += " đồng";
  // Upper-case the first letter (all first letters here are ASCII or 'm'/'h'/… ASCII).
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

}  // namespace egov::core::text
