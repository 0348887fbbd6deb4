// libxml2 / xmlsec helpers (see xml_support.hpp).
#include "exchange/xml_support.hpp"

#include <libxml/parser.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmlsec.h>

#include <mutex>
#include <stdexcept>

#include "core/exchange/edxml_model.hpp"
#include "exchange/edxml.hpp"

namespace egov::exchange::detail {

namespace {

// xmlsec reports every failed check through this callback; the library turns outcomes into
// values itself, so the messages (which would go to stderr) are dropped.
void QuietXmlsecErrors(const char*, int, const char*, const char*, const char*, int, const char*) {}

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

void EnsureInitialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    if (xmlSecInit() < 0) throw std::runtime_error("xmlsec: init failed");
    if (xmlSecCheckVersion() != 1) throw std::runtime_error("xmlsec: library version mismatch");
    if (xmlSecCryptoAppInit(nullptr) < 0) throw std::runtime_error("xmlsec: crypto app init");
    if (xmlSecCryptoInit() < 0) throw std::runtime_error("xmlsec: crypto init failed");
    xmlSecErrorsSetCallback(QuietXmlsecErrors);
  });
}

ReadResult ReadXml(std::string_view xml) {
  EnsureInitialized();
  ReadResult result;
  if (xml.size() > kMaxPackageBytes) {
    result.error = "Gói tin lớn hơn " + std::to_string(kMaxPackageBytes / (1024 * 1024)) + " MiB.";
    return result;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) throw std::bad_alloc();
  // No network, no entity substitution, no DTD loading; HUGE lifts libxml2's 10 MB limit on
  // one text node (an attachment's base64), the size being bounded above instead.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;
  xmlDoc* doc =
      xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, options);
  if (doc == nullptr || !ctxt->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    result.error = "Gói tin không phải XML hợp lệ";
    if (e != nullptr && e->line > 0) result.error += " (dòng " + std::to_string(e->line) + ")";
    result.error += ".";
    if (doc != nullptr) xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return result;
  }
  xmlFreeParserCtxt(ctxt);
  result.doc.reset(doc);
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    result.doc.reset();
    result.error = "Gói tin không được chứa khai báo DOCTYPE.";
  }
  return result;
}

std::string WriteXml(xmlDoc* doc, bool indent) {
  xmlChar* mem = nullptr;
  int size = 0;
  xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", indent ? 1 : 0);
  if (mem == nullptr) throw std::runtime_error("libxml2: serialisation failed");
  std::string out(reinterpret_cast<const char*>(mem), static_cast<std::size_t>(size));
  xmlFree(mem);
  return out;
}

bool IsEdxml(const xmlNode* node, std::string_view local) {
  return node != nullptr && node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
         node->ns->href != nullptr &&
         std::string_view(reinterpret_cast<const char*>(node->ns->href)) ==
             core::exchange::kEdxmlNamespace &&
         std::string_view(reinterpret_cast<const char*>(node->name)) == local;
}

xmlNode* Child(const xmlNode* parent, std::string_view local) {
  if (parent == nullptr) return nullptr;
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsEdxml(c, local)) return c;
  }
  return nullptr;
}

std::vector<xmlNode*> Children(const xmlNode* parent, std::string_view local) {
  std::vector<xmlNode*> out;
  if (parent == nullptr) return out;
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (IsEdxml(c, local)) out.push_back(c);
  }
  return out;
}

std::string RawText(const xmlNode* node) {
  if (node == nullptr) return {};
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

std::string Text(const xmlNode* node) {
  std::string s = RawText(node);
  std::size_t b = 0, e = s.size();
  while (b < e && IsXmlSpace(s[b])) ++b;
  while (e > b && IsXmlSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

Writer::Writer(xmlDoc* doc, const char* root_name) {
  root_ = xmlNewDocNode(doc, nullptr, X(root_name), nullptr);
  xmlDocSetRootElement(doc, root_);
  const std::string href(core::exchange::kEdxmlNamespace);
  ns_ = xmlNewNs(root_, X(href.c_str()), nullptr);
  xmlSetNs(root_, ns_);
}

xmlNode* Writer::Element(xmlNode* parent, const char* name) {
  return xmlNewChild(parent, ns_, X(name), nullptr);
}

xmlNode* Writer::Leaf(xmlNode* parent, const char* name, std::string_view text) {
  const std::string value(text);
  return xmlNewTextChild(parent, ns_, X(name), X(value.c_str()));
}

}  // namespace egov::exchange::detail
