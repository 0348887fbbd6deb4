// JSON documents read onto plain structs described with Boost.Describe, by one generic reader
// instead of field-by-field code: request bodies (the api layer) and stored JSON (database
// columns, the shipped files of data/; the store and service layers).
//
//   struct NewUser { std::string username; std::vector<std::string> roles; … };
//   BOOST_DESCRIBE_STRUCT(NewUser, (), (username, roles, …))
//   constexpr auto JsonRules(json::For<NewUser>) {            // beside the description
//     return std::to_array<json::FieldRule>({{"username", {.max_chars = 64}}, …});
//   }
//   auto input = json::Read<NewUser>(body);
//
// Members are required unless they are std::optional or json::Omittable or their rule says
// `optional` (then a missing or null member keeps the struct's default). Unknown members are
// refused. Members of described bases come first and keep the base's rules. A member of type
// boost::json::value takes any JSON as it is (members that are accepted and ignored, such as
// derived members sent back). A type's rules are found by argument-dependent lookup of
// JsonRules(json::For<T>), so they sit in the type's own namespace, with its description and
// in the same header, so that every reader of the type sees them; every rule must name a
// member of the type.
//
// Every failure of Read is a validation_failed egov::Error whose details name the member by
// its full path from the document, the convention of the whole API: members joined with ".",
// array items as "[i]" — "applicant.full_name", "components[0].original", "steps[1].role",
// "days[3]" (an item that is not an object), "roles" (the list itself: too many items, not a
// list). ReadStored turns the same failures of stored data into CorruptData.
#pragma once

#include <array>
#include <boost/describe/members.hpp>
#include <boost/json.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/error.hpp"
#include "json/omittable.hpp"

namespace egov::json {

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

// The argument of a type's JsonRules (see the top of this file).
template <class T>
struct For {};

// Stored JSON that does not read as its type: a defect of the data, not of a request. An
// unexpected failure (a 500 whose what() is logged), never shown to a client.
class CorruptData : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {

// Where a value sits in the document, built on the stack as the reader descends and spelt
// out only for an error: the root (no parent), a member of an object or an item of an array.
struct Path {
  const Path* parent = nullptr;
  std::string_view member;  // when !item
  std::size_t index = 0;    // when item
  bool item = false;

  std::string ToString() const;
};

template <class T>
using Members = boost::describe::describe_members<T, boost::describe::mod_public |
                                                         boost::describe::mod_inherited>;
template <class T>
using OwnMembers = boost::describe::describe_members<T, boost::describe::mod_public>;

// The class that declares a member (a base's members keep the base's rules).
template <class C, class M>
C DeclaringClass(M C::*);

template <class T>
constexpr bool kHasRules = requires {
  JsonRules(For<T>{});
};

template <class T>
constexpr Limits RuleFor(std::string_view name) {
  if constexpr (kHasRules<T>) {
    for (const auto& rule : JsonRules(For<T>{})) {
      if (rule.name == name) return rule.limits;
    }
  }
  return {};
}

// Whether every rule of T names one of T's own members (a misspelt rule would be ignored).
template <class T>
constexpr bool RulesNameMembers() {
  if constexpr (kHasRules<T>) {
    for (const auto& rule : JsonRules(For<T>{})) {
      bool found = false;
      boost::mp11::mp_for_each<OwnMembers<T>>(
          [&](auto d) { found = found || rule.name == d.name; });
      if (!found) return false;
    }
  }
  return true;
}

// The leaves, defined in read.cpp; each throws a FieldError naming `path`.
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
  static_assert(RulesNameMembers<T>(), "a rule of JsonRules names no member of its type");
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
      if constexpr (!IsOptional<Member>::value && !IsOmittable<Member>::value) {
        if (!limits.optional) ThrowMissing(here);
      }
      return;
    }
    if constexpr (IsOmittable<Member>::value) {
      out.*d.pointer = ReadValue<typename Member::value_type>(*v, here, limits);
    } else {
      out.*d.pointer = ReadValue<Member>(*v, here, limits);
    }
  });
  return out;
}

template <class T>
T ReadValue(const boost::json::value& v, const Path& path, const Limits& limits) {
  if constexpr (IsOptional<T>::value) {
    return ReadValue<typename T::value_type>(v, path, limits);
  } else if constexpr (std::is_same_v<T, boost::json::value>) {
    return boost::json::value(v, boost::json::storage_ptr());  // not in the document's memory
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
                  "a member must be a string, bool, integer, optional, Omittable, vector, "
                  "boost::json::value or a described struct");
    return ReadDescribed<T>(ReadObject(v, path), path);
  }
}

// Stored JSON parsed into `memory`; CorruptData naming `what` when it is not JSON.
boost::json::value ParseStored(std::string_view text, std::string_view what,
                               boost::json::storage_ptr memory);
// Inside a catch block of an egov::Error: CorruptData naming `what` and the member for a
// validation failure, else the error rethrown.
[[noreturn]] void RethrowAsCorrupt(std::string_view what);

}  // namespace detail

// Reads a whole document (an object) into the described struct T; throws validation_failed
// naming the member.
template <class T>
T Read(const boost::json::object& body) {
  return detail::ReadDescribed<T>(body, detail::Path{});
}

// Reads one member of a document that is read as a whole later (e.g. the "action" that
// decides which body type the rest is): required unless T is std::optional.
template <class T>
T ReadMember(const boost::json::object& body, std::string_view name, const Limits& limits) {
  const detail::Path root{};
  const detail::Path here{&root, name};
  const boost::json::value* v = body.if_contains(name);
  if (v == nullptr || v->is_null()) {
    if constexpr (IsOptional<T>::value) {
      return std::nullopt;
    } else {
      detail::ThrowMissing(here);
    }
  }
  return detail::ReadValue<T>(*v, here, limits);
}

// Runs `read` over stored data (a database column, a shipped file) that the program wrote or
// checked itself: a validation_failed it throws means that the data is corrupt, not that a
// client erred, and becomes CorruptData whose message names `what` ("dossiers.applicant"),
// the member and the problem. Other errors pass unchanged.
template <class F>
decltype(auto) ReadingStored(std::string_view what, F&& read) {
  try {
    return read();
  } catch (const Error&) {
    detail::RethrowAsCorrupt(what);
  }
}

// Stored JSON text read as T (a described struct, or a vector of them under `limits`): the
// reader above, with every failure (not JSON, a missing or mistyped member) CorruptData. A
// small document is parsed in a stack buffer.
template <class T>
T ReadStored(std::string_view text, std::string_view what, const Limits& limits = {}) {
  unsigned char buffer[2048];
  boost::json::monotonic_resource memory(buffer, sizeof buffer);
  const boost::json::value v = detail::ParseStored(text, what, &memory);
  return ReadingStored(what, [&] { return detail::ReadValue<T>(v, detail::Path{}, limits); });
}

}  // namespace egov::json
