// Reading and verifying edoc and Status packages (see edxml.hpp).
#include <libxml/tree.h>

#include <set>

#include "exchange/base64.hpp"
#include "exchange/edxml.hpp"
#include "exchange/signature.hpp"
#include "exchange/xml_support.hpp"
#include "exchange/zip.hpp"

namespace egov::exchange {

namespace {

using namespace core::exchange;
using detail::Child;
using detail::Children;
using detail::Text;

std::string Indexed(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// Reads while recording every problem, under field paths from MessageHeader / Status down.
class Reader {
 public:
  explicit Reader(std::vector<Problem>& problems) : problems_(problems) {}

  void Add(std::string field, std::string message) {
    problems_.push_back({std::move(field), std::move(message)});
  }

  // A non-negative integer of at most 9 digits; nullopt when the element is absent or empty.
  std::optional<int> Number(const xmlNode* parent, const char* name, const std::string& field) {
    const std::string text = Text(Child(parent, name));
    if (text.empty()) return std::nullopt;
    bool digits = text.size() <= 9;
    for (char c : text) digits = digits && c >= '0' && c <= '9';
    if (!digits) {
      Add(field, "Trường " + field + " phải là số nguyên không âm.");
      return std::nullopt;
    }
    return std::stoi(text);
  }

  Organization ReadOrganization(const xmlNode* e) {
    Organization o;
    o.organ_id = Text(Child(e, "OrganId"));
    o.organization_in_charge = Text(Child(e, "OrganizationInCharge"));
    o.organ_name = Text(Child(e, "OrganName"));
    o.organ_add = Text(Child(e, "OrganAdd"));
    o.email = Text(Child(e, "Email"));
    o.telephone = Text(Child(e, "Telephone"));
    o.fax = Text(Child(e, "Fax"));
    o.website = Text(Child(e, "Website"));
    return o;
  }

  ResponseFor ReadResponseFor(const xmlNode* e) {
    return {Text(Child(e, "OrganId")), Text(Child(e, "Code")), Text(Child(e, "PromulgationDate")),
            Text(Child(e, "DocumentId"))};
  }

  StaffInfo ReadStaff(const xmlNode* e) {
    return {Text(Child(e, "Department")), Text(Child(e, "Staff")), Text(Child(e, "Mobile")),
            Text(Child(e, "Email"))};
  }

  MessageHeader ReadMessageHeader(const xmlNode* m) {
    MessageHeader h;
    const std::string p = "MessageHeader";
    if (const xmlNode* from = Child(m, "From")) h.from = ReadOrganization(from);
    for (const xmlNode* to : Children(m, "To")) h.to.push_back(ReadOrganization(to));
    h.document_id = Text(Child(m, "DocumentId"));
    const xmlNode* code = Child(m, "Code");
    h.code = {Text(Child(code, "CodeNumber")), Text(Child(code, "CodeNotation"))};
    const xmlNode* promulgation = Child(m, "PromulgationInfo");
    h.promulgation_info = {Text(Child(promulgation, "Place")),
                           Text(Child(promulgation, "PromulgationDate"))};
    const xmlNode* type = Child(m, "DocumentType");
    h.document_type.type = Number(type, "Type", p + ".DocumentType.Type");
    h.document_type.type_detail = Number(type, "TypeDetail", p + ".DocumentType.TypeDetail");
    h.document_type.type_name = Text(Child(type, "TypeName"));
    h.subject = Text(Child(m, "Subject"));
    h.content = Text(Child(m, "Content"));
    const xmlNode* signer = Child(m, "SignerInfo");
    h.signer_info = {Text(Child(signer, "Competence")), Text(Child(signer, "Position")),
                     Text(Child(signer, "FullName"))};
    h.due_date = Text(Child(m, "DueDate"));
    for (const xmlNode* place : Children(Child(m, "ToPlaces"), "Place")) {
      h.to_places.push_back(Text(place));
    }
    const xmlNode* other = Child(m, "OtherInfo");
    const std::string priority = Text(Child(other, "Priority"));
    if (priority.size() == 1 && priority[0] >= '0' && priority[0] <= '4') {
      h.other_info.priority = static_cast<Priority>(priority[0] - '0');
    } else if (!priority.empty()) {
      Add(p + ".OtherInfo.Priority",
          "Độ khẩn (Priority) phải là một chữ số từ 0 đến 4 (0 thường, 1 khẩn, 2 thượng khẩn, "
          "3 hỏa tốc, 4 hỏa tốc hẹn giờ).");
    }
    h.other_info.sphere_of_promulgation = Text(Child(other, "SphereOfPromulgation"));
    h.other_info.typer_notation = Text(Child(other, "TyperNotation"));
    h.other_info.promulgation_amount =
        Number(other, "PromulgationAmount", p + ".OtherInfo.PromulgationAmount");
    h.other_info.page_amount = Number(other, "PageAmount", p + ".OtherInfo.PageAmount");
    for (const xmlNode* a : Children(Child(other, "Appendixes"), "Appendix")) {
      std::string text = Text(a);
      if (!text.empty()) h.other_info.appendixes.push_back(std::move(text));
    }
    for (const xmlNode* r : Children(m, "ResponseFor"))
      h.response_for.push_back(ReadResponseFor(r));
    h.steering_type = Number(m, "SteeringType", p + ".SteeringType");
    return h;
  }

  void ReadTrace(const xmlNode* list, Package& package) {
    if (list == nullptr) return;
    for (const xmlNode* t : Children(list, "TraceHeader")) {
      package.trace.push_back({Text(Child(t, "OrganId")), Text(Child(t, "Timestamp"))});
    }
    // `Bussiness` is the SDKs' spelling, `Business` the word: both are read.
    const xmlNode* b = Child(list, "Bussiness");
    if (b == nullptr) b = Child(list, "Business");
    if (b == nullptr) return;
    const std::string p = "TraceHeaderList.Bussiness";
    package.business.document_id = Text(Child(b, "DocumentId"));
    std::string type = Text(Child(b, "BussinessDocType"));
    if (type.empty()) type = Text(Child(b, "BusinessDocType"));
    if (type.size() == 1 && type[0] >= '0' && type[0] <= '3') {
      package.business.doc_type = static_cast<BusinessDocType>(type[0] - '0');
    } else if (!type.empty()) {
      Add(p + ".BussinessDocType",
          "Loại nghiệp vụ (BussinessDocType) phải là 0 (mới), 1 (thu hồi), 2 (cập nhật) hoặc 3 "
          "(thay thế).");
    }
    package.business.doc_reason = Text(Child(b, "BussinessDocReason"));
    if (package.business.doc_reason.empty()) {
      package.business.doc_reason = Text(Child(b, "BusinessDocReason"));
    }
    package.business.paper = Number(b, "Paper", p + ".Paper");
    for (const xmlNode* s : Children(b, "StaffInfo"))
      package.business.staff.push_back(ReadStaff(s));
  }

  void ReadAttachments(const xmlNode* encoded, Package& package) {
    if (encoded == nullptr) return;
    const auto attachments = Children(encoded, "Attachment");
    if (attachments.size() > kMaxAttachments) {
      Add("AttachmentEncoded",
          "Gói tin có tối đa " + std::to_string(kMaxAttachments) + " tệp đính kèm.");
      return;
    }
    for (std::size_t i = 0; i < attachments.size(); ++i) {
      const xmlNode* e = attachments[i];
      const std::string path = Indexed("AttachmentEncoded.Attachment", i);
      Attachment a;
      a.content_id = Text(Child(e, "ContentId"));
      if (a.content_id.rfind("cid:", 0) == 0) a.content_id.erase(0, 4);
      a.name = Text(Child(e, "AttachmentName"));
      a.description = Text(Child(e, "Description"));
      a.content_type = Text(Child(e, "ContentType"));
      const xmlNode* body = Child(e, "ContentTransferEncoded");
      const std::string field = path + ".ContentTransferEncoded";
      if (body == nullptr) {
        Add(field, "Tệp đính kèm thiếu nội dung (ContentTransferEncoded).");
      } else if (auto zipped = Base64Decode(detail::RawText(body)); !zipped) {
        Add(field, "Nội dung tệp đính kèm không phải base64 hợp lệ.");
      } else {
        auto unzipped = UnzipOne(*zipped, kMaxAttachmentBytes);
        if (auto* reason = std::get_if<std::string>(&unzipped)) {
          Add(field, *reason);
        } else {
          a.bytes = std::move(std::get<UnzippedFile>(unzipped).bytes);
        }
      }
      package.attachments.push_back(std::move(a));
    }
  }

 private:
  std::vector<Problem>& problems_;
};

// Root and envelope checks shared by both kinds; the header, or null with problems added.
const xmlNode* Header(const detail::ReadResult& read, std::vector<Problem>& problems) {
  if (!read.doc) {
    problems.push_back({"edXML", read.error});
    return nullptr;
  }
  const xmlNode* root = xmlDocGetRootElement(read.doc.get());
  const std::string ns(kEdxmlNamespace);
  if (root == nullptr || std::string_view(reinterpret_cast<const char*>(root->name)) != "edXML") {
    problems.push_back({"edXML", "Phần tử gốc của gói tin phải là edXML."});
    return nullptr;
  }
  if (!detail::IsEdxml(root, "edXML")) {
    problems.push_back({"edXML", "Gói tin phải dùng không gian tên " + ns + " (QCVN 102:2016)."});
    return nullptr;
  }
  const xmlNode* envelope = Child(root, "edXMLEnvelope");
  if (envelope == nullptr) {
    problems.push_back({"edXMLEnvelope", "Gói tin thiếu phần tử edXMLEnvelope."});
    return nullptr;
  }
  const xmlNode* header = Child(envelope, "edXMLHeader");
  if (header == nullptr) {
    problems.push_back({"edXMLHeader", "Gói tin thiếu phần tử edXMLHeader."});
  }
  return header;
}

// AttachmentEncoded after the envelope (as the SDKs write it), or inside it or its body.
const xmlNode* AttachmentEncoded(const xmlNode* root) {
  const xmlNode* envelope = Child(root, "edXMLEnvelope");
  for (const xmlNode* parent :
       {root, envelope, static_cast<const xmlNode*>(Child(envelope, "edXMLBody"))}) {
    if (const xmlNode* e = Child(parent, "AttachmentEncoded")) return e;
  }
  return nullptr;
}

// Problems of Validate() not already reported for the same field while reading.
void Merge(std::vector<Problem>& problems, const std::vector<Problem>& more) {
  std::set<std::string> seen;
  for (const auto& p : problems) seen.insert(p.field);
  for (const auto& p : more) {
    if (!seen.count(p.field)) problems.push_back(p);
  }
}

Parsed<Package> ParseRead(const detail::ReadResult& read) {
  Parsed<Package> out;
  const xmlNode* header = Header(read, out.problems);
  if (header == nullptr) return out;
  const xmlNode* message = Child(header, "MessageHeader");
  if (message == nullptr) {
    out.problems.push_back(
        {"MessageHeader", Child(header, "Status") != nullptr
                              ? "Đây là gói tin trạng thái (Status), không phải gói tin văn bản."
                              : "Gói tin thiếu phần tử MessageHeader."});
    return out;
  }
  Reader reader(out.problems);
  Package package;
  package.header = reader.ReadMessageHeader(message);
  reader.ReadTrace(Child(header, "TraceHeaderList"), package);
  reader.ReadAttachments(AttachmentEncoded(xmlDocGetRootElement(read.doc.get())), package);
  Merge(out.problems, Validate(package));
  if (out.problems.empty()) out.value = std::move(package);
  return out;
}

Verification VerifyRead(const detail::ReadResult& read, const TrustStore* trust) {
  if (!read.doc) {
    Verification v;
    v.state = SignatureState::kInvalid;
    v.reason = read.error;
    return v;
  }
  // The sender whose pins apply: From of the MessageHeader, or of the Status.
  const xmlNode* header =
      Child(Child(xmlDocGetRootElement(read.doc.get()), "edXMLEnvelope"), "edXMLHeader");
  const xmlNode* from = Child(Child(header, "MessageHeader"), "From");
  if (from == nullptr) from = Child(Child(header, "Status"), "From");
  return detail::VerifyDocument(read.doc.get(), Text(Child(from, "OrganId")), trust);
}

}  // namespace

Parsed<Package> Parse(std::string_view xml) { return ParseRead(detail::ReadXml(xml)); }

Received ParseAndVerify(std::string_view xml, const TrustStore* trust) {
  const detail::ReadResult read = detail::ReadXml(xml);
  // Verify first: reading the model does not change the tree, but the signature is checked on
  // the document exactly as parsed.
  Received out;
  out.signature = VerifyRead(read, trust);
  out.package = ParseRead(read);
  return out;
}

Parsed<StatusPackage> ParseStatus(std::string_view xml) {
  Parsed<StatusPackage> out;
  detail::ReadResult read = detail::ReadXml(xml);
  const xmlNode* header = Header(read, out.problems);
  if (header == nullptr) return out;
  const xmlNode* s = Child(header, "Status");
  if (s == nullptr) {
    out.problems.push_back(
        {"Status", Child(header, "MessageHeader") != nullptr
                       ? "Đây là gói tin văn bản (MessageHeader), không phải gói tin trạng thái."
                       : "Gói tin thiếu phần tử Status."});
    return out;
  }
  Reader reader(out.problems);
  StatusPackage status;
  status.response_for = reader.ReadResponseFor(Child(s, "ResponseFor"));
  status.from = reader.ReadOrganization(Child(s, "From"));
  const std::string code = Text(Child(s, "StatusCode"));
  if (auto parsed = ParseStatusCode(code)) {
    status.status_code = *parsed;
  } else {
    out.problems.push_back(
        {"Status.StatusCode",
         code.empty() ? "Trường Status.StatusCode là bắt buộc."
                      : "Mã trạng thái \"" + code.substr(0, 10) +
                            "\" không thuộc danh mục: 01, 02, 03, 04, 05, 06, 13, 15, 16."});
  }
  status.description = Text(Child(s, "Description"));
  status.timestamp = Text(Child(s, "Timestamp"));
  status.staff_info = reader.ReadStaff(Child(s, "StaffInfo"));
  Merge(out.problems, Validate(status));
  if (out.problems.empty()) out.value = std::move(status);
  return out;
}

Verification Verify(std::string_view xml, const TrustStore* trust) {
  return VerifyRead(detail::ReadXml(xml), trust);
}

}  // namespace egov::exchange
