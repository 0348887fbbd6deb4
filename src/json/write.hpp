// Described structs written as JSON by one generic writer, the reader's counterpart
// (json/read.hpp): API answers, stored columns, audit details.
//
//   struct SessionView { std::int64_t id; std::string client_address; Omittable<int> n; };
//   BOOST_DESCRIBE_STRUCT(SessionView, (), (id, client_address, n))
//   std::string text = json::WriteText(SessionView{…});  // {"id":…,"client_address":"…"}
//
// A described struct becomes an object with its members in declaration order (members of
// described bases first), named as declared; a std::vector an array; std::optional<T> null
// when empty (the member is always there); an Omittable<T> member is left out when empty.
// Anything else is converted by boost::json::value_from: strings, string_views, numbers,
// bools, boost::json::value, tuples (arrays), and types with their own tag_invoke, found by
// argument-dependent lookup (the api layer's Instant). A described struct is always written
// member by member, whatever tag_invoke it has.
#pragma once

#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "json/omittable.hpp"

namespace egov::json {

namespace detail {

// Writes `v` into `out`, in out's memory.
template <class T>
void WriteValue(const T& v, boost::json::value& out) {
  static_assert(!IsOmittable<T>::value, "Omittable is for members of a described struct");
  if constexpr (IsOptional<T>::value) {
    if (v) {
      WriteValue(*v, out);
    } else {
      out.emplace_null();
    }
  } else if constexpr (IsVector<T>::value) {
    boost::json::array& array = out.emplace_array();
    array.reserve(v.size());
    for (const auto& item : v) WriteValue(item, array.emplace_back(nullptr));
  } else if constexpr (boost::describe::has_describe_members<T>::value) {
    using Members = boost::describe::describe_members<T, boost::describe::mod_public |
                                                             boost::describe::mod_inherited>;
    boost::json::object& object = out.emplace_object();
    object.reserve(boost::mp11::mp_size<Members>::value);
    boost::mp11::mp_for_each<Members>([&](auto d) {
      const auto& member = v.*d.pointer;
      if constexpr (IsOmittable<std::remove_cvref_t<decltype(member)>>::value) {
        if (member) WriteValue(*member, object[d.name]);
      } else {
        WriteValue(member, object[d.name]);
      }
    });
  } else {
    out = boost::json::value_from(v, out.storage());
  }
}

}  // namespace detail

// The JSON of `v` (see the top of this file), in `memory` (the default one unless given).
template <class T>
boost::json::value Write(const T& v, boost::json::storage_ptr memory = {}) {
  boost::json::value out(std::move(memory));
  detail::WriteValue(v, out);
  return out;
}

// The JSON text of `v`, compact: the form of stored columns and audit details.
template <class T>
std::string WriteText(const T& v) {
  return boost::json::serialize(Write(v));
}

}  // namespace egov::json
