// Request bodies mapped onto plain structs described with Boost.Describe, one generic reader
// instead of field-by-field code in every handler:
//
//   struct NewUser { std::string username; std::vector<std::string> roles; … };
//   BOOST_DESCRIBE_STRUCT(NewUser, (), (username, roles, …))   // beside the struct
//   template <> struct BodyRules<NewUser> {                        // in the api layer
//     static constexpr FieldRule rules[] = {{"username", {.max_chars = 64}}, …};
//   };
//   auto input = ReadBody<NewUser>(request.json());
//
// Members are required unless they are std::optional or their rule says `optional` (then a
// missing or null member keeps the struct's default). Unknown members are refused. Members
// of described bases come first. A member of type boost::json::value takes any JSON as it is
// (members that are accepted and ignored, such as derived members sent back).
//
// Every failure is a validation_failed egov::Error whose details name the member by its full
// path from the body, the convention of the whole API (also of JsonBody's character check):
// members joined with ".", array items as "[i]" — "applicant.full_name",
// "components[0].original", "steps[1].role", "days[3]" (an item that is not an object),
// "roles" (the list itself: too many items, not a list).
#pragma once

#include <array>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace egov::api {

// Limits of one member. Strings count characters (code points); integers are bounded
// inclusively; arrays count items (the other limits apply to each item).
struct Limits {
  std::size_t max_chars = 1000;
  std::size_t max_items = 50;
  std::int64_t min = 0;
  std::int64_t max = 1'000'000;
  bool optional = false;  // may be absent although not std::optional: keeps its default
};

struct FieldRule {
  std::string_view name;
  Limits limits;
};

// Specialise for a body type to give its members limits other than the defaults.
template <class T>
struct BodyRules {
  static constexpr FieldRule rules[] = {{"", {}}};
};

namespace json_map_detail {

// Where a value sits in the body, built on the stack as the reader descends and spelt out
// only for an error: the root (no parent), a member of an object or an item of an array.
struct Path {
  const Path* parent = nullptr;
  std::string_view member;  // when !item
  std::size_t index = 0;    // when item
  bool item = false;

  std::string ToString() const;
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

template <class T>
using Members = boost::describe::describe_members<T, boost::describe::mod_public |
                                                         boost::describe::mod_inherited>;

// The class that declares a member (a base's members keep the base's rules).
template <class C, class M>
C DeclaringClass(M C::*);

template <class T>
constexpr Limits RuleFor(std::string_view name) {
  for (const auto& rule : BodyRules<T>::rules) {
    if (rule.name == name) return rule.limits;
  }
  return {};
}

// The leaves, defined in json_map.cpp; each throws a FieldError naming `path`.
std::string ReadString(const boost::json::value& v, const Path& path, const Limits& limits);
bool ReadBool(const boost::json::value& v, const Path& path);
std::int64_t ReadInteger(const boost::json::value& v, const Path& path, const Limits& limits);
const boost::json::array& ReadArray(const boost::json::value& v, const Path& path,
                                    const Limits& limits);
const boost::json::object& ReadObject(const boost::json::value& v, const Path& path);
void RejectUnknown(const boost::json::object& body, const Path& path, const std::string_view* known,
                   std::size_t count);
[[noreturn]] void ThrowMissing(const Path& path);

template <class T>
T ReadValue(const boost::json::value& v, const Path& path, const Limits& limits);

template <class T>
T ReadDescribed(const boost::json::object& body, const Path& path) {
  static constexpr auto kNames = [] {
    std::array<std::string_view, boost::mp11::mp_size<Members<T>>::value> names{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<Members<T>>([&](auto d) { names[i++] = d.name; });
    return names;
  }();
  RejectUnknown(body, path, kNames.data(), kNames.size());
  T out{};
  boost::mp11::mp_for_each<Members<T>>([&](auto d) {
    using D = decltype(d);
    using Member = std::remove_cvref_t<decltype(out.*D::pointer)>;
    constexpr Limits limits = RuleFor<decltype(DeclaringClass(D::pointer))>(D::name);
    const Path here{&path, d.name};
    const boost::json::value* v = body.if_contains(d.name);
    if (v == nullptr || v->is_null()) {
      if constexpr (!IsOptional<Member>::value) {
        if (!limits.optional) ThrowMissing(here);
      }
      return;
    }
    out.*d.pointer = ReadValue<Member>(*v, here, limits);
  });
  return out;
}

template <class T>
T ReadValue(const boost::json::value& v, const Path& path, const Limits& limits) {
  if constexpr (IsOptional<T>::value) {
    return ReadValue<typename T::value_type>(v, path, limits);
  } else if constexpr (std::is_same_v<T, boost::json::value>) {
    return v;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return ReadString(v, path, limits);
  } else if constexpr (std::is_same_v<T, bool>) {
    return ReadBool(v, path);
  } else if constexpr (std::is_integral_v<T>) {
    static_assert(sizeof(T) >= sizeof(int), "use int or std::int64_t for counts");
    return static_cast<T>(ReadInteger(v, path, limits));
  } else if constexpr (IsVector<T>::value) {
    const auto& array = ReadArray(v, path, limits);
    T out;
    out.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
      out.push_back(ReadValue<typename T::value_type>(array[i], Path{&path, {}, i, true}, limits));
    }
    return out;
  } else {
    static_assert(boost::describe::has_describe_members<T>::value,
                  "a body member must be a string, bool, integer, optional, vector, "
                  "boost::json::value or a described struct");
    return ReadDescribed<T>(ReadObject(v, path), path);
  }
}

}  // namespace json_map_detail

// Reads a whole request body (an object) into T; throws validation_failed naming the member.
template <class T>
T ReadBody(const boost::json::object& body) {
  return json_map_detail::ReadDescribed<T>(body, json_map_detail::Path{});
}

// Reads one member of a body that is read as a whole later (e.g. the "action" that decides
// which body type the rest is): required unless T is std::optional.
template <class T>
T ReadMember(const boost::json::object& body, std::string_view name, const Limits& limits) {
  const json_map_detail::Path root{};
  const json_map_detail::Path here{&root, name};
  const boost::json::value* v = body.if_contains(name);
  if (v == nullptr || v->is_null()) {
    if constexpr (json_map_detail::IsOptional<T>::value) {
      return std::nullopt;
    } else {
      json_map_detail::ThrowMissing(here);
    }
  }
  return json_map_detail::ReadValue<T>(*v, here, limits);
}

}  // namespace egov::api
