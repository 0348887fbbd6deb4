// Boost.Describe descriptions of core's plain structs that the API reads or writes member for
// member as they are (core itself includes no library). A description must sit in the
// struct's namespace; this header is the one place for each.
#pragma once

#include <boost/describe/class.hpp>

#include "api/json_map.hpp"
#include "core/catalog/procedure.hpp"
#include "core/dossier/model.hpp"

namespace egov::core::catalog {
BOOST_DESCRIBE_STRUCT(Component, (), (name, original, certified, copy))
}  // namespace egov::core::catalog

namespace egov::core::dossier {
BOOST_DESCRIBE_STRUCT(Applicant, (), (full_name, id_number, phone, email, address))
}  // namespace egov::core::dossier

namespace egov::api {

// Copies of one component (originals, certified copies, copies): 0 to this many each, as the
// catalog allows (core/catalog/procedure.cpp), in a procedure and in a dossier alike.
inline constexpr int kMaxCopies = 20;

template <>
struct BodyRules<core::catalog::Component> {
  static constexpr FieldRule rules[] = {
      {"name", {.max_chars = 500}},
      {"original", {.min = 0, .max = kMaxCopies, .optional = true}},
      {"certified", {.min = 0, .max = kMaxCopies, .optional = true}},
      {"copy", {.min = 0, .max = kMaxCopies, .optional = true}},
  };
};

template <>
struct BodyRules<core::dossier::Applicant> {
  static constexpr FieldRule rules[] = {
      {"full_name", {.max_chars = 100}}, {"id_number", {.max_chars = 20}},
      {"phone", {.max_chars = 20}},      {"email", {.max_chars = 254, .optional = true}},
      {"address", {.max_chars = 300}},
  };
};

}  // namespace egov::api
