// Vietnamese folding by table (see fold.hpp). The table lists, for each base letter, every
// precomposed Latin letter Vietnamese uses (and the Latin-1 accented ones) that folds to it.
#include "core/text/fold.hpp"

#include <array>
#include <unordered_map>

namespace egov::core::text {

namespace {

// Decodes one code point; on malformed input returns the byte as-is (and advances by one).
char32_t Next(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80             ? 1
            : (c & 0xE0) == 0xC0 ? 2
            : (c & 0xF0) == 0xE0 ? 3
            : (c & 0xF8) == 0xF0 ? 4
                                 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return c;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

const std::unordered_map<char32_t, char>& Table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<char32_t, char>();
    const std::pair<char, std::u32string_view> kGroups[] = {
        {'a', U"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬäåÄÅāĀ"},
        {'e', U"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆëËēĒ"},
        {'i', U"ìíỉĩịÌÍỈĨỊîïÎÏīĪ"},
        {'o', U"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢöÖøØōŌ"},
        {'u', U"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰûüÛÜūŪ"},
        {'y', U"ỳýỷỹỵỲÝỶỸỴÿŸ"},
        {'d', U"đĐ"},
        {'c', U"çÇ"},
        {'n', U"ñÑ"},
    };
    for (const auto& [base, letters] : kGroups) {
      for (char32_t cp : letters) (*t)[cp] = base;
    }
    return t;
  }();
  return *table;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F;
}

}  // namespace

std::string Fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto& table = Table();
  for (size_t i = 0; i < utf8.size();) {
    char32_t cp = Next(utf8, i);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else if (cp >= 0x300 && cp <= 0x36F) {
      continue;  // a combining mark of NFD text
    } else if (auto it = table.find(cp); it != table.end()) {
      out.push_back(it->second);
    } else {
      Append(out, cp);
    }
  }
  return out;
}

std::string NormalizeSpaces(std::string_view utf8) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < utf8.size();) {
    size_t start = i;
    char32_t cp = Next(utf8, i);
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(utf8.substr(start, i - start));
  }
  return out;
}

std::size_t CodePointCount(std::string_view utf8) {
  std::size_t n = 0;
  for (size_t i = 0; i < utf8.size();) {
    Next(utf8, i);
    ++n;
  }
  return n;
}

}  // namespace egov::core::text
