// One table per enum between its values and their names in the API and the database
// (CONTRACT.md): Name() and Parse() of every enum of core read the same table, so a value
// and its name cannot drift apart. Names match exactly: "Processing" is not "processing".
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace egov::core {

template <class E>
struct NameOf {
  E value;
  std::string_view name;
};

// The name of `value` in `table`; empty for a value the table lacks (a programming error).
template <class E>
constexpr std::string_view NameIn(std::span<const NameOf<E>> table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return {};
}

template <class E>
constexpr std::optional<E> ParseIn(std::span<const NameOf<E>> table, std::string_view name) {
  for (const auto& entry : table) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

}  // namespace egov::core
