// An administrative procedure (thủ tục hành chính, DOMAIN.md §2) as a versioned definition:
// what the applicant files, the time limit, the fee, and the process steps with their
// share of the limit in working hours. Validate() states every rule of docs/catalog.md.
// Pure values.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/access/roles.hpp"

namespace egov::core::catalog {

constexpr int kHoursPerDay = 8;  // one working day = 8 working hours (DOMAIN.md §2)

struct TimeLimit {
  enum class Kind { kDays, kHours, kSameDay };
  Kind kind = Kind::kDays;
  int amount = 0;  // days or hours; unused for same-day
  // The limit in working hours: days × 8, hours, or 8 for same-day.
  int TotalHours() const;
};

struct Fee {
  std::int64_t amount = 0;  // đồng
  std::string unit;         // "lần", "bản", "trường hợp" …
  std::string note;
};

// Copies of one component (originals, certified copies, copies): 0 to this many each, in a
// procedure and in a dossier alike.
constexpr int kMaxCopies = 20;

struct Component {
  std::string name;
  int original = 0;
  int certified = 0;
  int copy = 0;
};

// Where a step's agency lies relative to the dossier's receiving agency (docs/workflow.md,
// "Step agencies"): the receiving agency itself, or the nearest agency of kind `district` or
// `province` among it and its ancestors. The same procedure then runs at every counter.
enum class RelativeAgency { kReceiving, kDistrict, kProvince };
// "receiving", "district", "province"; nullopt for another name.
std::optional<RelativeAgency> ParseRelativeAgency(std::string_view name);
std::string_view RelativeAgencyName(RelativeAgency agency);

// Longest department abbreviation (ký hiệu) a step may name as its unit, in characters.
constexpr std::size_t kMaxUnitChars = 20;

struct Step {
  std::string name;
  access::Role role = access::Role::kReception;
  // An absolute agency (its code), or empty: the agency is relative, `agency` and `unit`.
  std::string agency_code;
  int hours = 0;  // working hours allotted
  RelativeAgency agency = RelativeAgency::kReceiving;
  // The abbreviation of a department directly under the `agency` found (e.g. "TNMT": its
  // Phòng Tài nguyên và Môi trường); empty: that agency itself.
  std::string unit;
};

struct Procedure {
  std::string code;  // national code d.dddddd
  std::string name;
  std::string field;
  std::string level;         // province | district | commune
  std::string online_level;  // none | partial | full ("" when not known)
  std::string legal_basis;
  TimeLimit time_limit;
  Fee fee;
  std::vector<Component> components;
  std::vector<Step> steps;
  std::string effective_from;  // YYYY-MM-DD, Vietnam date
  std::string source;
  int version = 0;  // set by the store
};

// Field → Vietnamese message for every broken rule; empty when the definition is valid.
// `agency_exists` answers whether a step's agency code is known.
std::map<std::string, std::string> Validate(
    const Procedure& p, const std::function<bool(const std::string&)>& agency_exists);

bool IsProcedureCode(const std::string& code);

}  // namespace egov::core::catalog
