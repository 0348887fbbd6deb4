// The keys of the exchange: an agency's signing key with its X.509 certificate, and the
// certificates pinned for the agencies Egov receives from (docs/exchange.md, "Keys").
// Immutable once built, so shareable between threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

namespace egov::exchange {

// An RSA private key and its certificate, both PEM. Construction checks that the key is
// RSA (at least 2048 bits) and matches the certificate; throws std::invalid_argument with an
// English reason otherwise (a configuration error, not a user's).
class SigningKey {
 public:
  SigningKey(std::string private_key_pem, std::string certificate_pem);
  static SigningKey FromPemFiles(const std::filesystem::path& key_file,
                                 const std::filesystem::path& cert_file);

  const std::string& private_key_pem() const { return key_pem_; }
  const std::string& certificate_pem() const { return cert_pem_; }
  // SHA-256 of the certificate's DER, lower-case hex (what a peer pins).
  const std::string& certificate_sha256() const { return cert_sha256_; }

 private:
  std::string key_pem_;
  std::string cert_pem_;
  std::string cert_sha256_;
};

// The signing keys of the agencies Egov sends packages for, by agency code (OrganId).
class SigningKeys {
 public:
  // Every `<OrganId>.key.pem` of `dir` with its `<OrganId>.cert.pem` (e.g.
  // 000.00.00.H48.key.pem, 000.00.00.H48.cert.pem). Throws std::invalid_argument naming the
  // file when a key has no certificate or either is unusable.
  static SigningKeys FromDirectory(const std::filesystem::path& dir);
  void Add(std::string organ_id, SigningKey key);
  // The agency's key, or null when it has none (its packages cannot be signed).
  const SigningKey* Find(std::string_view organ_id) const;

 private:
  std::map<std::string, SigningKey, std::less<>> keys_;
};

// Certificates pinned per agency code: the fingerprints (SHA-256 of the DER) a sender may
// sign with. A sender without pins is not restricted (Verify reports pinned = false).
class TrustStore {
 public:
  // Throws std::invalid_argument when `certificate_pem` is not a PEM certificate.
  void Pin(std::string_view organ_id, std::string_view certificate_pem);
  // Every `<OrganId>*.pem` of `dir` (e.g. 000.00.00.H48.pem, 000.00.00.H48.2027.pem).
  static TrustStore FromDirectory(const std::filesystem::path& dir);

  bool HasPins(std::string_view organ_id) const;
  bool IsPinned(std::string_view organ_id, std::string_view certificate_sha256) const;

 private:
  std::map<std::string, std::set<std::string>, std::less<>> pins_;
};

// A fresh RSA-2048 key with a self-signed certificate (SHA-256, serial random, valid
// `valid_days` from now) whose subject is C=VN, O=`organization`, CN=`common_name` — for an
// installation without a CA-issued exchange certificate (the demo, docs/exchange.md "Demo
// keys"). Peers recognise such a certificate only by pinning it.
SigningKey GenerateSelfSigned(const std::string& common_name, const std::string& organization,
                              int valid_days = 3650);

// Helpers shared with the signature code: the SHA-256 hex and subject of a DER certificate;
// empty strings when `der` is not a certificate.
std::string CertificateSha256(std::string_view der);
std::string CertificateSubject(std::string_view der);

}  // namespace egov::exchange
