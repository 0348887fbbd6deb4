// The edXML exchange package as XML text (QCVN 102:2016, DOMAIN.md §4, docs/exchange.md):
// Build writes a package from core's model, zipping then base64-encoding each attachment and
// signing the whole document with an enveloped XML-DSig signature (RSA-SHA256, xmlsec1 with
// OpenSSL); Parse reads one back into the model or says precisely what is wrong; Verify says
// whether its signature holds. The same three for Status packages. Every function is
// thread-safe and touches neither the disk nor the network.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/exchange/edxml_model.hpp"
#include "exchange/signing_key.hpp"

namespace egov::exchange {

using core::exchange::Package;
using core::exchange::Problem;
using core::exchange::StatusPackage;

// The largest package text accepted by Parse and Verify (the base64 of the attachments
// included).
inline constexpr std::size_t kMaxPackageBytes = 64 * 1024 * 1024;

// A package read from XML: the model, or every problem found (never both).
template <typename T>
struct Parsed {
  std::optional<T> value;
  std::vector<Problem> problems;
  bool ok() const { return value.has_value(); }
};

// The package as XML (UTF-8, with its declaration), signed with `key` when it is not null.
// Throws egov::Error (validation_failed, details per field path) when
// core::exchange::Validate refuses the package: what Build writes, Parse accepts.
std::string Build(const Package& package, const SigningKey* key);
std::string BuildStatus(const StatusPackage& status, const SigningKey* key);

// The model of a package, or its problems: not well-formed XML, a wrong root or namespace,
// a missing envelope, header or mandatory field, a field too long, a bad date, number, code,
// base64 or zip (core::exchange::Validate's checks included). Accepts any namespace prefix
// (`edXML:`) and both `Bussiness` (the standard SDKs' spelling) and `Business`. Does not
// look at the signature: call Verify.
Parsed<Package> Parse(std::string_view xml);
Parsed<StatusPackage> ParseStatus(std::string_view xml);

enum class SignatureState {
  kValid,     // one enveloped signature over the whole package, and it verifies
  kUnsigned,  // no XML-DSig Signature element at all
  kInvalid,   // a signature that does not verify, or that Egov does not accept (reason)
};

struct Verification {
  SignatureState state = SignatureState::kUnsigned;
  std::string reason;  // Vietnamese, for kInvalid
  // Of the signing certificate, for kValid (and kInvalid when it could be read).
  std::string certificate_subject;
  std::string certificate_sha256;  // lower-case hex of the DER
  // True when `trust` pins certificates for the sender and this is one of them; a pinned
  // sender's package signed with any other certificate is kInvalid.
  bool pinned = false;
};

// The trust rule (docs/exchange.md): the signature must be the package's only XML-DSig
// Signature, reference the whole document (URI="" with the enveloped-signature transform),
// use RSA with SHA-256/384/512 and carry exactly one X.509 certificate, whose key verifies
// it. The certificate is not chained to a CA (none is configured); when `trust` pins
// certificates for the sender (From.OrganId of the header or of the Status), it must be one
// of them. Not well-formed text is kInvalid.
Verification Verify(std::string_view xml, const TrustStore* trust = nullptr);

// Parse and Verify on one reading of the text, as an import needs both (CONTRACT.md: a
// package that is not well-formed or lacks mandatory fields is refused with its reasons, one
// whose signature does not verify is `signature_invalid`, an unsigned one is registered and
// marked unsigned).
struct Received {
  Parsed<Package> package;
  Verification signature;
};
Received ParseAndVerify(std::string_view xml, const TrustStore* trust = nullptr);

}  // namespace egov::exchange
