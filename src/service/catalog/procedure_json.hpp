// The JSON form of a procedure (docs/catalog.md), one described shape for every use: the
// stored definition (the procedure_versions.definition column, data/demo/procedures.json),
// the body of POST /api/v1/procedures and of each item of a catalog import, and the API's
// answers (GET /api/v1/catalog/export is the stored form; GET and POST of one procedure add
// the derived members). The stored text must stay byte for byte what it has been: an import
// finds a procedure unchanged by comparing the texts, so the members keep this order and
// empty texts stay left out.
#pragma once

#include <array>
#include <boost/describe/class.hpp>
#include <boost/json.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/procedure.hpp"
#include "json/omittable.hpp"
#include "json/read.hpp"
#include "store/core_described.hpp"

namespace egov::service::catalog {

// The reader's bounds are loose, only so that no value wraps: far above any limit that
// core::catalog::Validate allows (times in days or hours, characters), which applies the real
// limits with its own messages, all at once.
inline constexpr int kMaxTime = 1'000'000;
inline constexpr std::size_t kMaxText = 100'000;

// {"days":N} | {"hours":H} | {"same_day":true}: exactly one member.
struct TimeLimitJson {
  json::Omittable<int> days;
  json::Omittable<int> hours;
  json::Omittable<bool> same_day;
};
BOOST_DESCRIBE_STRUCT(TimeLimitJson, (), (days, hours, same_day))
constexpr auto JsonRules(json::For<TimeLimitJson>) {
  return std::to_array<json::FieldRule>({
      {"days", {.min = 0, .max = kMaxTime}},
      {"hours", {.min = 0, .max = kMaxTime}},
  });
}

struct FeeJson {
  std::int64_t amount = 0;  // đồng
  json::Omittable<std::string> unit;
  json::Omittable<std::string> note;
  // Derived: written in the API's answers (the amount in words), never stored; any JSON is
  // accepted and ignored when read, so that an answer can be sent back.
  json::Omittable<boost::json::value> amount_in_words;
};
BOOST_DESCRIBE_STRUCT(FeeJson, (), (amount, unit, note, amount_in_words))
constexpr auto JsonRules(json::For<FeeJson>) {
  return std::to_array<json::FieldRule>({
      {"amount",
       {.min = std::numeric_limits<std::int64_t>::min(),
        .max = std::numeric_limits<std::int64_t>::max()}},
      {"unit", {.max_chars = kMaxText}},
      {"note", {.max_chars = kMaxText}},
  });
}

// A step's agency is either absolute (`agency_code`) or relative to the receiving agency
// (`agency`: receiving | district | province, left out: receiving; `unit`: the abbreviation of
// a department directly under it). Left out altogether: the receiving agency itself.
struct StepJson {
  std::string name;
  std::string role;  // core::access::RoleName
  int hours = 0;
  json::Omittable<std::string> agency_code;
  json::Omittable<std::string> agency;  // core::catalog::RelativeAgencyName
  json::Omittable<std::string> unit;
};
BOOST_DESCRIBE_STRUCT(StepJson, (), (name, role, hours, agency_code, agency, unit))
constexpr auto JsonRules(json::For<StepJson>) {
  return std::to_array<json::FieldRule>({
      {"name", {.max_chars = kMaxText}},
      {"role", {.max_chars = 30}},
      {"hours", {.min = 0, .max = kMaxTime}},
      {"agency_code", {.max_chars = 35}},
      {"agency", {.max_chars = 30}},
      {"unit", {.max_chars = kMaxText}},
  });
}

struct ProcedureJson {
  std::string code;
  std::string name;
  std::string field;
  TimeLimitJson time_limit;
  FeeJson fee;
  std::vector<core::catalog::Component> components;
  std::vector<StepJson> steps;
  std::string effective_from;  // optional when read (a POST: today), always written
  json::Omittable<std::string> level;
  json::Omittable<std::string> online_level;
  json::Omittable<std::string> legal_basis;
  json::Omittable<std::string> source;
  // Derived members of the API's answers, never stored; accepted and ignored when read, so
  // that an answer can be sent back. GET of one procedure sets all three (versions: the list
  // of its versions, written by the api layer), POST the first two.
  json::Omittable<boost::json::value> version;
  json::Omittable<boost::json::value> time_limit_hours;
  json::Omittable<boost::json::value> versions;
};
BOOST_DESCRIBE_STRUCT(ProcedureJson, (),
                      (code, name, field, time_limit, fee, components, steps, effective_from, level,
                       online_level, legal_basis, source, version, time_limit_hours, versions))
constexpr auto JsonRules(json::For<ProcedureJson>) {
  return std::to_array<json::FieldRule>({
      {"code", {.max_chars = kMaxText}},
      {"name", {.max_chars = kMaxText}},
      {"field", {.max_chars = kMaxText}},
      {"components", {.max_items = 100}},
      {"steps", {.max_items = 100}},
      {"effective_from", {.max_chars = kMaxText, .optional = true}},
      {"level", {.max_chars = kMaxText}},
      {"online_level", {.max_chars = kMaxText}},
      {"legal_basis", {.max_chars = kMaxText}},
      {"source", {.max_chars = kMaxText}},
  });
}

// {"procedures":[…]}: GET /api/v1/catalog/export's answer, POST /api/v1/catalog/import's body.
struct CatalogJson {
  std::vector<ProcedureJson> procedures;
};
BOOST_DESCRIBE_STRUCT(CatalogJson, (), (procedures))
constexpr auto JsonRules(json::For<CatalogJson>) {
  return std::to_array<json::FieldRule>({{"procedures", {.max_items = 100'000}}});
}

// An agency's own process of a procedure (PUT /api/v1/agencies/{code}/processes/{procedure}'s
// body, and the agency_processes.steps column): steps in the procedure's step form.
struct ProcessJson {
  std::vector<StepJson> steps;
};
BOOST_DESCRIBE_STRUCT(ProcessJson, (), (steps))
constexpr auto JsonRules(json::For<ProcessJson>) {
  return std::to_array<json::FieldRule>({{"steps", {.max_items = 100}}});
}

// The steps that JSON step forms describe; validation_failed naming "steps[i].role" for an
// unknown role, "steps[i].agency" for an unknown relative agency (each prefixed by `path`).
std::vector<core::catalog::Step> StepsOf(std::vector<StepJson> steps, const std::string& path = {});
std::vector<StepJson> StepsJsonOf(const std::vector<core::catalog::Step>& steps);
// An agency's stored process (the agency_processes.steps column); json::CorruptData when it
// does not read as one.
std::vector<core::catalog::Step> ProcessStepsFromJson(std::string_view text);
std::string ProcessStepsToJson(const std::vector<core::catalog::Step>& steps);

// The procedure that a JSON form describes; validation_failed naming "time_limit" when it is
// not exactly one of its forms, "steps[i].role" for an unknown role. `path` prefixes the
// names ("procedures[3]." for an imported one); "steps[i].agency" for an unknown relative agency.
// The rules of docs/catalog.md are Validate's.
core::catalog::Procedure ProcedureOf(ProcedureJson form, const std::string& path = {});
// The stored form of `p`: no derived members, empty texts left out.
ProcedureJson JsonOf(const core::catalog::Procedure& p);
// Parts of it, for other shapes made of them (the API's list of procedures).
TimeLimitJson TimeLimitJsonOf(const core::catalog::TimeLimit& limit);
FeeJson FeeJsonOf(const core::catalog::Fee& fee);                // without amount_in_words
json::Omittable<std::string> NonEmpty(const std::string& text);  // left out when empty

// A stored definition (the column's text); json::CorruptData when it does not read as one.
core::catalog::Procedure ProcedureFromJson(std::string_view definition);
// The stored definition's text.
std::string ProcedureToJson(const core::catalog::Procedure& p);

}  // namespace egov::service::catalog
