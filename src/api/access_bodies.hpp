// Limits of the access capability's request bodies (agencies, users), for api::ReadBody.
// The bodies are the service's input structs (service/access/directory.hpp), and here the
// one that has none.
#pragma once

#include <boost/describe/class.hpp>

#include "api/json_map.hpp"
#include "service/access/directory.hpp"

namespace egov::api {

// POST /api/v1/users/{username}/password
struct PasswordReset {
  std::string password;
};
BOOST_DESCRIBE_STRUCT(PasswordReset, (), (password))

template <>
struct BodyRules<PasswordReset> {
  static constexpr FieldRule rules[] = {{"password", {.max_chars = 1024}}};
};

template <>
struct BodyRules<service::access::NewAgency> {
  static constexpr FieldRule rules[] = {
      {"code", {.max_chars = 35}},
      {"name", {.max_chars = 255}},
      {"parent_code", {.max_chars = 35}},
      {"kind", {.max_chars = 30, .optional = true}},
      {"abbreviation", {.max_chars = 30, .optional = true}},
      {"working_hours", {.max_chars = 200, .optional = true}},
  };
};

template <>
struct BodyRules<service::access::AgencyPatch> {
  static constexpr FieldRule rules[] = {
      {"name", {.max_chars = 255}},
      {"kind", {.max_chars = 30}},
      {"abbreviation", {.max_chars = 30}},
      {"working_hours", {.max_chars = 200}},
  };
};

template <>
struct BodyRules<service::access::NewUser> {
  static constexpr FieldRule rules[] = {
      {"username", {.max_chars = 64}},
      {"full_name", {.max_chars = 255}},
      {"password", {.max_chars = 1024}},
      {"agency_code", {.max_chars = 35}},
      {"roles", {.max_chars = 30, .max_items = 6, .optional = true}},
  };
};

template <>
struct BodyRules<service::access::UserPatch> {
  static constexpr FieldRule rules[] = {
      {"full_name", {.max_chars = 255}},
      {"roles", {.max_chars = 30, .max_items = 6}},
      {"agency_code", {.max_chars = 35}},
  };
};

}  // namespace egov::api
