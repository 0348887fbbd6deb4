// Cryptographic primitives of Egov over libsodium: random tokens, SHA-256, and Argon2id
// password hashes. Call InitCrypto() once at start-up (the composition root does).
// All functions are thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace egov::service::security {

// Initialises libsodium; throws std::runtime_error if it cannot.
void InitCrypto();

// `bytes` random bytes as unpadded base64url (32 bytes → 43 characters).
std::string RandomToken(std::size_t bytes = 32);
// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Argon2id parameters: 64 MiB and 2 passes by default (libsodium's "interactive" limits).
struct PasswordHashing {
  unsigned long long ops_limit;
  std::size_t mem_limit;
  static PasswordHashing Default();
};

// A self-describing Argon2id hash string ($argon2id$v=19$m=…). Slow on purpose (~0.1 s,
// 64 MiB): call it from the blocking pool.
std::string HashPassword(std::string_view password, const PasswordHashing& params);
// Constant-time verification against a stored hash string; false for a malformed hash.
bool VerifyPassword(std::string_view password, const std::string& hash);

}  // namespace egov::service::security
