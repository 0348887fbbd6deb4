// Số and ký hiệu of official documents (DOMAIN.md §4, Decree 30/2020/NĐ-CP Art. 15 and
// Phụ lục III): the document types and their abbreviations (data: data/documents/types.json,
// read by the service), the choice of the numbering series a document takes its number from
// (per agency and year; the scheme is data), and the pure formatting of "07/QĐ-UBND",
// "45/UBND-VP". Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document/states.hpp"

namespace egov::core::document {

// The abbreviation of a công văn, which has no type abbreviation in its ký hiệu.
inline constexpr std::string_view kCongVan = "CV";

// One type of document: its abbreviation (the API's `type`), its name, and whether it may be
// a normative legal document (văn bản quy phạm pháp luật), which has a series of its own.
struct DocumentType {
  std::string abbreviation;  // "QĐ", "TB" … "CV"
  std::string name;          // "Quyết định"
  bool normative_allowed = false;
};

// The known types, by exact abbreviation (case matters: "QyĐ" and "QĐ" differ).
class TypeCatalog {
 public:
  TypeCatalog() = default;
  explicit TypeCatalog(std::vector<DocumentType> types);
  const DocumentType* Find(std::string_view abbreviation) const;
  const std::vector<DocumentType>& types() const { return types_; }

 private:
  std::vector<DocumentType> types_;
};

// How an agency numbers its administrative documents (the agency head's choice, Art. 15):
// one series for all types, or one per type. Normative documents always take one series per
// type, and secret ones (when `secret_own`, the law's default) a series of their own.
enum class SeriesScheme { kSingle, kPerType };
std::string_view Name(SeriesScheme scheme);
std::optional<SeriesScheme> ParseSeriesScheme(std::string_view name);

struct NumberingScheme {
  SeriesScheme administrative = SeriesScheme::kSingle;
  bool secret_own = true;
};

// The series of an agency's year an outgoing document takes its number from (its key in the
// counters): "qppl:<type>" for a normative document, else "secret" for a secret one (when the
// scheme keeps them apart), else "all" (single) or "type:<type>" (per type).
std::string OutgoingSeries(const NumberingScheme& scheme, std::string_view type, bool normative,
                           Secrecy secrecy);
// Incoming documents run in one series per agency and year (Art. 22).
inline constexpr std::string_view kIncomingSeries = "incoming";

// A number as written: at least two digits ("07", "45", "123"). Numbers start at 1.
std::string FormatNumber(std::int64_t number);

// What the ký hiệu is built from.
struct NotationParts {
  std::int64_t number = 0;
  std::string type;    // the type's abbreviation; kCongVan for a công văn
  std::string issuer;  // the issuing agency's abbreviation ("UBND")
  std::string unit;    // công văn: the drafting unit's (or field's) ("VP"); may be empty
  std::optional<int> normative_year;  // a normative document: the year of issue
};

// "07/QĐ-UBND"; a công văn "45/UBND-VP" (or "45/UBND" without a unit); a normative document
// "15/2026/QĐ-UBND" (Decree 34/2016, Art. 61). Joined by "/" and "-", no spaces.
std::string FormatNotation(const NotationParts& parts);

// Why an abbreviation cannot appear in a ký hiệu (empty, over 20 characters, or containing a
// space, "/" or "-"); nullopt when it can.
std::optional<std::string> AbbreviationProblem(std::string_view abbreviation);

}  // namespace egov::core::document
