// Export and import of official documents as edXML packages (CONTRACT.md "Exchange";
// docs/exchange.md, "The routes"): an issued outgoing document with its sealed file, signed
// with the agency's exchange key; a received package registered as an incoming document of
// the clerk's agency, its attachments becoming the document's files.
#include <algorithm>

#include "core/calendar/date.hpp"
#include "core/exchange/edxml_model.hpp"
#include "core/refined_error.hpp"
#include "core/text/fold.hpp"
#include "exchange/edxml.hpp"
#include "service/document/context.hpp"
#include "service/document/documents.hpp"
#include "service/document/exchange_keys.hpp"
#include "service/security/crypto.hpp"
#include "store/access/users.hpp"
#include "store/document/exchanges.hpp"
#include "store/errors.hpp"
#include "store/seal/seals.hpp"

namespace egov::service::document {

using core::document::Direction;
using core::document::Document;
using core::document::Status;
namespace edxml = core::exchange;

namespace {

// "2026-03-02" ↔ "2026/03/02".
std::string EdxmlDateOf(const std::string& iso) {
  std::string out = iso;
  std::replace(out.begin(), out.end(), '-', '/');
  return out;
}
std::string IsoDateOf(const std::string& edxml_date) {
  std::string out = edxml_date;
  std::replace(out.begin(), out.end(), '/', '-');
  return out;
}

edxml::Priority PriorityOf(core::document::Urgency u) {
  using U = core::document::Urgency;
  switch (u) {
    case U::kKhan: return edxml::Priority::kUrgent;
    case U::kThuongKhan: return edxml::Priority::kVeryUrgent;
    case U::kHoaToc: return edxml::Priority::kFlash;
    case U::kNormal: break;
  }
  return edxml::Priority::kNormal;
}
core::document::Urgency UrgencyOf(edxml::Priority p) {
  using U = core::document::Urgency;
  switch (p) {
    case edxml::Priority::kUrgent: return U::kKhan;
    case edxml::Priority::kVeryUrgent: return U::kThuongKhan;
    case edxml::Priority::kFlash:
    case edxml::Priority::kFlashTimed: return U::kHoaToc;
    case edxml::Priority::kNormal: break;
  }
  return U::kNormal;
}

// The type of a received document: the type whose name is the package's TypeName, else the
// abbreviation that starts its CodeNotation ("QĐ-UBND"), else a công văn (whose notation
// starts with the issuer's abbreviation, "UBND-VP").
std::string TypeOf(const core::document::TypeCatalog& types, const edxml::MessageHeader& h) {
  const std::string name = core::text::Fold(core::text::NormalizeSpaces(h.document_type.type_name));
  if (!name.empty()) {
    for (const auto& t : types.types()) {
      if (core::text::Fold(t.name) == name) return t.abbreviation;
    }
  }
  const std::string& notation = h.code.code_notation;
  const std::string first = notation.substr(0, notation.find('-'));
  if (types.Find(first)) return first;
  return std::string(core::document::kCongVan);
}

std::string Joined(std::initializer_list<const std::string*> parts) {
  std::string out;
  for (const auto* p : parts) {
    if (p->empty()) continue;
    if (!out.empty()) out += " ";
    out += *p;
  }
  return out;
}

// The text of the first problems, for the message (the details name every field).
Error Refusal(const std::vector<edxml::Problem>& problems) {
  std::map<std::string, std::string> details;
  for (const auto& p : problems) details.emplace(p.field, p.message);
  std::string message = "Gói tin edXML không hợp lệ: " + problems.front().message;
  if (problems.size() > 1) {
    message += " (và " + std::to_string(problems.size() - 1) + " lỗi khác)";
  }
  return Error(ErrorCode::kValidationFailed, message, "edxml: refused package", std::move(details));
}

}  // namespace

Documents::Export Documents::ExportEdxml(const core::access::Caller& caller, std::int64_t id) {
  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  const Document d = Visible(s, ctx, id);
  if (d.direction != Direction::kOutgoing ||
      (d.status != Status::kIssued && d.status != Status::kSent) || !d.number_notation) {
    throw Error(ErrorCode::kConflict, "Chỉ văn bản đi đã ban hành mới xuất được gói tin edXML.");
  }
  if (core::document::IsSecret(d.secrecy)) {
    throw Error(ErrorCode::kConflict,
                "Văn bản mật không được gửi qua trục liên thông văn bản (edXML).");
  }
  const auto seal = store::seal::FindSealOf(s, core::seal::Kind::kDocument, std::to_string(d.id));
  const auto recipients = store::document::ListRecipients(s, id);
  if (recipients.empty()) throw Error(ErrorCode::kConflict, "Văn bản chưa có nơi nhận.");
  const exchange::SigningKey* key = exchange_keys_ ? exchange_keys_->Find(d.agency_code) : nullptr;
  if (!key) {
    throw Error(ErrorCode::kConflict,
                "Cơ quan " + d.agency_name + " (" + d.agency_code +
                    ") chưa có khóa ký gói tin trao đổi (edXML); quản trị hệ thống cần đặt "
                    "khóa và chứng thư số vào thư mục [exchange] keys_dir.",
                "edxml: no exchange key for " + d.agency_code);
  }

  edxml::Package p;
  auto& h = p.header;
  h.from.organ_id = d.agency_code;
  h.from.organ_name = d.agency_name;
  for (const auto& r : recipients) {
    edxml::Organization to;
    to.organ_id = r.agency_code;
    to.organ_name = r.agency_name;
    h.to.push_back(std::move(to));
    h.to_places.push_back(r.agency_name);
  }
  const auto slash = d.number_notation->find('/');
  h.code.code_number = d.number_notation->substr(0, slash);
  h.code.code_notation = slash == std::string::npos ? "" : d.number_notation->substr(slash + 1);
  h.promulgation_info.promulgation_date = EdxmlDateOf(d.issued_on.value_or(""));
  const auto* type = types_.Find(d.type);
  h.document_type.type_name = type ? type->name : d.type;
  h.subject = d.subject;
  h.content = d.content;
  if (d.signed_by) {
    auto signer = store::access::FindUserByUsername(s, *d.signed_by);
    h.signer_info.full_name = signer ? signer->full_name : *d.signed_by;
  }
  if (d.due_on) h.due_date = EdxmlDateOf(*d.due_on);
  h.other_info.priority = PriorityOf(d.urgency);
  h.other_info.page_amount = d.pages;
  h.document_id = edxml::EffectiveDocumentId(h);
  p.business.document_id = h.document_id;
  p.trace.push_back({d.agency_code, edxml::EdxmlTimestamp(clock_.NowMillis())});
  // The sealed file (its seal's hash), else every file of the document.
  for (const auto& f : store::document::ListFiles(s, id)) {
    if (seal && f.sha256 != seal->sha256) continue;
    auto bytes = files_.Get(f.sha256);
    if (!bytes) throw std::runtime_error("document file missing from the file store: " + f.sha256);
    edxml::Attachment a;
    a.name = f.file_name.empty() ? FileNameOf(*d.number_notation) : f.file_name;
    a.content_type = f.mime_type;
    a.description = seal ? "Tệp văn bản đã đóng dấu số" : "";
    a.bytes = std::move(*bytes);
    p.attachments.push_back(std::move(a));
    if (seal) break;
  }
  return {exchange::Build(p, key), FileNameOf(*d.number_notation) + ".edxml"};
}

DocumentView Documents::ImportEdxml(const core::access::Caller& caller, std::string_view xml) {
  core::access::RequireAnyRole(caller, {core::access::Role::kClerk});
  static const exchange::TrustStore kNoPins;
  const auto received =
      exchange::ParseAndVerify(xml, exchange_keys_ ? &exchange_keys_->trust() : &kNoPins);
  if (!received.package.ok()) throw Refusal(received.package.problems);
  if (received.signature.state == exchange::SignatureState::kInvalid) {
    throw SignatureInvalid("Chữ ký số của gói tin không hợp lệ: " + received.signature.reason,
                           "edxml: signature invalid");
  }
  const auto& package = *received.package.value;
  const auto& h = package.header;
  const auto now = clock_.NowMillis();
  const auto today = core::calendar::FromUtcMillis(now).date;

  Document d;
  d.direction = Direction::kIncoming;
  d.status = Status::kRegistered;
  d.issuer_name =
      Clean("MessageHeader.From.OrganName", h.from.organ_name, 200, "Tên cơ quan ban hành", true);
  d.issuer_code = h.from.organ_id;
  d.number_notation = h.code.code_number + "/" + h.code.code_notation;
  d.issued_on = IsoDateOf(h.promulgation_info.promulgation_date);
  if (core::calendar::ParseIsoDate(*d.issued_on) > today) {
    throw FieldError("MessageHeader.PromulgationInfo.PromulgationDate",
                     "ngày ban hành không thể sau ngày văn bản đến.");
  }
  d.type = TypeOf(types_, h);
  d.subject = Clean("MessageHeader.Subject", h.subject, 500, "Trích yếu", true);
  d.urgency = UrgencyOf(h.other_info.priority);
  if (h.other_info.page_amount && *h.other_info.page_amount >= 1 &&
      *h.other_info.page_amount <= 10000) {
    d.pages = h.other_info.page_amount;
  }
  if (!h.due_date.empty()) d.due_on = IsoDateOf(h.due_date);
  d.signer_info =
      Clean("MessageHeader.SignerInfo",
            Joined({&h.signer_info.competence, &h.signer_info.position, &h.signer_info.full_name}),
            200, "Người ký", false);
  d.content = CleanContent(h.content, "MessageHeader.Content");
  d.arrived_at = now;
  d.created_by = caller.username;
  d.created_at = d.updated_at = now;

  // The attachments become the document's files (content-addressed, stored before the
  // transaction like uploads). PDF, JPEG and PNG keep their type; any other file (a .docx
  // appendix) is kept as application/octet-stream: downloaded, never shown inline.
  std::vector<core::document::File> files;
  for (std::size_t i = 0; i < package.attachments.size(); ++i) {
    const auto& a = package.attachments[i];
    if (a.bytes.size() > kMaxFileBytes) {
      throw FieldError("AttachmentEncoded.Attachment[" + std::to_string(i) + "]",
                       "tệp đính kèm vượt quá 10 MiB.");
    }
    std::string mime = store::SniffMimeType(a.bytes);
    if (mime != "application/pdf" && mime != "image/jpeg" && mime != "image/png") {
      mime = "application/octet-stream";
    }
    core::document::File f{
        security::Sha256Hex(a.bytes),
        mime,
        static_cast<std::int64_t>(a.bytes.size()),
        Clean("AttachmentEncoded.Attachment[" + std::to_string(i) + "].AttachmentName", a.name, 255,
              "Tên tệp", false),
        now,
        caller.username};
    files_.Put(f.sha256, a.bytes);
    files.push_back(std::move(f));
  }

  store::document::ExchangeRecord record;
  record.package_sha256 = security::Sha256Hex(xml);
  record.edxml_document_id = edxml::EffectiveDocumentId(h);
  record.signed_ = received.signature.state == exchange::SignatureState::kValid;
  record.pinned = received.signature.pinned;
  record.certificate_subject = received.signature.certificate_subject;
  record.certificate_sha256 = received.signature.certificate_sha256;
  record.imported_at = now;
  record.imported_by = caller.username;

  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  d.agency_id = ctx.organ.id;
  record.agency_id = ctx.organ.id;
  const auto derived = DerivedOf(d);
  {
    store::WriteTransaction tx(db_);
    if (auto same = store::document::FindImportedPackage(tx.session(), d.agency_id,
                                                         record.package_sha256)) {
      throw Error(ErrorCode::kConflict,
                  "Gói tin này đã được nhận (văn bản mã " + std::to_string(*same) + ").",
                  "edxml: same package", {{"duplicate_of", std::to_string(*same)}});
    }
    if (auto duplicate =
            store::document::FindDuplicate(tx.session(), d.agency_id, derived.notation_folded,
                                           d.issuer_code, derived.issuer_folded, 0)) {
      throw Error(ErrorCode::kConflict,
                  "Văn bản " + *d.number_notation + " của " + d.issuer_name +
                      " đã được vào sổ (văn bản mã " + std::to_string(*duplicate) + ").",
                  "edxml: likely duplicate", {{"duplicate_of", std::to_string(*duplicate)}});
    }
    d.incoming_year = today.year;
    d.incoming_number = store::document::NextNumber(tx, d.agency_id, today.year,
                                                    std::string(core::document::kIncomingSeries));
    d.id = store::document::Insert(tx, d, derived);
    for (const auto& f : files) store::document::InsertFile(tx, d.id, f);
    record.document_id = d.id;
    try {
      store::document::InsertExchange(tx, record);
    } catch (const store::UniqueViolation&) {  // the same package, imported at this instant
      throw Error(ErrorCode::kConflict, "Gói tin này đã được nhận.", "edxml: same package");
    }
    store::document::InsertEvent(
        tx, d.id,
        {now, core::document::Action::kRegister, caller.username, caller.agency_code, std::nullopt,
         Status::kRegistered,
         std::string("Nhận gói tin edXML ") +
             (record.signed_ ? (record.pinned ? "có chữ ký số hợp lệ (chứng thư đã đăng ký)."
                                              : "có chữ ký số hợp lệ (chứng thư chưa đăng ký).")
                             : "không có chữ ký số.")});
    tx.Commit();
  }
  return View(s, ctx, *store::document::Find(s, d.id));
}

}  // namespace egov::service::document
