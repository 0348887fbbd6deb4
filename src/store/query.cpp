// Binding result columns by name (see query.hpp).
#include "store/query.hpp"

#include <cctype>

namespace egov::store {

namespace {

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The top-level words of `text` (outside parentheses and quoted strings), with their offsets,
// and the offsets of its top-level commas.
struct TopLevel {
  std::vector<std::pair<std::size_t, std::string>> words;  // lower case
  std::vector<std::size_t> commas;
};

TopLevel Scan(std::string_view text) {
  TopLevel out;
  int depth = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\'' || c == '"') {  // a string or a quoted identifier: skip to its end
      std::size_t j = i + 1;
      while (j < text.size() && !(text[j] == c && (j + 1 >= text.size() || text[j + 1] != c))) {
        j += text[j] == c ? 2 : 1;
      }
      i = j + 1;
    } else if (c == '(') {
      ++depth, ++i;
    } else if (c == ')') {
      --depth, ++i;
    } else if (IsWordChar(c)) {
      std::size_t j = i;
      while (j < text.size() && IsWordChar(text[j])) ++j;
      if (depth == 0) out.words.emplace_back(i, Lower(text.substr(i, j - i)));
      i = j;
    } else {
      if (c == ',' && depth == 0) out.commas.push_back(i);
      ++i;
    }
  }
  return out;
}

// The name of one result column (see ResultColumns).
std::string ColumnName(std::string_view item) {
  item = Trim(item);
  const TopLevel scan = Scan(item);
  for (std::size_t k = scan.words.size(); k-- > 1;) {
    if (scan.words[k - 1].second == "as") return Lower(Trim(item.substr(scan.words[k].first)));
  }
  for (char c : item) {
    if (!IsWordChar(c)) return "";  // an expression without an alias
  }
  const std::size_t dot = item.rfind('.');
  return Lower(dot == std::string_view::npos ? item : item.substr(dot + 1));
}

}  // namespace

std::vector<std::string> ResultColumns(std::string_view text) {
  const TopLevel scan = Scan(text);
  std::size_t begin = std::string_view::npos, end = text.size();
  const auto& words = scan.words;
  if (!words.empty() && words.front().second == "select") {
    std::size_t k = 1;
    begin = words.front().first + 6;
    if (k < words.size() && (words[k].second == "distinct" || words[k].second == "all")) {
      begin = words[k].first + words[k].second.size();
    }
    for (; k < words.size(); ++k) {
      if (words[k].second == "from") {
        end = words[k].first;
        break;
      }
    }
  } else {
    for (const auto& [offset, word] : words) {
      if (word == "returning") begin = offset + word.size();
    }
  }
  std::vector<std::string> out;
  if (begin == std::string_view::npos) return out;
  std::size_t start = begin;
  for (std::size_t comma : scan.commas) {
    if (comma < begin || comma >= end) continue;
    out.push_back(ColumnName(text.substr(start, comma - start)));
    start = comma + 1;
  }
  out.push_back(ColumnName(text.substr(start, end - start)));
  return out;
}

Columns::Columns(std::string_view text)
    : text_(text), names_(ResultColumns(text)), bindings_(names_.size()) {}

void Columns::Add(std::string_view name, Binding binding) {
  std::size_t found = names_.size();
  for (std::size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] != name) continue;
    if (found != names_.size()) Fail("two result columns are named \"" + std::string(name) + "\"");
    found = i;
  }
  if (found == names_.size()) Fail("no result column is named \"" + std::string(name) + "\"");
  if (bindings_[found].exchange) Fail("column \"" + std::string(name) + "\" is bound twice");
  bindings_[found] = binding;
}

void Columns::Into(soci::statement& st) const {
  for (std::size_t i = 0; i < bindings_.size(); ++i) {
    if (!bindings_[i].exchange) {
      Fail("result column " + std::to_string(i + 1) + " (\"" + names_[i] + "\") is not read");
    }
  }
  for (const Binding& b : bindings_) b.exchange(st, b.value, b.indicator);
}

void Columns::Fail(const std::string& what) const {
  throw std::logic_error(what + " in: " + std::string(text_));
}

}  // namespace egov::store
