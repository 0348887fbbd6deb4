// Ed25519 signing, the key-encryption key and agencies' keys (see signer.hpp).
#include "service/seal/signer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "store/seal/seals.hpp"

namespace egov::service::seal {

namespace {

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// The associated data of an agency's sealed secret key: moving the row to another agency
// or key id makes it fail to open.
std::string KeyAssociatedData(std::int64_t agency_id, const std::string& key_id) {
  return fmt::format("egov-agency-key-v1:{}:{}", agency_id, key_id);
}

}  // namespace

std::string Base64Url(std::string_view raw) {
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(raw), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::string> FromBase64Url(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

Ed25519KeyPair GenerateEd25519() {
  Ed25519KeyPair pair{std::string(crypto_sign_PUBLICKEYBYTES, '\0'),
                      std::string(crypto_sign_SECRETKEYBYTES, '\0')};
  crypto_sign_keypair(reinterpret_cast<unsigned char*>(pair.public_key.data()),
                      reinterpret_cast<unsigned char*>(pair.secret_key.data()));
  return pair;
}

std::string KeyIdOf(std::string_view public_key) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, Bytes(public_key), public_key.size());
  char hex[17];
  sodium_bin2hex(hex, sizeof hex, digest, 8);
  return hex;
}

bool VerifyEd25519(std::string_view public_key, std::string_view message,
                   std::string_view signature) {
  if (public_key.size() != crypto_sign_PUBLICKEYBYTES || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  return crypto_sign_verify_detached(Bytes(signature), Bytes(message), message.size(),
                                     Bytes(public_key)) == 0;
}

Ed25519Signer::Ed25519Signer(std::string_view secret_key, std::string key_id)
    : key_id_(std::move(key_id)) {
  if (secret_key.size() != secret_.size()) {
    throw std::invalid_argument("an Ed25519 secret key is 64 bytes");
  }
  std::memcpy(secret_.data(), secret_key.data(), secret_.size());
}

Ed25519Signer::~Ed25519Signer() { sodium_memzero(secret_.data(), secret_.size()); }

std::string Ed25519Signer::Sign(std::string_view message) const {
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, Bytes(message),
                       message.size(), secret_.data());
  return signature;
}

KeyEncryptionKey::KeyEncryptionKey(std::filesystem::path path) : path_(std::move(path)) {}

KeyEncryptionKey::~KeyEncryptionKey() {
  if (key_) sodium_memzero(key_->data(), key_->size());
}

const std::array<unsigned char, 32>& KeyEncryptionKey::Key() {
  if (key_) return *key_;
  std::array<unsigned char, 32> key{};
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec)) {
    // Created once, exclusively: two processes racing here cannot both write a key.
    if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path());
    randombytes_buf(key.data(), key.size());
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
    int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      std::string text = std::string(hex) + "\n";
      bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                ::fsync(fd) == 0;
      ::close(fd);
      sodium_memzero(hex, sizeof hex);
      if (!ok) throw std::runtime_error("cannot write the seal key file " + path_.string());
      key_ = key;
      sodium_memzero(key.data(), key.size());
      return *key_;
    }
    sodium_memzero(hex, sizeof hex);
    if (errno != EEXIST) {
      throw std::runtime_error(
          fmt::format("cannot create the seal key file {}: {}", path_.string(), strerror(errno)));
    }
  }
  std::ifstream in(path_);
  std::string text;
  in >> text;
  std::size_t length = 0;
  if (!in && !in.eof()) throw std::runtime_error("cannot read the seal key file " + path_.string());
  if (text.size() != 64 ||
      sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &length, nullptr) !=
          0 ||
      length != key.size()) {
    sodium_memzero(text.data(), text.size());
    throw std::runtime_error("the seal key file " + path_.string() +
                             " does not hold 64 hex digits");
  }
  sodium_memzero(text.data(), text.size());
  key_ = key;
  sodium_memzero(key.data(), key.size());
  return *key_;
}

std::string KeyEncryptionKey::Seal(std::string_view plain, std::string_view associated) {
  std::lock_guard lock(mutex_);
  const auto& key = Key();
  std::string out(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plain.size() +
                      crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                             &length, Bytes(plain), plain.size(), Bytes(associated),
                                             associated.size(), nullptr, nonce, key.data());
  out.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + length);
  return Base64Url(out);
}

std::string KeyEncryptionKey::Open(std::string_view sealed, std::string_view associated) {
  std::lock_guard lock(mutex_);
  const auto& key = Key();
  auto raw = FromBase64Url(sealed);
  constexpr auto kOverhead =
      crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (!raw || raw->size() < kOverhead) throw std::runtime_error("a sealed key is malformed");
  const auto* nonce = Bytes(*raw);
  const auto* cipher = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::size_t cipher_size = raw->size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string plain(cipher_size - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &length, nullptr, cipher, cipher_size,
          Bytes(associated), associated.size(), nonce, key.data()) != 0) {
    throw std::runtime_error("a sealed key does not open with the key-encryption key " +
                             path_.string() +
                             " (another installation's key file, or an altered row)");
  }
  plain.resize(length);
  return plain;
}

std::unique_ptr<Signer> AgencyKeys::ForAgency(store::WriteTransaction& tx,
                                              const core::access::Agency& agency) {
  auto stored = store::seal::FindActiveKey(tx.session(), agency.id);
  if (!stored) {
    Ed25519KeyPair pair = GenerateEd25519();
    store::seal::StoredKey key;
    key.agency_id = agency.id;
    key.key_id = KeyIdOf(pair.public_key);
    key.algorithm = std::string(kEd25519);
    key.public_key = Base64Url(pair.public_key);
    key.private_key_sealed = kek_.Seal(pair.secret_key, KeyAssociatedData(agency.id, key.key_id));
    key.created_at = clock_.NowMillis();
    sodium_memzero(pair.secret_key.data(), pair.secret_key.size());
    store::seal::InsertKeyIfNone(tx, key);
    // Whoever won a race, the active key is the one stored now.
    stored = store::seal::FindActiveKey(tx.session(), agency.id);
    if (!stored) throw std::runtime_error("an agency key was inserted but cannot be read back");
  }
  if (stored->algorithm != kEd25519) {
    throw std::runtime_error("agency key " + stored->key_id + " has an unknown algorithm");
  }
  std::string secret =
      kek_.Open(stored->private_key_sealed, KeyAssociatedData(agency.id, stored->key_id));
  auto signer = std::make_unique<Ed25519Signer>(secret, stored->key_id);
  sodium_memzero(secret.data(), secret.size());
  return signer;
}

}  // namespace egov::service::seal
