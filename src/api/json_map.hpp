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
// missing or null member keeps the struct's default). Unknown members are refused. Every
// failure is a validation_failed egov::Error whose details name the member (the member's
// own name, also inside nested objects, as the hand-written readers did).
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
// inclusively; arrays count items.
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

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

template <class T>
constexpr Limits RuleFor(std::string_view name) {
  for (const auto& rule : BodyRules<T>::rules) {
    if (rule.name == name) return rule.limits;
  }
  return {};
}

// The leaves, defined in json_map.cpp; each throws a FieldError naming `name`.
std::string ReadString(const boost::json::value& v, const char* name, const Limits& limits);
bool ReadBool(const boost::json::value& v, const char* name);
std::int64_t ReadInteger(const boost::json::value& v, const char* name, const Limits& limits);
const boost::json::array& ReadArray(const boost::json::value& v, const char* name,
                                    const Limits& limits);
const boost::json::object& ReadObject(const boost::json::value& v, const char* name);
void RejectUnknown(const boost::json::object& body, const std::string_view* known,
                   std::size_t count);
[[noreturn]] void ThrowMissing(const char* name);

template <class T>
T ReadValue(const boost::json::value& v, const char* name, const Limits& limits);

template <class T>
T ReadDescribed(const boost::json::object& body) {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  static constexpr auto kNames = [] {
    std::array<std::string_view, boost::mp11::mp_size<Members>::value> names{};
    std::size_t i = 0;
    boost::mp11::mp_for_each<Members>([&](auto d) { names[i++] = d.name; });
    return names;
  }();
  RejectUnknown(body, kNames.data(), kNames.size());
  T out{};
  boost::mp11::mp_for_each<Members>([&](auto d) {
    using D = decltype(d);
    using Member = std::remove_cvref_t<decltype(out.*D::pointer)>;
    constexpr Limits limits = RuleFor<T>(D::name);
    const boost::json::value* v = body.if_contains(d.name);
    if (v == nullptr || v->is_null()) {
      if constexpr (!IsOptional<Member>::value) {
        if (!limits.optional) ThrowMissing(d.name);
      }
      return;
    }
    out.*d.pointer = ReadValue<Member>(*v, d.name, limits);
  });
  return out;
}

template <class T>
T ReadValue(const boost::json::value& v, const char* name, const Limits& limits) {
  if constexpr (IsOptional<T>::value) {
    return ReadValue<typename T::value_type>(v, name, limits);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return ReadString(v, name, limits);
  } else if constexpr (std::is_same_v<T, bool>) {
    return ReadBool(v, name);
  } else if constexpr (std::is_integral_v<T>) {
    static_assert(sizeof(T) >= sizeof(int), "use int or std::int64_t for counts");
    return static_cast<T>(ReadInteger(v, name, limits));
  } else if constexpr (IsVector<T>::value) {
    const auto& array = ReadArray(v, name, limits);
    T out;
    out.reserve(array.size());
    for (const auto& item : array) {
      out.push_back(ReadValue<typename T::value_type>(item, name, limits));
    }
    return out;
  } else {
    static_assert(boost::describe::has_describe_members<T>::value,
                  "a body member must be a string, bool, integer, optional, vector or a "
                  "described struct");
    return ReadDescribed<T>(ReadObject(v, name));
  }
}

}  // namespace json_map_detail

// Reads a whole request body (an object) into T; throws validation_failed naming the member.
template <class T>
T ReadBody(const boost::json::object& body) {
  return json_map_detail::ReadDescribed<T>(body);
}

}  // namespace egov::api
