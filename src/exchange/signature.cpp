// Enveloped XML-DSig with xmlsec1 and OpenSSL (see signature.hpp and the trust rule in
// edxml.hpp).
#include "exchange/signature.hpp"

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <xmlsec/crypto.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include <memory>
#include <stdexcept>
#include <vector>

#include "exchange/base64.hpp"
#include "exchange/xml_support.hpp"

namespace egov::exchange::detail {

namespace {

struct KeyFree {
  void operator()(xmlSecKey* k) const { xmlSecKeyDestroy(k); }
};
struct DsigFree {
  void operator()(xmlSecDSigCtx* c) const { xmlSecDSigCtxDestroy(c); }
};
struct MngrFree {
  void operator()(xmlSecKeysMngr* m) const { xmlSecKeysMngrDestroy(m); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};

std::string_view Str(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

bool IsDsig(const xmlNode* node, std::string_view local) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         Str(node->ns->href) == Str(xmlSecDSigNs) && Str(node->name) == local;
}

std::vector<xmlNode*> DsigChildren(const xmlNode* parent, std::string_view local) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsDsig(c, local)) out.push_back(c);
  }
  return out;
}

void FindSignatures(xmlNode* node, std::vector<xmlNode*>& out) {
  for (xmlNode* c = node; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (IsDsig(c, "Signature")) out.push_back(c);
    FindSignatures(c->children, out);
  }
}

std::string Attribute(const xmlNode* node, const char* name, bool* present) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  *present = v != nullptr;
  std::string out(Str(v));
  if (v != nullptr) xmlFree(v);
  return out;
}

constexpr std::string_view kEnveloped = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
constexpr std::string_view kCanonicalizations[] = {
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
    "http://www.w3.org/2001/10/xml-exc-c14n#",
    "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
    "http://www.w3.org/2006/12/xml-c14n11",
    "http://www.w3.org/2006/12/xml-c14n11#WithComments",
};

bool IsCanonicalization(std::string_view algorithm) {
  for (auto c : kCanonicalizations) {
    if (c == algorithm) return true;
  }
  return false;
}

Verification Invalid(std::string reason) {
  Verification v;
  v.state = SignatureState::kInvalid;
  v.reason = std::move(reason);
  return v;
}

// The shape Egov accepts before any cryptography: one Reference to the whole document with
// the enveloped transform, one X.509 certificate. Returns the certificate's DER, or sets
// `reason`.
std::string CheckShape(const xmlNode* signature, std::string& reason) {
  auto signed_info = DsigChildren(signature, "SignedInfo");
  if (signed_info.size() != 1) {
    reason = "Chữ ký số không đúng cấu trúc XML-DSig (thiếu SignedInfo).";
    return {};
  }
  auto references = DsigChildren(signed_info[0], "Reference");
  bool present = false;
  if (references.size() != 1 || !Attribute(references[0], "URI", &present).empty() || !present) {
    reason = "Chữ ký số phải ký toàn bộ gói tin (một Reference với URI=\"\").";
    return {};
  }
  bool enveloped = false;
  for (xmlNode* transforms : DsigChildren(references[0], "Transforms")) {
    for (xmlNode* t : DsigChildren(transforms, "Transform")) {
      const std::string algorithm = Attribute(t, "Algorithm", &present);
      if (algorithm == kEnveloped) {
        enveloped = true;
      } else if (!IsCanonicalization(algorithm)) {
        reason = "Chữ ký số dùng phép biến đổi không được chấp nhận: " + algorithm + ".";
        return {};
      }
    }
  }
  if (!enveloped) {
    reason = "Chữ ký số phải là chữ ký bao trong gói tin (enveloped-signature).";
    return {};
  }
  auto key_info = DsigChildren(signature, "KeyInfo");
  std::vector<xmlNode*> certificates;
  if (key_info.size() == 1) {
    for (xmlNode* c = key_info[0]->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (!IsDsig(c, "X509Data")) {
        reason = "Chữ ký số chỉ được mang khóa trong chứng thư X.509 (X509Data).";
        return {};
      }
      for (xmlNode* cert : DsigChildren(c, "X509Certificate")) certificates.push_back(cert);
    }
  }
  if (certificates.size() != 1) {
    reason = "Chữ ký số phải kèm đúng một chứng thư số X.509 (KeyInfo/X509Data/X509Certificate).";
    return {};
  }
  auto der = Base64Decode(RawText(certificates[0]));
  if (!der || CertificateSha256(*der).empty()) {
    reason = "Chứng thư số kèm chữ ký không đọc được.";
    return {};
  }
  return *der;
}

}  // namespace

void AddSignatureTemplate(xmlDoc* doc, xmlNode* parent) {
  EnsureInitialized();
  xmlNode* signature = xmlSecTmplSignatureCreate(doc, xmlSecTransformExclC14NId,
                                                 xmlSecTransformRsaSha256Id, nullptr);
  if (signature == nullptr) throw std::runtime_error("xmlsec: signature template");
  xmlAddChild(parent, signature);
  xmlNode* reference = xmlSecTmplSignatureAddReference(
      signature, xmlSecTransformSha256Id, nullptr, reinterpret_cast<const xmlChar*>(""), nullptr);
  if (reference == nullptr ||
      xmlSecTmplReferenceAddTransform(reference, xmlSecTransformEnvelopedId) == nullptr ||
      xmlSecTmplReferenceAddTransform(reference, xmlSecTransformExclC14NId) == nullptr) {
    throw std::runtime_error("xmlsec: reference template");
  }
  xmlNode* key_info = xmlSecTmplSignatureEnsureKeyInfo(signature, nullptr);
  xmlNode* x509 = key_info == nullptr ? nullptr : xmlSecTmplKeyInfoAddX509Data(key_info);
  if (x509 == nullptr || xmlSecTmplX509DataAddCertificate(x509) == nullptr) {
    throw std::runtime_error("xmlsec: key info template");
  }
}

void SignTemplate(xmlDoc* doc, const SigningKey& key) {
  EnsureInitialized();
  std::vector<xmlNode*> signatures;
  FindSignatures(xmlDocGetRootElement(doc), signatures);
  if (signatures.size() != 1) throw std::runtime_error("edxml: no signature template to sign");
  xmlNode* signature = signatures[0];
  const std::string& key_pem = key.private_key_pem();
  const std::string& cert_pem = key.certificate_pem();
  std::unique_ptr<xmlSecKey, KeyFree> sign_key(xmlSecCryptoAppKeyLoadMemory(
      reinterpret_cast<const xmlSecByte*>(key_pem.data()), static_cast<xmlSecSize>(key_pem.size()),
      xmlSecKeyDataFormatPem, nullptr, nullptr, nullptr));
  if (!sign_key) throw std::runtime_error("xmlsec: cannot load the exchange key");
  if (xmlSecCryptoAppKeyCertLoadMemory(
          sign_key.get(), reinterpret_cast<const xmlSecByte*>(cert_pem.data()),
          static_cast<xmlSecSize>(cert_pem.size()), xmlSecKeyDataFormatPem) < 0) {
    throw std::runtime_error("xmlsec: cannot load the exchange certificate");
  }
  std::unique_ptr<xmlSecDSigCtx, DsigFree> ctx(xmlSecDSigCtxCreate(nullptr));
  if (!ctx) throw std::runtime_error("xmlsec: context");
  ctx->signKey = sign_key.release();  // owned by the context from here
  if (xmlSecDSigCtxSign(ctx.get(), signature) < 0) throw std::runtime_error("xmlsec: sign failed");
}

Verification VerifyDocument(xmlDoc* doc, std::string_view sender_organ_id,
                            const TrustStore* trust) {
  EnsureInitialized();
  std::vector<xmlNode*> signatures;
  FindSignatures(xmlDocGetRootElement(doc), signatures);
  if (signatures.empty()) return Verification{};
  if (signatures.size() > 1) return Invalid("Gói tin có nhiều hơn một chữ ký số.");
  xmlNode* signature = signatures[0];

  std::string reason;
  const std::string der = CheckShape(signature, reason);
  if (der.empty()) return Invalid(reason);
  Verification result;
  result.certificate_sha256 = CertificateSha256(der);
  result.certificate_subject = CertificateSubject(der);

  std::unique_ptr<xmlSecKeysMngr, MngrFree> manager(xmlSecKeysMngrCreate());
  if (!manager || xmlSecCryptoAppDefaultKeysMngrInit(manager.get()) < 0) {
    throw std::runtime_error("xmlsec: keys manager");
  }
  std::unique_ptr<xmlSecDSigCtx, DsigFree> ctx(xmlSecDSigCtxCreate(manager.get()));
  if (!ctx) throw std::runtime_error("xmlsec: context");
  // The key comes from the certificate in the package only; no CA chain (none configured):
  // trust is the pin, below.
  ctx->keyInfoReadCtx.flags |= XMLSEC_KEYINFO_FLAGS_X509DATA_DONT_VERIFY_CERTS;
  ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty;
  if (xmlSecPtrListAdd(&ctx->keyInfoReadCtx.enabledKeyData, (void*)xmlSecKeyDataX509Id) < 0 ||
      xmlSecPtrListAdd(&ctx->keyInfoReadCtx.enabledKeyData, (void*)xmlSecKeyDataRsaId) < 0) {
    throw std::runtime_error("xmlsec: key data list");
  }
  // SHA-1 is refused: RSA with SHA-256/384/512 only.
  const xmlSecTransformId c14n[] = {
      xmlSecTransformInclC14NId,   xmlSecTransformInclC14NWithCommentsId,
      xmlSecTransformExclC14NId,   xmlSecTransformExclC14NWithCommentsId,
      xmlSecTransformInclC14N11Id, xmlSecTransformInclC14N11WithCommentsId};
  for (auto id : c14n) {
    xmlSecDSigCtxEnableSignatureTransform(ctx.get(), id);
    xmlSecDSigCtxEnableReferenceTransform(ctx.get(), id);
  }
  for (auto id :
       {xmlSecTransformRsaSha256Id, xmlSecTransformRsaSha384Id, xmlSecTransformRsaSha512Id}) {
    xmlSecDSigCtxEnableSignatureTransform(ctx.get(), id);
  }
  for (auto id : {xmlSecTransformSha256Id, xmlSecTransformSha384Id, xmlSecTransformSha512Id,
                  xmlSecTransformEnvelopedId}) {
    xmlSecDSigCtxEnableReferenceTransform(ctx.get(), id);
  }

  const bool processed = xmlSecDSigCtxVerify(ctx.get(), signature) >= 0;
  if (!processed) {
    Verification v = Invalid(
        "Chữ ký số không kiểm tra được (thuật toán không được chấp nhận — chỉ RSA với SHA-256, "
        "SHA-384, SHA-512 — hoặc chữ ký, chứng thư không hợp lệ).");
    v.certificate_sha256 = result.certificate_sha256;
    v.certificate_subject = result.certificate_subject;
    return v;
  }
  if (ctx->status != xmlSecDSigStatusSucceeded) {
    Verification v = Invalid(
        "Chữ ký số không khớp với nội dung gói tin: gói tin đã bị sửa sau khi ký, hoặc chữ ký "
        "không được tạo bằng khóa của chứng thư kèm theo.");
    v.certificate_sha256 = result.certificate_sha256;
    v.certificate_subject = result.certificate_subject;
    return v;
  }
  // The key that verified must be the certificate's (belt and braces over xmlsec's choice).
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<X509, X509Free> cert(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
  EVP_PKEY* used = ctx->signKey == nullptr
                       ? nullptr
                       : xmlSecOpenSSLEvpKeyDataGetEvp(xmlSecKeyGetValue(ctx->signKey));
  if (!cert || used == nullptr || EVP_PKEY_eq(used, X509_get0_pubkey(cert.get())) != 1) {
    return Invalid("Chữ ký số không được tạo bằng khóa của chứng thư kèm theo.");
  }
  if (trust != nullptr && trust->HasPins(sender_organ_id)) {
    if (!trust->IsPinned(sender_organ_id, result.certificate_sha256)) {
      Verification v =
          Invalid("Chứng thư số ký gói tin không phải chứng thư đã đăng ký của cơ quan gửi (" +
                  std::string(sender_organ_id) + ").");
      v.certificate_sha256 = result.certificate_sha256;
      v.certificate_subject = result.certificate_subject;
      return v;
    }
    result.pinned = true;
  }
  result.state = SignatureState::kValid;
  return result;
}

}  // namespace egov::exchange::detail
