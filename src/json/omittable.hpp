// A member of a described struct that may be absent from its JSON object: left out when
// written empty (json/write.hpp), read as an optional member (json/read.hpp). A
// std::optional member differs on writing: it is always there, null when empty. Also the
// traits of the member types that the reader and the writer tell apart.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace egov::json {

template <class T>
class Omittable {
 public:
  using value_type = T;

  Omittable() = default;
  // Implicit, as std::optional's.
  template <class U, std::enable_if_t<std::is_constructible_v<T, U&&>, int> = 0>
  Omittable(U&& value) : value_(std::forward<U>(value)) {}  // NOLINT(google-explicit-constructor)

  explicit operator bool() const { return value_.has_value(); }
  const T& operator*() const { return *value_; }
  const T* operator->() const { return &*value_; }
  // The value, or `fallback` when empty.
  T value_or(T fallback) const { return value_ ? *value_ : std::move(fallback); }
  void reset() { value_.reset(); }

 private:
  std::optional<T> value_;
};

template <class T>
struct IsOmittable : std::false_type {};
template <class T>
struct IsOmittable<Omittable<T>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

}  // namespace egov::json
