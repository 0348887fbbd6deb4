// Internal: the enveloped XML-DSig signature of a package (docs/exchange.md, "Signature").
#pragma once

#include <libxml/tree.h>

#include <string_view>

#include "exchange/edxml.hpp"
#include "exchange/signing_key.hpp"

namespace egov::exchange::detail {

// Appends a Signature element to `parent` and signs the whole document with `key`:
// Reference URI="" with the enveloped-signature transform then exclusive C14N, SHA-256
// digest, RSA-SHA256, KeyInfo/X509Data/X509Certificate. Throws std::runtime_error when
// xmlsec fails (a bug or an unusable key, never the package's content).
void SignEnveloped(xmlDoc* doc, xmlNode* parent, const SigningKey& key);

// The verdict of Verify() on a parsed document whose sender is `sender_organ_id`.
Verification VerifyDocument(xmlDoc* doc, std::string_view sender_organ_id,
                            const TrustStore* trust);

}  // namespace egov::exchange::detail
