// The agency's seal on issued files (docs/documents-output.md): `Seal` inside the issuing
// transaction (an outgoing document's issue, a dossier's result), `Verify` for anyone holding
// the token printed as a QR code (GET /api/v1/public/verify/{token}).
#pragma once

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/seal/seal.hpp"
#include "service/seal/signer.hpp"
#include "store/database.hpp"

namespace egov::service::seal {

// Limits of a seal's members (a document's metadata, DOMAIN.md §4).
inline constexpr std::size_t kMaxTitleBytes = 2000;     // type name + trích yếu (≤ 500 chars)
inline constexpr std::size_t kMaxNotationBytes = 160;   // CodeNumber/CodeNotation
inline constexpr std::size_t kMaxSubjectRefBytes = 64;  // a document id or a dossier code

// What the issuing use case seals: plain values, so that the documents and dossier services
// can call it from their own transactions.
struct SealInput {
  core::seal::Kind kind = core::seal::Kind::kDocument;
  std::string subject_ref;      // the document's id or the dossier's code
  std::string sha256;           // of the issued file's bytes, lower-case hex
  std::string number_notation;  // "07/QĐ-UBND" ("" for a result without one)
  std::string issuer_agency_code;
  std::string title;  // "Quyết định về việc …": what a citizen may read (no personal data)
  std::string issued_on;  // YYYY-MM-DD
  // The token the seal will have, when the sealed file prints it (a PDF rendered from the
  // content carries the QR of its own verification page, so the token exists before the
  // file's hash): from Seals::NewToken(). Empty: a new one.
  std::string token;
};

// The answer of a verification: the stored seal and whether its signature holds over it.
struct Verification {
  core::seal::SealRecord seal;
  bool valid = false;                // the signature verifies over the stored record
  std::string public_key;            // base64url ("" when the key is missing)
  std::optional<bool> file_matches;  // when a file's sha256 was given: equal to the sealed one
};

class Seals {
 public:
  Seals(store::Database& db, const core::Clock& clock, SignerSource& signers)
      : db_(db), clock_(clock), signers_(signers) {}

  // Signs and records a seal inside `tx` (the caller's transaction: the seal is committed
  // with the issue, or not at all); returns its token. Throws egov::Error validation_failed
  // on a malformed member (naming it) and not_found for an unknown issuer.
  std::string Seal(store::WriteTransaction& tx, const SealInput& input);

  // A fresh token (32 random bytes, base64url: 43 characters).
  static std::string NewToken();

  // The seal of `token` with its signature checked again. `file_sha256` (optional, 64 hex
  // digits, either case) is compared with the sealed file's. Throws egov::Error not_found for
  // an unknown token (checked first), validation_failed for a malformed `file_sha256`.
  Verification Verify(const std::string& token,
                      const std::optional<std::string>& file_sha256 = std::nullopt);

 private:
  store::Database& db_;
  const core::Clock& clock_;
  SignerSource& signers_;
};

// The signature check alone (also used by tests on altered records).
bool SignatureHolds(const core::seal::SealRecord& record, const std::string& public_key_base64);

}  // namespace egov::service::seal
