// The seal's signed text (see seal.hpp).
#include "core/seal/seal.hpp"

#include <fmt/format.h>

#include "core/names.hpp"

namespace egov::core::seal {

namespace {

constexpr NameOf<Kind> kKindNames[] = {
    {Kind::kDocument, "document"},
    {Kind::kDossierResult, "dossier_result"},
};

void Append(std::string& out, std::string_view name, std::string_view value) {
  fmt::format_to(std::back_inserter(out), "{}:{}:{}\n", name, value.size(), value);
}

}  // namespace

std::string_view Name(Kind kind) { return NameIn<Kind>(kKindNames, kind); }

std::optional<Kind> ParseKind(std::string_view name) { return ParseIn<Kind>(kKindNames, name); }

std::string SignedText(const SealRecord& r) {
  std::string out = "egov-seal-v1\n";
  Append(out, "token", r.token);
  Append(out, "kind", Name(r.kind));
  Append(out, "subject_ref", r.subject_ref);
  Append(out, "sha256", r.sha256);
  Append(out, "number_notation", r.number_notation);
  Append(out, "issuer_code", r.issuer_code);
  Append(out, "issuer_name", r.issuer_name);
  Append(out, "title", r.title);
  Append(out, "issued_on", r.issued_on);
  Append(out, "algorithm", r.algorithm);
  Append(out, "key_id", r.key_id);
  Append(out, "signed_at", std::to_string(r.signed_at));
  return out;
}

bool IsSha256Hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace egov::core::seal
