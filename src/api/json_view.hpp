// Responses built from view structs described with Boost.Describe, by one generic writer:
// boost::json::value_from(view) gives an object with the view's members in declaration order
// (members of described bases first), named as declared:
//
//   struct SessionView { std::int64_t id; Instant created_at; std::string client_address; };
//   BOOST_DESCRIBE_STRUCT(SessionView, (), (id, created_at, client_address))
//   return JsonView(SessionView{…});
//
// Leaves are what Boost.JSON converts (strings, string_views, numbers, bools, vectors,
// boost::json::value, other described structs) plus:
// - Instant: UTC epoch milliseconds written as ISO 8601 Vietnam time
//   ("2026-02-25T10:00:00+07:00", FormatInstant);
// - std::optional<T>: null when empty (the member is always there);
// - Omittable<T>: the member is left out when empty.
// Typed enums are put in a view by their CONTRACT.md names (core's Name(), RoleName()), as
// std::string_view. Views are wire shapes and live in the api layer, declared in namespace
// egov::api itself (not a nested or unnamed one: the writer is found by argument-dependent
// lookup, so a name must be unique in the layer).
#pragma once

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "http/response.hpp"

namespace egov::api {

// An instant, UTC epoch milliseconds; written as ISO 8601 in Vietnam time.
struct Instant {
  std::int64_t utc_millis = 0;
};
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const Instant& at);

// nullopt stays nullopt (null in the answer).
std::optional<Instant> InstantOf(const std::optional<std::int64_t>& utc_millis);

// A member left out of its object when empty (a std::optional member is written as null).
template <class T>
class Omittable {
 public:
  Omittable() = default;
  // Implicit, as std::optional's.
  template <class U, std::enable_if_t<std::is_constructible_v<T, U&&>, int> = 0>
  Omittable(U&& value) : value_(std::forward<U>(value)) {}  // NOLINT(google-explicit-constructor)

  explicit operator bool() const { return value_.has_value(); }
  const T& operator*() const { return *value_; }
  void reset() { value_.reset(); }

 private:
  std::optional<T> value_;
};

namespace json_view_detail {
template <class T>
struct IsOmittable : std::false_type {};
template <class T>
struct IsOmittable<Omittable<T>> : std::true_type {};
}  // namespace json_view_detail

// The writer of every described view of this namespace (found by argument-dependent lookup
// from boost::json::value_from, before Boost.JSON's own conversion of described structs,
// which knows no Omittable).
template <class View, std::enable_if_t<boost::describe::has_describe_members<View>::value, int> = 0>
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const View& view) {
  using Members = boost::describe::describe_members<View, boost::describe::mod_public |
                                                              boost::describe::mod_inherited>;
  boost::json::object& object = out.emplace_object();
  object.reserve(boost::mp11::mp_size<Members>::value);
  boost::mp11::mp_for_each<Members>([&](auto d) {
    const auto& member = view.*d.pointer;
    if constexpr (json_view_detail::IsOmittable<std::remove_cvref_t<decltype(member)>>::value) {
      if (member) object.emplace(d.name, boost::json::value_from(*member, object.storage()));
    } else {
      object.emplace(d.name, boost::json::value_from(member, object.storage()));
    }
  });
}

// The list shape of CONTRACT.md: {"items":[…],"total":N,"page":P,"per_page":K}.
template <class Item>
struct List {
  std::vector<Item> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 50;
  BOOST_DESCRIBE_CLASS(List, (), (items, total, page, per_page), (), ())
};

// The JSON answer of a view.
template <class View>
http::Response JsonView(const View& view,
                        boost::beast::http::status status = boost::beast::http::status::ok) {
  return http::JsonResponse(boost::json::value_from(view), status);
}

}  // namespace egov::api
