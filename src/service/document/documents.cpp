// Official documents: registration, drafting, reading, search, tasks and files (see
// documents.hpp; the actions are in actions.cpp).
#include "service/document/documents.hpp"

#include <boost/describe/class.hpp>

#include "core/calendar/date.hpp"
#include "core/embedded.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"
#include "core/text/highlight.hpp"
#include "json/read.hpp"
#include "service/document/context.hpp"
#include "service/security/crypto.hpp"
#include "store/access/agencies.hpp"
#include "store/seal/seals.hpp"

EGOV_EMBEDDED_SET(document_data)

namespace egov::service::document {

using core::document::Direction;
using core::document::Document;
using core::document::Status;

namespace {

struct TypeEntry {
  std::string abbreviation;
  std::string name;
  bool normative_allowed = false;
};
BOOST_DESCRIBE_STRUCT(TypeEntry, (), (abbreviation, name, normative_allowed))
constexpr auto JsonRules(json::For<TypeEntry>) {
  return std::to_array<json::FieldRule>({{"normative_allowed", {.optional = true}}});
}
struct TypesFile {
  std::string source;
  std::vector<TypeEntry> types;
};
BOOST_DESCRIBE_STRUCT(TypesFile, (), (source, types))
constexpr auto JsonRules(json::For<TypesFile>) {
  return std::to_array<json::FieldRule>({{"types", {.max_items = 100}}});
}

}  // namespace

core::document::TypeCatalog LoadTypes() {
  for (const auto& file : embedded::document_data_files()) {
    if (!file.path.ends_with("types.json")) continue;
    auto parsed = json::ReadStored<TypesFile>(file.bytes, file.path, {.max_chars = 2000});
    std::vector<core::document::DocumentType> types;
    for (auto& t : parsed.types) {
      types.push_back({std::move(t.abbreviation), std::move(t.name), t.normative_allowed});
    }
    return core::document::TypeCatalog(std::move(types));
  }
  throw std::runtime_error("data/documents/types.json is not compiled in");
}

store::document::Derived DerivedOf(const Document& d) {
  store::document::Derived out;
  const std::string notation = d.number_notation.value_or("");
  for (char c : core::text::Fold(notation)) {
    if (c != ' ') out.notation_folded.push_back(c);
  }
  out.issuer_folded = core::text::Fold(core::text::NormalizeSpaces(d.issuer_name));
  out.search_text = core::text::Fold(notation + " \n" + d.subject + " \n" + d.issuer_name + " \n" +
                                     d.issuer_code + " \n" + d.content);
  return out;
}

Documents::Documents(store::Database& db, const core::Clock& clock, store::FileStore& files,
                     core::document::TypeCatalog types, seal::SignerSource& signers,
                     const std::string& public_base_url, ExchangeKeys* exchange_keys)
    : db_(db),
      clock_(clock),
      files_(files),
      types_(std::move(types)),
      seals_(db, clock, signers),
      public_base_url_(public_base_url),
      exchange_keys_(exchange_keys) {}

Documents::Context Documents::ContextOf(store::Session& session,
                                        const core::access::Caller& caller) const {
  return MakeContext(session, caller);
}

core::document::Actor Documents::ActorOf(
    const Context& ctx, const Document& d,
    const std::vector<core::document::Assignment>& assignments) const {
  core::document::Actor a;
  a.clerk = ctx.clerk && ctx.organ.id == d.agency_id;
  a.leader = ctx.leader && ctx.organ.id == d.agency_id;
  a.drafter = d.drafted_by == ctx.caller.username;
  const bool leads_units = ctx.caller.Has(core::access::Role::kLeader);
  for (const auto& x : assignments) {
    const bool of_my_unit = x.agency_id && *x.agency_id == ctx.caller.agency_id;
    if (of_my_unit && leads_units && x.kind != core::document::AssignmentKind::kInform) {
      a.unit_leader = true;
    }
    // A unit's part handed to one officer: that officer and the unit's leaders handle it.
    const bool mine = (x.username && *x.username == ctx.caller.username) ||
                      (of_my_unit && (!x.assigned_user || *x.assigned_user == ctx.caller.username ||
                                      leads_units));
    if (!mine) continue;
    if (x.kind == core::document::AssignmentKind::kLead) a.lead = true;
    if (x.kind == core::document::AssignmentKind::kCoOp) a.co_op = true;
  }
  return a;
}

Document Documents::Visible(store::Session& session, const Context& ctx, std::int64_t id) const {
  auto d = store::document::Find(session, id);
  if (!d || !store::document::IsVisible(session, id, ctx.viewer)) throw NotFound();
  return *d;
}

DocumentView Documents::View(store::Session& session, const Context& ctx, const Document& d) const {
  DocumentView v;
  v.document = d;
  if (const auto* t = types_.Find(d.type)) v.type_name = t->name;
  v.events = store::document::ListEvents(session, d.id);
  v.assignments = store::document::ListAssignments(session, d.id);
  v.recipients = store::document::ListRecipients(session, d.id);
  v.files = store::document::ListFiles(session, d.id);
  if (d.direction == Direction::kIncoming && d.status != Status::kArrived) {
    const auto derived = DerivedOf(d);
    v.duplicate_of = store::document::FindDuplicate(session, d.agency_id, derived.notation_folded,
                                                    d.issuer_code, derived.issuer_folded, d.id);
  }
  bool recall_pending = false;
  if (d.source_document_id) {
    auto delivery = store::document::FindDelivery(session, d.id);
    recall_pending =
        delivery && delivery->status == core::document::DeliveryStatus::kRecallRequested;
  }
  v.allowed_actions =
      core::document::AllowedActions(d.status, ActorOf(ctx, d, v.assignments), recall_pending);
  v.overdue = IsOverdue(d, clock_.NowMillis());
  if (d.direction == Direction::kOutgoing && d.number_notation) {
    v.seal = store::seal::FindSealOf(session, core::seal::Kind::kDocument, std::to_string(d.id));
    if (v.seal) v.verify_url = public_base_url_ + "/xac-thuc/" + v.seal->token;
  }
  if (d.direction == Direction::kIncoming)
    v.exchange = store::document::FindExchange(session, d.id);
  return v;
}

DocumentView Documents::RegisterIncoming(const core::access::Caller& caller,
                                         const IncomingInput& in) {
  core::access::RequireAnyRole(caller, {core::access::Role::kClerk});
  Document d;
  d.direction = Direction::kIncoming;
  d.status = Status::kRegistered;
  d.issuer_name = Clean("issuer_name", in.issuer_name, 200, "Tên cơ quan ban hành", true);
  d.issuer_code = Clean("issuer_code", in.issuer_code, 35, "Mã cơ quan ban hành", false);
  d.number_notation = Clean("number_notation", in.number_notation, 42, "Số, ký hiệu", true);
  const auto now = clock_.NowMillis();
  const auto today = core::calendar::FromUtcMillis(now).date;
  d.issued_on = CheckDate("issued_on", in.issued_on, true);
  if (core::calendar::ParseIsoDate(*d.issued_on) > today) {
    throw FieldError("issued_on", "ngày ban hành không thể sau ngày văn bản đến.");
  }
  d.type = CheckType(types_, in.type, false);
  d.subject = Clean("subject", in.subject, 500, "Trích yếu", true);
  d.urgency = ParseUrgencyField(in.urgency);
  d.secrecy = ParseSecrecyField(in.secrecy);
  d.pages = CheckPages(in.pages);
  if (!in.due_on.empty()) d.due_on = CheckDate("due_on", in.due_on, false);
  d.signer_info = Clean("signer_info", in.signer_info, 200, "Người ký", false);
  d.content = CleanContent(in.content);
  d.arrived_at = now;
  d.created_by = caller.username;
  d.created_at = d.updated_at = now;
  const auto derived = DerivedOf(d);

  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  d.agency_id = ctx.organ.id;
  core::document::Event event{now,
                              core::document::Action::kRegister,
                              caller.username,
                              caller.agency_code,
                              std::nullopt,
                              Status::kRegistered,
                              ""};
  {
    store::WriteTransaction tx(db_);
    // The duplicate rule is read inside the writing transaction: on SQLite two registrations
    // of the same document are serialised, so the second sees the first.
    auto duplicate =
        store::document::FindDuplicate(tx.session(), d.agency_id, derived.notation_folded,
                                       d.issuer_code, derived.issuer_folded, 0);
    if (duplicate && !in.confirm_duplicate) {
      throw Error(ErrorCode::kConflict,
                  "Văn bản " + *d.number_notation + " của " + d.issuer_name +
                      " đã được vào sổ (văn bản mã " + std::to_string(*duplicate) +
                      "); nếu đây là văn bản khác, gửi lại với \"confirm_duplicate\": true.",
                  "likely duplicate", {{"duplicate_of", std::to_string(*duplicate)}});
    }
    d.incoming_year = today.year;
    d.incoming_number = store::document::NextNumber(tx, d.agency_id, today.year,
                                                    std::string(core::document::kIncomingSeries));
    d.id = store::document::Insert(tx, d, derived);
    store::document::InsertEvent(tx, d.id, event);
    tx.Commit();
  }
  return View(s, ctx, *store::document::Find(s, d.id));
}

DocumentView Documents::DraftOutgoing(const core::access::Caller& caller, const OutgoingInput& in) {
  using core::access::Role;
  core::access::RequireAnyRole(
      caller, {Role::kAdmin, Role::kReception, Role::kSpecialist, Role::kLeader, Role::kClerk});
  Document d;
  d.direction = Direction::kOutgoing;
  d.status = Status::kDraft;
  d.type = CheckType(types_, in.type, in.normative);
  d.normative = in.normative;
  d.subject = Clean("subject", in.subject, 500, "Trích yếu", true);
  d.content = CleanContent(in.content);
  d.urgency = ParseUrgencyField(in.urgency);
  d.secrecy = ParseSecrecyField(in.secrecy);
  if (d.normative && core::document::IsSecret(d.secrecy)) {
    throw FieldError("secrecy", "văn bản quy phạm pháp luật không được đóng dấu mật.");
  }
  d.pages = CheckPages(in.pages);
  if (!in.due_on.empty()) d.due_on = CheckDate("due_on", in.due_on, false);
  if (in.recipients.size() > 100) throw FieldError("recipients", "tối đa 100 nơi nhận.");
  const auto now = clock_.NowMillis();
  d.drafting_unit_id = caller.agency_id;
  d.drafted_by = caller.username;
  d.created_by = caller.username;
  d.created_at = d.updated_at = now;

  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  d.agency_id = ctx.organ.id;
  std::vector<std::int64_t> recipients;
  for (std::size_t i = 0; i < in.recipients.size(); ++i) {
    const std::string field = "recipients[" + std::to_string(i) + "]";
    auto agency = store::access::FindAgencyByCode(s, in.recipients[i]);
    if (!agency) throw FieldError(field, "không tìm thấy cơ quan " + in.recipients[i] + ".");
    if (!IsDocumentAgency(*agency)) {
      throw FieldError(field,
                       agency->name + " là đơn vị trực thuộc, không phải cơ quan nhận văn bản.");
    }
    if (agency->id == d.agency_id) {
      throw FieldError(field, "không gửi văn bản cho chính cơ quan ban hành.");
    }
    for (auto id : recipients) {
      if (id == agency->id) throw FieldError(field, "nơi nhận bị trùng.");
    }
    recipients.push_back(agency->id);
  }
  core::document::Event event{now,
                              core::document::Action::kDraft,
                              caller.username,
                              caller.agency_code,
                              std::nullopt,
                              Status::kDraft,
                              ""};
  {
    store::WriteTransaction tx(db_);
    d.id = store::document::Insert(tx, d, DerivedOf(d));
    for (auto id : recipients) store::document::InsertRecipient(tx, d.id, id);
    store::document::InsertEvent(tx, d.id, event);
    tx.Commit();
  }
  return View(s, ctx, *store::document::Find(s, d.id));
}

DocumentView Documents::Get(const core::access::Caller& caller, std::int64_t id) const {
  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  return View(s, ctx, Visible(s, ctx, id));
}

ListResult Documents::List(const core::access::Caller& caller, const ListQuery& q) const {
  store::document::ListFilter f;
  const std::string query = Clean("q", q.q, 200, "Từ khóa", false);
  std::string word;
  for (char c : core::text::Fold(query) + " ") {
    if (c != ' ') {
      word.push_back(c);
    } else if (!word.empty()) {
      f.terms.push_back(std::move(word));
      word.clear();
    }
  }
  if (f.terms.size() > store::document::kMaxTerms) {
    throw FieldError("q", "tối đa " + std::to_string(store::document::kMaxTerms) + " từ.");
  }
  if (!q.direction.empty()) {
    f.direction = core::document::ParseDirection(q.direction);
    if (!f.direction) throw FieldError("direction", "phải là incoming hoặc outgoing.");
  }
  if (!q.status.empty()) {
    f.status = core::document::ParseStatus(q.status);
    if (!f.status) throw FieldError("status", "trạng thái không hợp lệ.");
  }
  f.page = q.page;
  f.per_page = q.per_page;
  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  f.viewer = ctx.viewer;
  auto rows = store::document::List(s, f);
  ListResult out;
  out.total = rows.total;
  const auto now = clock_.NowMillis();
  for (auto& d : rows.items) {
    ListItem item;
    item.snippet = SnippetOf(d, f.terms);
    item.overdue = IsOverdue(d, now);
    item.document = std::move(d);
    out.items.push_back(std::move(item));
  }
  return out;
}

ListResult Documents::Tasks(const core::access::Caller& caller, int page, int per_page) const {
  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  store::document::TaskFilter f;
  f.username = caller.username;
  f.agency_id = caller.agency_id;
  f.leader_agency_id = ctx.leader ? ctx.organ.id : 0;
  f.clerk_agency_id = ctx.clerk ? ctx.organ.id : 0;
  f.page = page;
  f.per_page = per_page;
  auto rows = store::document::Tasks(s, f);
  ListResult out;
  out.total = rows.total;
  const auto now = clock_.NowMillis();
  for (auto& d : rows.items) {
    ListItem item;
    item.snippet = SnippetOf(d, {});
    item.overdue = IsOverdue(d, now);
    item.document = std::move(d);
    out.items.push_back(std::move(item));
  }
  return out;
}

void Documents::CheckCanAddFile(const core::access::Caller& caller, std::int64_t id) const {
  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  const auto d = Visible(s, ctx, id);
  const auto actor = ActorOf(ctx, d, store::document::ListAssignments(s, id));
  if (!actor.clerk && !actor.drafter && !actor.lead && !actor.co_op) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ văn thư của cơ quan, người soạn thảo hoặc người xử lý mới được đính kèm tệp.");
  }
  if (d.direction == Direction::kOutgoing &&
      (d.status == Status::kIssued || d.status == Status::kSent)) {
    throw Error(ErrorCode::kConflict, "Văn bản đã ban hành, không được thay đổi tệp.");
  }
}

core::document::File Documents::AddFile(const core::access::Caller& caller, std::int64_t id,
                                        const std::string& file_name, std::string_view bytes) {
  CheckCanAddFile(caller, id);
  if (bytes.empty()) throw FieldError("file", "tệp rỗng.");
  if (bytes.size() > kMaxFileBytes) {
    throw Error(ErrorCode::kPayloadTooLarge, "Tệp vượt quá 10 MiB.");
  }
  const std::string mime = store::SniffMimeType(bytes);
  if (mime != "application/pdf" && mime != "image/jpeg" && mime != "image/png") {
    throw Error(ErrorCode::kUnsupportedMedia,
                "Chỉ nhận tệp PDF, JPEG hoặc PNG (tệp này là " + mime + ").", {},
                {{"file", "loại tệp không được nhận: " + mime}});
  }
  core::document::File f{security::Sha256Hex(bytes),
                         mime,
                         static_cast<std::int64_t>(bytes.size()),
                         Clean("file", file_name, 255, "Tên tệp", false),
                         clock_.NowMillis(),
                         caller.username};
  files_.Put(f.sha256, bytes);  // content-addressed: storing twice is harmless
  store::WriteTransaction tx(db_);
  auto d = store::document::Find(tx.session(), id);
  if (!d) throw NotFound();
  store::document::InsertFile(tx, id, f);
  store::document::InsertEvent(tx, id,
                               {f.uploaded_at, core::document::Action::kFile, caller.username,
                                caller.agency_code, d->status, d->status, f.file_name});
  tx.Commit();
  return f;
}

StoredFile Documents::GetFile(const core::access::Caller& caller, std::int64_t id,
                              const std::string& sha256) const {
  store::Session s(db_);
  const auto ctx = ContextOf(s, caller);
  Visible(s, ctx, id);
  for (const auto& f : store::document::ListFiles(s, id)) {
    if (f.sha256 != sha256) continue;
    auto bytes = files_.Get(sha256);
    if (!bytes) break;
    return {f, std::move(*bytes)};
  }
  throw Error(ErrorCode::kNotFound, "Không tìm thấy tệp của văn bản.");
}

void Documents::SetNumberingScheme(const core::access::Caller& caller,
                                   const std::string& agency_code,
                                   const core::document::NumberingScheme& scheme) {
  core::access::RequireAnyRole(caller, {core::access::Role::kAdmin});
  store::Session s(db_);
  auto agency = store::access::FindAgencyByCode(s, agency_code);
  if (!agency || !caller.Sees(agency->path)) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy cơ quan.");
  }
  if (!IsDocumentAgency(*agency)) {
    throw Error(ErrorCode::kConflict,
                agency->name + " là đơn vị trực thuộc, không tự đánh số văn bản.");
  }
  store::WriteTransaction tx(db_);
  store::document::SetScheme(tx, agency->id, scheme);
  tx.Commit();
}

}  // namespace egov::service::document
