// Internal: the enveloped XML-DSig signature of a package (docs/exchange.md, "Signature").
#pragma once

#include <libxml/tree.h>

#include <string_view>

#include "exchange/edxml.hpp"
#include "exchange/signing_key.hpp"

namespace egov::exchange::detail {

// Appends an unsigned Signature template to `parent`: Reference URI="" with the
// enveloped-signature transform then exclusive C14N, SHA-256 digest, RSA-SHA256,
// KeyInfo/X509Data/X509Certificate. Added before the text is indented, so the signature is
// laid out like the rest.
void AddSignatureTemplate(xmlDoc* doc, xmlNode* parent);

// Signs the document's Signature template (the one AddSignatureTemplate added, read back)
// with `key`. Throws std::runtime_error when xmlsec fails (a bug or an unusable key, never
// the package's content).
void SignTemplate(xmlDoc* doc, const SigningKey& key);

// The verdict of Verify() on a parsed document whose sender is `sender_organ_id`.
Verification VerifyDocument(xmlDoc* doc, std::string_view sender_organ_id, const TrustStore* trust);

}  // namespace egov::exchange::detail
