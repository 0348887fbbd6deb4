// Internal helpers of the exchange library over libxml2: one process-wide initialisation of
// libxml2, xmlsec and its OpenSSL backend; safe reading of a package (no network, no DTD,
// errors as Vietnamese text); namespace-aware lookup of edXML elements, which accepts any
// prefix (`edXML:Subject`) or none, since only the namespace URI is compared.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace egov::exchange::detail {

// Idempotent, thread-safe; every public function of the library calls it first.
void EnsureInitialized();

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

struct ReadResult {
  DocPtr doc;
  std::string error;  // Vietnamese, when doc is null
};

// Parses `xml` (UTF-8 or as declared). Refuses a DOCTYPE, and more than kMaxPackageBytes.
ReadResult ReadXml(std::string_view xml);

// The document as UTF-8 text with its XML declaration; `indent` adds line breaks.
std::string WriteXml(xmlDoc* doc, bool indent);

// True when `node` is an element `local` of the edXML namespace.
bool IsEdxml(const xmlNode* node, std::string_view local);
// The first element child `local` of the edXML namespace, or null.
xmlNode* Child(const xmlNode* parent, std::string_view local);
std::vector<xmlNode*> Children(const xmlNode* parent, std::string_view local);
// The text content without surrounding XML whitespace; "" for a null node.
std::string Text(const xmlNode* node);
// The text content exactly; "" for a null node.
std::string RawText(const xmlNode* node);

// Builds elements of the edXML namespace (default namespace, no prefix).
class Writer {
 public:
  Writer(xmlDoc* doc, const char* root_name);
  xmlNode* root() const { return root_; }
  xmlNode* Element(xmlNode* parent, const char* name);
  // An element with escaped text content (written even when empty).
  xmlNode* Leaf(xmlNode* parent, const char* name, std::string_view text);

 private:
  xmlNode* root_;
  xmlNs* ns_;
};

}  // namespace egov::exchange::detail
