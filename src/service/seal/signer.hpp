// Signing for the agency's seal (docs/documents-output.md). `Signer` is what the seal
// service asks for a signature; Egov's own implementation is Ed25519 over libsodium
// (crypto_sign_detached) with per-agency keys kept in the database, their secret halves
// encrypted with the installation's key-encryption key (`KeyEncryptionKey`). A CA-backed PKI
// signer (a licensed CA's remote signing, a USB token) can replace it behind `SignerSource`.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/access/model.hpp"
#include "core/clock.hpp"
#include "store/database.hpp"

namespace egov::service::seal {

inline constexpr std::string_view kEd25519 = "ed25519";

// Signs bytes with one key.
class Signer {
 public:
  virtual ~Signer() = default;
  virtual std::string_view algorithm() const = 0;
  // Names the key in the seals it signs (and lets a verifier find the public key).
  virtual const std::string& key_id() const = 0;
  // The raw signature of `message`.
  virtual std::string Sign(std::string_view message) const = 0;
};

// An Ed25519 key pair (raw libsodium forms).
struct Ed25519KeyPair {
  std::string public_key;  // 32 bytes
  std::string secret_key;  // 64 bytes (seed and public key)
};
Ed25519KeyPair GenerateEd25519();
// The key id of a public key: the first 8 bytes of its SHA-256, in hex (16 characters).
std::string KeyIdOf(std::string_view public_key);
// True when `signature` (raw, 64 bytes) is `public_key`'s Ed25519 signature of `message`.
bool VerifyEd25519(std::string_view public_key, std::string_view message,
                   std::string_view signature);

class Ed25519Signer final : public Signer {
 public:
  // `secret_key`: 64 raw bytes; throws std::invalid_argument otherwise.
  Ed25519Signer(std::string_view secret_key, std::string key_id);
  ~Ed25519Signer() override;
  std::string_view algorithm() const override { return kEd25519; }
  const std::string& key_id() const override { return key_id_; }
  std::string Sign(std::string_view message) const override;

 private:
  std::array<unsigned char, 64> secret_{};
  std::string key_id_;
};

// The installation's key-encryption key: 32 random bytes in a file of its own (64 hex
// digits), outside the database, so that a copy of the database (a dump, a backup, a
// replica, an SQL read) holds no usable secret key. Loaded on first use; when the file does
// not exist it is created then (mode 0600, never overwritten). Thread-safe.
class KeyEncryptionKey {
 public:
  explicit KeyEncryptionKey(std::filesystem::path path);
  ~KeyEncryptionKey();
  KeyEncryptionKey(const KeyEncryptionKey&) = delete;
  KeyEncryptionKey& operator=(const KeyEncryptionKey&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // XChaCha20-Poly1305 of `plain` with `associated` data: nonce then ciphertext, base64url.
  std::string Seal(std::string_view plain, std::string_view associated);
  // The inverse; throws std::runtime_error when the text was not sealed by this key with
  // this associated data (another installation's key, an altered row, a row moved to another
  // agency).
  std::string Open(std::string_view sealed, std::string_view associated);

 private:
  const std::array<unsigned char, 32>& Key();
  std::filesystem::path path_;
  std::mutex mutex_;
  std::optional<std::array<unsigned char, 32>> key_;
};

// Hands out the signer of an agency inside the issuing transaction.
class SignerSource {
 public:
  virtual ~SignerSource() = default;
  virtual std::unique_ptr<Signer> ForAgency(store::WriteTransaction& tx,
                                            const core::access::Agency& agency) = 0;
};

// Ed25519 keys per agency in the database (table agency_keys), made on an agency's first
// seal inside the sealing transaction.
class AgencyKeys final : public SignerSource {
 public:
  AgencyKeys(const core::Clock& clock, KeyEncryptionKey& kek) : clock_(clock), kek_(kek) {}
  std::unique_ptr<Signer> ForAgency(store::WriteTransaction& tx,
                                    const core::access::Agency& agency) override;

 private:
  const core::Clock& clock_;
  KeyEncryptionKey& kek_;
};

// base64url without padding, and back (nullopt for a text that is not).
std::string Base64Url(std::string_view raw);
std::optional<std::string> FromBase64Url(std::string_view text);

}  // namespace egov::service::seal
