// Numbering series and số/ký hiệu (see numbering.hpp).
#include "core/document/numbering.hpp"

#include <cstdio>

#include "core/names.hpp"
#include "core/text/fold.hpp"

namespace egov::core::document {

namespace {
constexpr NameOf<SeriesScheme> kSchemeNames[] = {
    {SeriesScheme::kSingle, "single"},
    {SeriesScheme::kPerType, "per_type"},
};
}  // namespace

TypeCatalog::TypeCatalog(std::vector<DocumentType> types) : types_(std::move(types)) {}

const DocumentType* TypeCatalog::Find(std::string_view abbreviation) const {
  for (const auto& t : types_) {
    if (t.abbreviation == abbreviation) return &t;
  }
  return nullptr;
}

std::string_view Name(SeriesScheme scheme) { return NameIn<SeriesScheme>(kSchemeNames, scheme); }
std::optional<SeriesScheme> ParseSeriesScheme(std::string_view name) {
  return ParseIn<SeriesScheme>(kSchemeNames, name);
}

std::string OutgoingSeries(const NumberingScheme& scheme, std::string_view type, bool normative,
                           Secrecy secrecy) {
  if (normative) return "qppl:" + std::string(type);
  if (scheme.secret_own && IsSecret(secrecy)) return "secret";
  if (scheme.administrative == SeriesScheme::kPerType) return "type:" + std::string(type);
  return "all";
}

std::string FormatNumber(std::int64_t number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02lld", static_cast<long long>(number));
  return buffer;
}

std::string FormatNotation(const NotationParts& p) {
  std::string out = FormatNumber(p.number) + "/";
  if (p.normative_year) out += std::to_string(*p.normative_year) + "/";
  if (p.type == kCongVan) {
    out += p.issuer;
    if (!p.unit.empty()) out += "-" + p.unit;
  } else {
    out += p.type + "-" + p.issuer;
  }
  return out;
}

std::optional<std::string> AbbreviationProblem(std::string_view abbreviation) {
  if (abbreviation.empty()) return "chữ viết tắt không được để trống";
  if (text::CodePointCount(abbreviation) > 20) return "chữ viết tắt dài tối đa 20 ký tự";
  for (char c : abbreviation) {
    if (c == ' ' || c == '/' || c == '-') {
      return "chữ viết tắt không được chứa dấu cách, \"/\" hoặc \"-\"";
    }
  }
  return std::nullopt;
}

}  // namespace egov::core::document
