// Writing edoc and Status packages (see edxml.hpp). The tree is built unsigned, written with
// indentation, read back and only then signed, so that the signed bytes are exactly the text
// a receiver parses.
#include <libxml/tree.h>

#include <stdexcept>

#include "core/error.hpp"
#include "exchange/base64.hpp"
#include "exchange/edxml.hpp"
#include "exchange/signature.hpp"
#include "exchange/xml_support.hpp"
#include "exchange/zip.hpp"

namespace egov::exchange {

namespace {

using namespace core::exchange;
using detail::Writer;

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

constexpr const char* kXlinkNamespace = "http://www.w3.org/1999/xlink";

[[noreturn]] void Refuse(const std::vector<Problem>& problems) {
  std::map<std::string, std::string> fields;
  for (const auto& p : problems) fields.emplace(p.field, p.message);
  throw Error(ErrorCode::kValidationFailed, "Gói tin edXML không hợp lệ: " + problems[0].message,
              "edxml build: " + problems[0].field, std::move(fields));
}

void WriteOrganization(Writer& w, xmlNode* parent, const char* name, const Organization& o) {
  xmlNode* e = w.Element(parent, name);
  w.Leaf(e, "OrganId", o.organ_id);
  w.Leaf(e, "OrganizationInCharge", o.organization_in_charge);
  w.Leaf(e, "OrganName", o.organ_name);
  w.Leaf(e, "OrganAdd", o.organ_add);
  w.Leaf(e, "Email", o.email);
  w.Leaf(e, "Telephone", o.telephone);
  w.Leaf(e, "Fax", o.fax);
  w.Leaf(e, "Website", o.website);
}

void WriteResponseFor(Writer& w, xmlNode* parent, const ResponseFor& r) {
  xmlNode* e = w.Element(parent, "ResponseFor");
  w.Leaf(e, "OrganId", r.organ_id);
  w.Leaf(e, "Code", r.code);
  w.Leaf(e, "PromulgationDate", r.promulgation_date);
  w.Leaf(e, "DocumentId", r.document_id);
}

void WriteStaff(Writer& w, xmlNode* parent, const StaffInfo& s) {
  xmlNode* e = w.Element(parent, "StaffInfo");
  w.Leaf(e, "Department", s.department);
  w.Leaf(e, "Staff", s.staff);
  w.Leaf(e, "Mobile", s.mobile);
  w.Leaf(e, "Email", s.email);
}

void WriteNumber(Writer& w, xmlNode* parent, const char* name, const std::optional<int>& value) {
  if (value) w.Leaf(parent, name, std::to_string(*value));
}

void WriteMessageHeader(Writer& w, xmlNode* parent, const MessageHeader& h) {
  xmlNode* m = w.Element(parent, "MessageHeader");
  WriteOrganization(w, m, "From", h.from);
  for (const auto& to : h.to) WriteOrganization(w, m, "To", to);
  w.Leaf(m, "DocumentId", h.document_id);
  xmlNode* code = w.Element(m, "Code");
  w.Leaf(code, "CodeNumber", h.code.code_number);
  w.Leaf(code, "CodeNotation", h.code.code_notation);
  xmlNode* promulgation = w.Element(m, "PromulgationInfo");
  w.Leaf(promulgation, "Place", h.promulgation_info.place);
  w.Leaf(promulgation, "PromulgationDate", h.promulgation_info.promulgation_date);
  xmlNode* type = w.Element(m, "DocumentType");
  WriteNumber(w, type, "Type", h.document_type.type);
  WriteNumber(w, type, "TypeDetail", h.document_type.type_detail);
  w.Leaf(type, "TypeName", h.document_type.type_name);
  w.Leaf(m, "Subject", h.subject);
  w.Leaf(m, "Content", h.content);
  xmlNode* signer = w.Element(m, "SignerInfo");
  w.Leaf(signer, "Competence", h.signer_info.competence);
  w.Leaf(signer, "Position", h.signer_info.position);
  w.Leaf(signer, "FullName", h.signer_info.full_name);
  w.Leaf(m, "DueDate", h.due_date);
  xmlNode* places = w.Element(m, "ToPlaces");
  for (const auto& place : h.to_places) w.Leaf(places, "Place", place);
  xmlNode* other = w.Element(m, "OtherInfo");
  w.Leaf(other, "Priority", std::to_string(static_cast<int>(h.other_info.priority)));
  w.Leaf(other, "SphereOfPromulgation", h.other_info.sphere_of_promulgation);
  w.Leaf(other, "TyperNotation", h.other_info.typer_notation);
  WriteNumber(w, other, "PromulgationAmount", h.other_info.promulgation_amount);
  WriteNumber(w, other, "PageAmount", h.other_info.page_amount);
  xmlNode* appendixes = w.Element(other, "Appendixes");
  for (const auto& a : h.other_info.appendixes) w.Leaf(appendixes, "Appendix", a);
  for (const auto& r : h.response_for) WriteResponseFor(w, m, r);
  WriteNumber(w, m, "SteeringType", h.steering_type);
}

void WriteTrace(Writer& w, xmlNode* parent, const Package& p) {
  xmlNode* list = w.Element(parent, "TraceHeaderList");
  for (const auto& t : p.trace) {
    xmlNode* e = w.Element(list, "TraceHeader");
    w.Leaf(e, "OrganId", t.organ_id);
    w.Leaf(e, "Timestamp", t.timestamp);
  }
  // Spelt as the standard's SDKs spell it; readers accept both.
  xmlNode* b = w.Element(list, "Bussiness");
  w.Leaf(b, "DocumentId", p.business.document_id);
  w.Leaf(b, "BussinessDocType", std::to_string(static_cast<int>(p.business.doc_type)));
  w.Leaf(b, "BussinessDocReason", p.business.doc_reason);
  WriteNumber(w, b, "Paper", p.business.paper);
  for (const auto& s : p.business.staff) WriteStaff(w, b, s);
}

std::string ContentIdOf(const Attachment& a, std::size_t index) {
  return a.content_id.empty() ? std::to_string(index + 1) : a.content_id;
}

void WriteBody(Writer& w, xmlNode* envelope, const Package& p) {
  xmlNode* body = w.Element(envelope, "edXMLBody");
  xmlNode* manifest = w.Element(body, "edXMLManifest");
  xmlNewProp(manifest, X("version"), X("1.0"));
  for (std::size_t i = 0; i < p.attachments.size(); ++i) {
    const Attachment& a = p.attachments[i];
    const std::string cid = "cid:" + ContentIdOf(a, i);
    xmlNode* ref = w.Element(manifest, "Reference");
    xmlNs* xlink = xmlNewNs(ref, X(kXlinkNamespace), X("xlink"));
    xmlNewNsProp(ref, xlink, X("href"), X(cid.c_str()));
    xmlNewNsProp(ref, xlink, X("type"), X("simple"));
    w.Leaf(ref, "ContentId", cid);
    w.Leaf(ref, "ContentType", a.content_type);
    w.Leaf(ref, "AttachmentName", a.name);
    w.Leaf(ref, "Description", a.description);
  }
}

void WriteAttachments(Writer& w, const Package& p) {
  if (p.attachments.empty()) return;
  xmlNode* encoded = w.Element(w.root(), "AttachmentEncoded");
  for (std::size_t i = 0; i < p.attachments.size(); ++i) {
    const Attachment& a = p.attachments[i];
    xmlNode* e = w.Element(encoded, "Attachment");
    w.Leaf(e, "ContentId", ContentIdOf(a, i));
    w.Leaf(e, "AttachmentName", a.name);
    w.Leaf(e, "Description", a.description);
    w.Leaf(e, "ContentType", a.content_type);
    w.Leaf(e, "ContentTransferEncoded", Base64Encode(ZipOne(a.name, a.bytes)));
  }
}

// Indented text of `doc`, signed when `key` is set: the Signature template goes at the end
// of `header` before indenting; the text is read back and the template signed there.
std::string Finish(xmlDoc* doc, xmlNode* header, const SigningKey* key) {
  if (key == nullptr) return detail::WriteXml(doc, true);
  detail::AddSignatureTemplate(doc, header);
  const std::string text = detail::WriteXml(doc, true);
  detail::ReadResult reread = detail::ReadXml(text);
  if (!reread.doc) throw std::runtime_error("edxml: cannot read back a built package");
  detail::SignTemplate(reread.doc.get(), *key);
  return detail::WriteXml(reread.doc.get(), false);
}

}  // namespace

std::string Build(const Package& package, const SigningKey* key) {
  if (auto problems = Validate(package); !problems.empty()) Refuse(problems);
  detail::EnsureInitialized();
  detail::DocPtr doc(xmlNewDoc(X("1.0")));
  Writer w(doc.get(), "edXML");
  xmlNode* envelope = w.Element(w.root(), "edXMLEnvelope");
  xmlNode* header = w.Element(envelope, "edXMLHeader");
  WriteMessageHeader(w, header, package.header);
  WriteTrace(w, header, package);
  WriteBody(w, envelope, package);
  WriteAttachments(w, package);
  return Finish(doc.get(), header, key);
}

std::string BuildStatus(const StatusPackage& status, const SigningKey* key) {
  if (auto problems = Validate(status); !problems.empty()) Refuse(problems);
  detail::EnsureInitialized();
  detail::DocPtr doc(xmlNewDoc(X("1.0")));
  Writer w(doc.get(), "edXML");
  xmlNode* envelope = w.Element(w.root(), "edXMLEnvelope");
  xmlNode* header = w.Element(envelope, "edXMLHeader");
  xmlNode* s = w.Element(header, "Status");
  WriteResponseFor(w, s, status.response_for);
  WriteOrganization(w, s, "From", status.from);
  w.Leaf(s, "StatusCode", Name(status.status_code));
  w.Leaf(s, "Description", status.description);
  w.Leaf(s, "Timestamp", status.timestamp);
  WriteStaff(w, s, status.staff_info);
  return Finish(doc.get(), header, key);
}

}  // namespace egov::exchange
