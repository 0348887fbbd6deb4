// Boost.Describe descriptions of core's plain structs that are read and written as JSON member
// for member as they are: stored in JSON columns (a dossier's applicant and components, a
// procedure definition's components) and sent over the API (core itself includes no library).
// A description must sit in the struct's namespace, with its limits for json::Read; this
// header is the one place for each, so that the store, the service and the api read a struct
// under the same limits.
#pragma once

#include <array>
#include <boost/describe/class.hpp>

#include "core/catalog/procedure.hpp"
#include "core/dossier/model.hpp"
#include "json/read.hpp"

namespace egov::core::catalog {

BOOST_DESCRIBE_STRUCT(Component, (), (name, original, certified, copy))

// In a procedure and in a dossier alike; 500 characters: a name core::catalog::Validate allows.
constexpr auto JsonRules(json::For<Component>) {
  return std::to_array<json::FieldRule>({
      {"name", {.max_chars = 500}},
      {"original", {.min = 0, .max = kMaxCopies, .optional = true}},
      {"certified", {.min = 0, .max = kMaxCopies, .optional = true}},
      {"copy", {.min = 0, .max = kMaxCopies, .optional = true}},
  });
}

}  // namespace egov::core::catalog

namespace egov::core::dossier {

BOOST_DESCRIBE_STRUCT(Applicant, (), (full_name, id_number, phone, email, address))

// The intake's bounds (service/dossier/dossiers.cpp checks the values, within them).
constexpr auto JsonRules(json::For<Applicant>) {
  return std::to_array<json::FieldRule>({
      {"full_name", {.max_chars = 100}},
      {"id_number", {.max_chars = 20}},
      {"phone", {.max_chars = 20}},
      {"email", {.max_chars = 254, .optional = true}},
      {"address", {.max_chars = 300}},
  });
}

}  // namespace egov::core::dossier
