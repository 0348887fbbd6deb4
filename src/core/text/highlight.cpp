// Search snippets (see highlight.hpp).
#include "core/text/highlight.hpp"

#include <algorithm>
#include <vector>

#include "core/text/fold.hpp"

namespace egov::core::text {

namespace {

std::size_t CodePointLength(unsigned char lead) {
  return lead < 0x80             ? 1
         : (lead & 0xE0) == 0xC0 ? 2
         : (lead & 0xF0) == 0xE0 ? 3
         : (lead & 0xF8) == 0xF0 ? 4
                                 : 1;
}

}  // namespace

std::optional<std::string> Highlight(std::string_view text, std::span<const std::string> terms,
                                     std::size_t max_chars) {
  // The code points of `text` (byte offsets), the folded text, and for each folded byte the
  // code point it came from.
  std::vector<std::size_t> starts;
  std::string folded;
  std::vector<std::size_t> origin;
  std::vector<bool> vanishes;  // folds to nothing (a combining mark)
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len =
        std::min(CodePointLength(static_cast<unsigned char>(text[i])), text.size() - i);
    const std::string piece = Fold(text.substr(i, len));
    vanishes.push_back(piece.empty());
    for (char c : piece) {
      folded.push_back(c);
      origin.push_back(starts.size());
    }
    starts.push_back(i);
    i += len;
  }
  const std::size_t count = starts.size();
  // Marked code points.
  std::vector<bool> marked(count, false);
  bool any = false;
  for (const auto& term : terms) {
    if (term.empty()) continue;
    for (std::size_t at = folded.find(term); at != std::string::npos;
         at = folded.find(term, at + term.size())) {
      std::size_t first = origin[at], last = origin[at + term.size() - 1];
      while (last + 1 < count && vanishes[last + 1]) ++last;
      for (std::size_t k = first; k <= last; ++k) marked[k] = true;
      any = true;
    }
  }
  if (!any) return std::nullopt;
  std::size_t begin = 0, end = count;
  if (count > max_chars) {
    const std::size_t first =
        static_cast<std::size_t>(std::find(marked.begin(), marked.end(), true) - marked.begin());
    begin = first > max_chars / 4 ? first - max_chars / 4 : 0;
    end = std::min(count, begin + max_chars);
    if (end - begin < max_chars) begin = end > max_chars ? end - max_chars : 0;
  }
  auto bytes_of = [&](std::size_t k) {
    return text.substr(starts[k], (k + 1 < count ? starts[k + 1] : text.size()) - starts[k]);
  };
  std::string out;
  if (begin > 0) out += "…";
  for (std::size_t k = begin; k < end; ++k) {
    if (marked[k] && (k == begin || !marked[k - 1])) out += "<mark>";
    out += bytes_of(k);
    if (marked[k] && (k + 1 == end || !marked[k + 1])) out += "</mark>";
  }
  if (end < count) out += "…";
  return out;
}

}  // namespace egov::core::text
