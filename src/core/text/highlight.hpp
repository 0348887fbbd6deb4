// Search snippets (CONTRACT.md, Documents search): a piece of a text with each match of the
// folded search terms wrapped in <mark>…</mark>, matching as the search does (folded: case,
// diacritics and đ ignored; fold.hpp). Plain text otherwise (nothing is escaped). Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace egov::core::text {

// `text` (UTF-8) with every occurrence of each term (already folded, non-empty) marked, cut
// to a window of at most `max_chars` code points around the first match ("…" where cut);
// nullopt when no term occurs in it.
std::optional<std::string> Highlight(std::string_view text, std::span<const std::string> terms,
                                     std::size_t max_chars);

}  // namespace egov::core::text
