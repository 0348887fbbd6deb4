// SQL for the agency's seal (migration 0013): agencies' signing keys and the seals applied
// with them. Functions never commit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/seal/seal.hpp"
#include "store/database.hpp"

namespace egov::store::seal {

// An agency's key pair as stored: the public key in clear, the secret key sealed (encrypted
// by the service; the store never sees it in clear).
struct StoredKey {
  std::int64_t agency_id = 0;
  std::string key_id;
  std::string algorithm;
  std::string public_key;          // base64url
  std::string private_key_sealed;  // base64url, nonce first
  std::int64_t created_at = 0;
};

// The agency's active key, if it has one.
std::optional<StoredKey> FindActiveKey(Session& session, std::int64_t agency_id);
// A key by its id, active or retired.
std::optional<StoredKey> FindKey(Session& session, const std::string& key_id);
// Inserts `key` as the agency's active key unless the agency has one already (then nothing
// is written: another transaction won the race). True when inserted.
bool InsertKeyIfNone(WriteTransaction& tx, const StoredKey& key);

// Inserts a seal of the agency `issuer_agency_id`. Throws UniqueViolation on a repeated
// token.
void InsertSeal(WriteTransaction& tx, std::int64_t issuer_agency_id,
                const core::seal::SealRecord& record);
// The seal of `token`, as stored.
std::optional<core::seal::SealRecord> FindSeal(Session& session, const std::string& token);
// The latest seal of `subject_ref` of `kind` (an issued document's seal, by its id).
std::optional<core::seal::SealRecord> FindSealOf(Session& session, core::seal::Kind kind,
                                                 const std::string& subject_ref);

}  // namespace egov::store::seal
