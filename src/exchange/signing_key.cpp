// Signing keys and pinned certificates (see signing_key.hpp).
#include "exchange/signing_key.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace egov::exchange {

namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

std::unique_ptr<BIO, BioFree> MemoryBio(std::string_view data) {
  return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

X509Ptr ReadPemCertificate(std::string_view pem) {
  auto bio = MemoryBio(pem);
  return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

std::string Der(X509* cert) {
  unsigned char* der = nullptr;
  const int n = i2d_X509(cert, &der);
  if (n <= 0) return {};
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  return out;
}

std::string Hex(const unsigned char* data, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 15];
  }
  return out;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string CertificateSha256(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!cert) return {};
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (EVP_Digest(der.data(), der.size(), md, &n, EVP_sha256(), nullptr) != 1) return {};
  return Hex(md, n);
}

std::string CertificateSubject(std::string_view der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  if (!cert) return {};
  std::unique_ptr<BIO, BioFree> out(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(out.get(), X509_get_subject_name(cert.get()), 0,
                     XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* data = nullptr;
  const long n = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

SigningKey::SigningKey(std::string private_key_pem, std::string certificate_pem)
    : key_pem_(std::move(private_key_pem)), cert_pem_(std::move(certificate_pem)) {
  auto key_bio = MemoryBio(key_pem_);
  PkeyPtr key(PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr));
  if (!key) throw std::invalid_argument("exchange key: not a PEM private key (or encrypted)");
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
    throw std::invalid_argument("exchange key: must be RSA (edXML signs with RSA-SHA256)");
  }
  if (EVP_PKEY_get_bits(key.get()) < 2048) {
    throw std::invalid_argument("exchange key: RSA keys need at least 2048 bits");
  }
  X509Ptr cert = ReadPemCertificate(cert_pem_);
  if (!cert) throw std::invalid_argument("exchange certificate: not a PEM X.509 certificate");
  if (EVP_PKEY_eq(key.get(), X509_get0_pubkey(cert.get())) != 1) {
    throw std::invalid_argument("exchange key and certificate do not match");
  }
  cert_sha256_ = CertificateSha256(Der(cert.get()));
}

SigningKey SigningKey::FromPemFiles(const std::filesystem::path& key_file,
                                    const std::filesystem::path& cert_file) {
  return SigningKey(ReadFile(key_file), ReadFile(cert_file));
}

SigningKeys SigningKeys::FromDirectory(const std::filesystem::path& dir) {
  static constexpr std::string_view kKeySuffix = ".key.pem";
  SigningKeys keys;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.size() <= kKeySuffix.size() ||
        name.compare(name.size() - kKeySuffix.size(), kKeySuffix.size(), kKeySuffix) != 0) {
      continue;
    }
    const std::string organ_id = name.substr(0, name.size() - kKeySuffix.size());
    const auto cert = dir / (organ_id + ".cert.pem");
    try {
      keys.Add(organ_id, SigningKey::FromPemFiles(entry.path(), cert));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(entry.path().string() + ": " + e.what());
    }
  }
  return keys;
}

void SigningKeys::Add(std::string organ_id, SigningKey key) {
  keys_.insert_or_assign(std::move(organ_id), std::move(key));
}

const SigningKey* SigningKeys::Find(std::string_view organ_id) const {
  auto it = keys_.find(organ_id);
  return it == keys_.end() ? nullptr : &it->second;
}

void TrustStore::Pin(std::string_view organ_id, std::string_view certificate_pem) {
  X509Ptr cert = ReadPemCertificate(certificate_pem);
  if (!cert) throw std::invalid_argument("pinned certificate is not a PEM X.509 certificate");
  auto it = pins_.find(organ_id);
  if (it == pins_.end()) it = pins_.emplace(std::string(organ_id), std::set<std::string>{}).first;
  it->second.insert(CertificateSha256(Der(cert.get())));
}

TrustStore TrustStore::FromDirectory(const std::filesystem::path& dir) {
  TrustStore store;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".pem") continue;
    const std::string name = entry.path().filename().string();
    if (name.size() < 13 + 4) continue;
    try {
      store.Pin(name.substr(0, 13), ReadFile(entry.path()));
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(entry.path().string() + ": " + e.what());
    }
  }
  return store;
}

bool TrustStore::HasPins(std::string_view organ_id) const {
  return pins_.find(organ_id) != pins_.end();
}

bool TrustStore::IsPinned(std::string_view organ_id, std::string_view certificate_sha256) const {
  auto it = pins_.find(organ_id);
  return it != pins_.end() && it->second.count(std::string(certificate_sha256)) > 0;
}

SigningKey GenerateSelfSigned(const std::string& common_name, const std::string& organization,
                              int valid_days) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
  if (!key) throw std::runtime_error("RSA key generation failed");
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  if (!cert) throw std::runtime_error("X509_new failed");
  unsigned char serial[16];
  if (RAND_bytes(serial, sizeof serial) != 1) throw std::runtime_error("RAND_bytes failed");
  serial[0] &= 0x7f;  // a positive serial
  std::unique_ptr<BIGNUM, decltype(&BN_free)> bn(BN_bin2bn(serial, sizeof serial, nullptr),
                                                 BN_free);
  X509_set_version(cert.get(), 2);
  BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()));
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(valid_days) * 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  auto add = [name](const char* field, const std::string& value) {
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0);
  };
  add("C", "VN");
  if (!organization.empty()) add("O", organization);
  add("CN", common_name);
  X509_set_issuer_name(cert.get(), name);
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
    throw std::runtime_error("certificate signing failed");
  }
  auto pem = [](auto write) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (write(bio.get()) != 1) throw std::runtime_error("PEM writing failed");
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
  };
  std::string key_pem = pem([&](BIO* b) {
    return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  std::string cert_pem = pem([&](BIO* b) { return PEM_write_bio_X509(b, cert.get()); });
  return SigningKey(std::move(key_pem), std::move(cert_pem));
}

}  // namespace egov::exchange
