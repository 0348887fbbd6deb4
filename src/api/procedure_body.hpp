// The request body of POST /api/v1/procedures and of each item of POST /api/v1/catalog/import
// (docs/catalog.md), for api::ReadBody. The reader's bounds are loose, only so that no value
// wraps; core::catalog::Validate applies the real limits with its own messages, all at once.
#pragma once

#include <boost/describe/class.hpp>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "api/core_described.hpp"
#include "api/json_map.hpp"
#include "core/catalog/procedure.hpp"

namespace egov::api {

namespace procedure_body {

// {"days":N} | {"hours":H} | {"same_day":true}: exactly one member.
struct TimeLimit {
  std::optional<int> days;
  std::optional<int> hours;
  std::optional<bool> same_day;
};
BOOST_DESCRIBE_STRUCT(TimeLimit, (), (days, hours, same_day))

struct Fee {
  std::int64_t amount = 0;  // đồng
  std::string unit;
  std::string note;
  std::optional<boost::json::value> amount_in_words;  // derived: sent back, ignored
};
BOOST_DESCRIBE_STRUCT(Fee, (), (amount, unit, note, amount_in_words))

struct Step {
  std::string name;
  std::string role;
  std::string agency_code;
  int hours = 0;
};
BOOST_DESCRIBE_STRUCT(Step, (), (name, role, agency_code, hours))

struct Procedure {
  std::string code;
  std::string name;
  std::string field;
  std::string level;
  std::string online_level;
  std::string legal_basis;
  TimeLimit time_limit;
  Fee fee;
  std::vector<core::catalog::Component> components;
  std::vector<Step> steps;
  std::string effective_from;
  std::string source;
  // Derived members of GET's answer, accepted so that it can be sent back; ignored.
  std::optional<boost::json::value> version;
  std::optional<boost::json::value> time_limit_hours;
  std::optional<boost::json::value> versions;
};
BOOST_DESCRIBE_STRUCT(Procedure, (),
                      (code, name, field, level, online_level, legal_basis, time_limit, fee,
                       components, steps, effective_from, source, version, time_limit_hours,
                       versions))

// POST /api/v1/catalog/import: {"procedures":[…]} as GET /api/v1/catalog/export gives it.
struct Import {
  std::vector<Procedure> procedures;
};
BOOST_DESCRIBE_STRUCT(Import, (), (procedures))

// Far above any limit Validate allows: times, characters.
inline constexpr int kMaxTime = 1'000'000;
inline constexpr std::size_t kMaxText = 100'000;

}  // namespace procedure_body

template <>
struct BodyRules<procedure_body::TimeLimit> {
  static constexpr FieldRule rules[] = {
      {"days", {.min = 0, .max = procedure_body::kMaxTime}},
      {"hours", {.min = 0, .max = procedure_body::kMaxTime}},
  };
};
template <>
struct BodyRules<procedure_body::Fee> {
  static constexpr FieldRule rules[] = {
      {"amount",
       {.min = std::numeric_limits<std::int64_t>::min(),
        .max = std::numeric_limits<std::int64_t>::max()}},
      {"unit", {.max_chars = procedure_body::kMaxText, .optional = true}},
      {"note", {.max_chars = procedure_body::kMaxText, .optional = true}},
  };
};
template <>
struct BodyRules<procedure_body::Step> {
  static constexpr FieldRule rules[] = {
      {"name", {.max_chars = procedure_body::kMaxText}},
      {"role", {.max_chars = 30}},
      {"agency_code", {.max_chars = 35, .optional = true}},
      {"hours", {.min = 0, .max = procedure_body::kMaxTime}},
  };
};
template <>
struct BodyRules<procedure_body::Procedure> {
  static constexpr FieldRule rules[] = {
      {"code", {.max_chars = procedure_body::kMaxText}},
      {"name", {.max_chars = procedure_body::kMaxText}},
      {"field", {.max_chars = procedure_body::kMaxText}},
      {"level", {.max_chars = procedure_body::kMaxText, .optional = true}},
      {"online_level", {.max_chars = procedure_body::kMaxText, .optional = true}},
      {"legal_basis", {.max_chars = procedure_body::kMaxText, .optional = true}},
      {"components", {.max_items = 100}},
      {"steps", {.max_items = 100}},
      {"effective_from", {.max_chars = procedure_body::kMaxText, .optional = true}},
      {"source", {.max_chars = procedure_body::kMaxText, .optional = true}},
  };
};
template <>
struct BodyRules<procedure_body::Import> {
  static constexpr FieldRule rules[] = {{"procedures", {.max_items = 100'000}}};
};

// The procedure a body describes; validation_failed naming "time_limit" when it is not
// exactly one of its forms, "steps[i].role" for an unknown role. `path` prefixes the names
// ("procedures[3]." for an imported one).
core::catalog::Procedure ProcedureOf(procedure_body::Procedure body, const std::string& path = {});

}  // namespace egov::api
