// The agency's seal on an issued file (docs/documents-output.md): what a seal records and the
// exact text its signature covers. Pure: signing and storage are the service's and the
// store's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace egov::core::seal {

// What was sealed: an issued outgoing document, or a dossier's result.
enum class Kind { kDocument, kDossierResult };

// "document", "dossier_result" as in the API and the database.
std::string_view Name(Kind kind);
std::optional<Kind> ParseKind(std::string_view name);

// A seal as signed and stored. Every member except `signature` is covered by the signature.
struct SealRecord {
  std::string token;  // random, unguessable: what the printed QR carries
  Kind kind = Kind::kDocument;
  std::string subject_ref;      // the document's id or the dossier's code
  std::string sha256;           // of the sealed file, lower-case hex
  std::string number_notation;  // "07/QĐ-UBND"; "" when the result has none
  std::string issuer_code;      // the issuing agency at sealing time
  std::string issuer_name;
  std::string title;      // type name and trích yếu, or the result's name: no personal data
  std::string issued_on;  // YYYY-MM-DD
  std::string algorithm;  // "ed25519"
  std::string key_id;
  std::int64_t signed_at = 0;  // UTC epoch ms
  std::string signature;       // base64url of the raw signature
};

// The bytes a signature covers: a version line, then every signed member as
// "name:length:value\n" in a fixed order (length in bytes, so no value can pass for another).
std::string SignedText(const SealRecord& record);

// True when `text` is 64 lower-case hex digits.
bool IsSha256Hex(std::string_view text);

}  // namespace egov::core::seal
