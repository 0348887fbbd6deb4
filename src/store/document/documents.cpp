// SQL for official documents (see documents.hpp).
#include "store/document/documents.hpp"

#include <soci/soci.h>

#include "core/access/roles.hpp"
#include "store/errors.hpp"
#include "store/query.hpp"

namespace egov::store::document {

using core::document::Document;
using core::document::Name;

namespace {

// The statements of this file, by what they do.
constexpr const char* kSelectDocument =
    "SELECT d.id, d.direction, d.status, d.agency_id, a.code AS agency_code, "
    "a.name AS agency_name, a.path AS agency_path, a.abbreviation AS agency_abbreviation, "
    "d.type, d.normative, d.subject, d.urgency, d.secrecy, d.number_notation, d.number, "
    "d.series, d.year, d.issued_on, d.issuer_name, d.issuer_code, d.incoming_number, "
    "d.incoming_year, d.arrived_at, d.pages, d.due_on, d.signer_info, d.content, "
    "d.drafting_unit_id, u.code AS unit_code, u.path AS unit_path, "
    "u.abbreviation AS unit_abbreviation, d.drafted_by, d.signed_by, d.deadline, "
    "d.instruction, d.reply_document_id, d.source_document_id, d.created_by, d.created_at, "
    "d.updated_at, d.version "
    "FROM documents d JOIN agencies a ON a.id = d.agency_id "
    "LEFT JOIN agencies u ON u.id = d.drafting_unit_id ";
const std::string kSelectDocumentById = std::string(kSelectDocument) + "WHERE d.id = :id";
// Visibility (documents.hpp, Viewer), evaluated inside every list and lookup.
constexpr const char* kVisible =
    "(d.agency_id = :lc OR d.drafted_by = :me OR d.signed_by = :me "
    "OR EXISTS (SELECT 1 FROM document_assignments x WHERE x.document_id = d.id AND "
    "(x.username = :me OR x.agency_id = :mine)) "
    "OR (d.secrecy = 'normal' AND ((a.path >= :b AND a.path < :e) "
    "OR EXISTS (SELECT 1 FROM agencies du WHERE du.id = d.drafting_unit_id AND du.path >= :b "
    "AND du.path < :e) "
    "OR EXISTS (SELECT 1 FROM document_assignments y JOIN agencies ya ON ya.id = y.agency_id "
    "WHERE y.document_id = d.id AND ya.path >= :b AND ya.path < :e) "
    "OR (d.status = 'sent' AND EXISTS (SELECT 1 FROM document_recipients r JOIN agencies ra ON "
    "ra.id = r.agency_id WHERE r.document_id = d.id AND ra.path >= :b AND ra.path < :e)))))";
const std::string kSelectVisible =
    std::string(
        "SELECT COUNT(*) FROM documents d JOIN agencies a ON a.id = d.agency_id "
        "WHERE d.id = :id AND ") +
    kVisible;
constexpr const char* kListWhere =
    "(:direction = '' OR d.direction = :direction) "
    "AND ((:status = '' AND d.status <> 'withdrawn') OR d.status = :status) "
    "AND (:t0 = '' OR d.search_text LIKE :t0 ESCAPE '\\') "
    "AND (:t1 = '' OR d.search_text LIKE :t1 ESCAPE '\\') "
    "AND (:t2 = '' OR d.search_text LIKE :t2 ESCAPE '\\') "
    "AND (:t3 = '' OR d.search_text LIKE :t3 ESCAPE '\\') "
    "AND (:t4 = '' OR d.search_text LIKE :t4 ESCAPE '\\') "
    "AND (:t5 = '' OR d.search_text LIKE :t5 ESCAPE '\\') "
    "AND (:t6 = '' OR d.search_text LIKE :t6 ESCAPE '\\') "
    "AND (:t7 = '' OR d.search_text LIKE :t7 ESCAPE '\\') AND ";
const std::string kCountList =
    std::string("SELECT COUNT(*) FROM documents d JOIN agencies a ON a.id = d.agency_id WHERE ") +
    kListWhere + kVisible;
const std::string kSelectList = std::string(kSelectDocument) + "WHERE " + kListWhere + kVisible +
                                " ORDER BY d.id DESC LIMIT :limit OFFSET :offset";
// Tasks (documents.hpp, TaskFilter).
constexpr const char* kTaskWhere =
    "((d.status IN ('directed', 'in_progress') AND EXISTS (SELECT 1 FROM document_assignments x "
    "WHERE x.document_id = d.id AND x.kind IN ('lead', 'co_op') AND (x.username = :me OR "
    "(x.agency_id = :mine AND (x.assigned_user IS NULL OR x.assigned_user = :me))))) "
    "OR (d.agency_id = :leader AND d.status IN ('registered', 'submitted', 'approved')) "
    "OR (d.agency_id = :clerk AND d.status IN ('arrived', 'signed', 'issued')) "
    "OR (d.status = 'draft' AND d.drafted_by = :me))";
const std::string kCountTasks = std::string("SELECT COUNT(*) FROM documents d WHERE ") + kTaskWhere;
const std::string kSelectTasks =
    std::string(kSelectDocument) + "WHERE " + kTaskWhere +
    " ORDER BY CASE WHEN d.deadline IS NULL THEN 1 ELSE 0 END, d.deadline, d.id DESC "
    "LIMIT :limit OFFSET :offset";
// Registers (documents.hpp, ListIncomingRegister / ListOutgoingRegister).
const std::string kSelectIncomingRegister =
    std::string(kSelectDocument) +
    "WHERE d.agency_id = :a AND d.direction = 'incoming' AND d.incoming_number IS NOT NULL "
    "AND d.arrived_at >= :f AND d.arrived_at < :t "
    "ORDER BY d.incoming_year, d.incoming_number LIMIT :limit";
const std::string kSelectOutgoingRegister =
    std::string(kSelectDocument) +
    "WHERE d.agency_id = :a AND d.direction = 'outgoing' AND d.number IS NOT NULL "
    "AND d.issued_on >= :f AND d.issued_on <= :t "
    "ORDER BY d.issued_on, d.year, d.series, d.number LIMIT :limit";
constexpr const char* kUpsertCounter =
    "INSERT INTO document_counters (agency_id, year, series, last) VALUES (:a, :y, :s, 1) "
    "ON CONFLICT (agency_id, year, series) DO UPDATE SET last = document_counters.last + 1 "
    "RETURNING last";
constexpr const char* kSelectScheme =
    "SELECT scheme, secret_own FROM document_numbering WHERE agency_id = :a";
constexpr const char* kUpsertScheme =
    "INSERT INTO document_numbering (agency_id, scheme, secret_own) VALUES (:a, :s, :o) "
    "ON CONFLICT (agency_id) DO UPDATE SET scheme = :s, secret_own = :o";
constexpr const char* kInsertDocument =
    "INSERT INTO documents (direction, status, agency_id, type, normative, subject, urgency, "
    "secrecy, number_notation, notation_folded, number, series, year, issued_on, issuer_name, "
    "issuer_code, issuer_folded, incoming_number, incoming_year, arrived_at, pages, due_on, "
    "signer_info, content, drafting_unit_id, drafted_by, signed_by, deadline, instruction, "
    "reply_document_id, source_document_id, search_text, created_by, created_at, updated_at) "
    "VALUES (:direction, :status, :agency, :type, :normative, :subject, :urgency, :secrecy, "
    ":notation, :notation_folded, :number, :series, :year, :issued_on, :issuer_name, "
    ":issuer_code, :issuer_folded, :incoming_number, :incoming_year, :arrived_at, :pages, "
    ":due_on, :signer_info, :content, :unit, :drafted_by, :signed_by, :deadline, :instruction, "
    ":reply, :source, :search, :created_by, :at, :at) RETURNING id";
constexpr const char* kUpdateDocument =
    "UPDATE documents SET status = :status, subject = :subject, number_notation = :notation, "
    "notation_folded = :notation_folded, number = :number, series = :series, year = :year, "
    "issued_on = :issued_on, incoming_number = :incoming_number, incoming_year = :incoming_year, "
    "arrived_at = :arrived_at, signed_by = :signed_by, deadline = :deadline, "
    "instruction = :instruction, reply_document_id = :reply, search_text = :search, "
    "updated_at = :at, version = version + 1 WHERE id = :id AND version = :version";
constexpr const char* kSelectDuplicate =
    "SELECT MIN(id) FROM documents WHERE agency_id = :a AND notation_folded = :n AND "
    "direction = 'incoming' AND status <> 'arrived' AND id <> :except AND "
    "((:code <> '' AND issuer_code = :code) OR issuer_folded = :issuer)";
constexpr const char* kInsertEvent =
    "INSERT INTO document_events (document_id, at, action, actor, agency_code, from_status, "
    "to_status, note) VALUES (:id, :at, :action, :actor, :agency, :from, :to, :note)";
constexpr const char* kSelectEvents =
    "SELECT at, action, actor, agency_code, from_status, to_status, note FROM document_events "
    "WHERE document_id = :id ORDER BY id";
constexpr const char* kDeleteAssignments =
    "DELETE FROM document_assignments WHERE document_id = :id";
constexpr const char* kInsertAssignment =
    "INSERT INTO document_assignments (document_id, kind, agency_id, username, created_at) "
    "VALUES (:id, :kind, :agency, :username, :at)";
constexpr const char* kSelectAssignments =
    "SELECT x.kind, x.agency_id, ag.code AS agency_code, x.username, x.created_at, "
    "x.assigned_user, x.assigned_by, x.assigned_at, x.assigned_note "
    "FROM document_assignments x LEFT JOIN agencies ag ON ag.id = x.agency_id "
    "WHERE x.document_id = :id ORDER BY x.id";
constexpr const char* kInsertRecipient =
    "INSERT INTO document_recipients (document_id, agency_id) VALUES (:id, :agency)";
constexpr const char* kSelectRecipients =
    "SELECT r.agency_id, ra.code, ra.name, r.delivered_document_id, r.delivered_at, r.status, "
    "r.status_changed_at "
    "FROM document_recipients r JOIN agencies ra ON ra.id = r.agency_id "
    "WHERE r.document_id = :id ORDER BY r.id";
constexpr const char* kMarkDelivered =
    "UPDATE document_recipients SET delivered_document_id = :delivered, delivered_at = :at, "
    "status = 'arrived', status_changed_at = :at WHERE document_id = :id AND agency_id = :agency";
constexpr const char* kSelectDelivery =
    "SELECT document_id, agency_id, status FROM document_recipients "
    "WHERE delivered_document_id = :copy";
constexpr const char* kSetDeliveryStatus =
    "UPDATE document_recipients SET status = :status, status_changed_at = :at "
    "WHERE delivered_document_id = :copy";
constexpr const char* kSetRecallRequested =
    "UPDATE document_recipients SET status = 'recall_requested', status_changed_at = :at "
    "WHERE document_id = :id AND delivered_document_id IS NOT NULL";
constexpr const char* kSetAssignedUser =
    "UPDATE document_assignments SET assigned_user = :user, assigned_by = :by, assigned_at = :at, "
    "assigned_note = :note WHERE document_id = :id AND agency_id = :agency AND kind IN ('lead', "
    "'co_op')";
constexpr const char* kWithdrawContent =
    "UPDATE documents SET content = '', search_text = '' WHERE id = :id";
constexpr const char* kDeleteFiles = "DELETE FROM document_files WHERE document_id = :id";
constexpr const char* kInsertFile =
    "INSERT INTO document_files (document_id, sha256, mime_type, size, file_name, uploaded_at, "
    "uploaded_by) VALUES (:id, :sha, :mime, :size, :name, :at, :by)";
constexpr const char* kSelectFiles =
    "SELECT sha256, mime_type, size, file_name, uploaded_at, uploaded_by FROM document_files "
    "WHERE document_id = :id ORDER BY id";

// A nullable column read into a value and its indicator.
template <class T>
struct Nullable {
  T value{};
  soci::indicator ind = soci::i_null;
  template <class U = T>
  std::optional<U> Get() const {
    return ind == soci::i_ok ? std::optional<U>(static_cast<U>(value)) : std::nullopt;
  }
};

// A nullable parameter from an optional.
template <class T>
struct Param {
  T value{};
  soci::indicator ind = soci::i_null;
  template <class V>
  explicit Param(const std::optional<V>& from)
      : value(from ? static_cast<T>(*from) : T{}), ind(from ? soci::i_ok : soci::i_null) {}
};

struct Row {
  Document d;
  long long id = 0, agency_id = 0, normative = 0, created = 0, updated = 0, version = 0;
  std::string direction, status, urgency, secrecy;
  Nullable<std::string> notation, series, issued_on, due_on, unit_code, unit_path, unit_abbr,
      drafted_by, signed_by, deadline;
  Nullable<long long> number, year, incoming_number, incoming_year, arrived_at, pages, unit_id,
      reply, source;

  void Bind(Columns& c) {
    c("id", id);
    c("direction", direction);
    c("status", status);
    c("agency_id", agency_id);
    c("agency_code", d.agency_code);
    c("agency_name", d.agency_name);
    c("agency_path", d.agency_path);
    c("agency_abbreviation", d.agency_abbreviation);
    c("type", d.type);
    c("normative", normative);
    c("subject", d.subject);
    c("urgency", urgency);
    c("secrecy", secrecy);
    c("number_notation", notation.value, notation.ind);
    c("number", number.value, number.ind);
    c("series", series.value, series.ind);
    c("year", year.value, year.ind);
    c("issued_on", issued_on.value, issued_on.ind);
    c("issuer_name", d.issuer_name);
    c("issuer_code", d.issuer_code);
    c("incoming_number", incoming_number.value, incoming_number.ind);
    c("incoming_year", incoming_year.value, incoming_year.ind);
    c("arrived_at", arrived_at.value, arrived_at.ind);
    c("pages", pages.value, pages.ind);
    c("due_on", due_on.value, due_on.ind);
    c("signer_info", d.signer_info);
    c("content", d.content);
    c("drafting_unit_id", unit_id.value, unit_id.ind);
    c("unit_code", unit_code.value, unit_code.ind);
    c("unit_path", unit_path.value, unit_path.ind);
    c("unit_abbreviation", unit_abbr.value, unit_abbr.ind);
    c("drafted_by", drafted_by.value, drafted_by.ind);
    c("signed_by", signed_by.value, signed_by.ind);
    c("deadline", deadline.value, deadline.ind);
    c("instruction", d.instruction);
    c("reply_document_id", reply.value, reply.ind);
    c("source_document_id", source.value, source.ind);
    c("created_by", d.created_by);
    c("created_at", created);
    c("updated_at", updated);
    c("version", version);
  }
  Document Get() const {
    Document out = d;
    out.id = id;
    out.direction = Named(core::document::ParseDirection(direction), "direction", direction);
    out.status = Named(core::document::ParseStatus(status), "status", status);
    out.urgency = Named(core::document::ParseUrgency(urgency), "urgency", urgency);
    out.secrecy = Named(core::document::ParseSecrecy(secrecy), "secrecy", secrecy);
    out.agency_id = agency_id;
    out.normative = normative != 0;
    out.number_notation = notation.Get();
    out.number = number.Get<std::int64_t>();
    out.series = series.Get();
    out.year = year.Get<int>();
    out.issued_on = issued_on.Get();
    out.incoming_number = incoming_number.Get<std::int64_t>();
    out.incoming_year = incoming_year.Get<int>();
    out.arrived_at = arrived_at.Get<std::int64_t>();
    out.pages = pages.Get<int>();
    out.due_on = due_on.Get();
    out.drafting_unit_id = unit_id.Get<std::int64_t>();
    out.drafting_unit_code = unit_code.Get().value_or("");
    out.drafting_unit_path = unit_path.Get().value_or("");
    out.drafting_unit_abbreviation = unit_abbr.Get().value_or("");
    out.drafted_by = drafted_by.Get();
    out.signed_by = signed_by.Get();
    out.deadline = deadline.Get();
    out.reply_document_id = reply.Get<std::int64_t>();
    out.source_document_id = source.Get<std::int64_t>();
    out.created_at = created;
    out.updated_at = updated;
    out.version = version;
    return out;
  }
};

struct EventRow {
  core::document::Event e;
  long long at = 0;
  std::string action, to;
  Nullable<std::string> from;
  void Bind(Columns& c) {
    c("at", at);
    c("action", action);
    c("actor", e.actor);
    c("agency_code", e.agency_code);
    c("from_status", from.value, from.ind);
    c("to_status", to);
    c("note", e.note);
  }
  core::document::Event Get() const {
    auto out = e;
    out.at = at;
    out.action = Named(core::document::ParseAction(action), "action", action);
    out.to_status = Named(core::document::ParseStatus(to), "to_status", to);
    if (auto f = from.Get()) {
      out.from_status = Named(core::document::ParseStatus(*f), "from_status", *f);
    }
    return out;
  }
};

struct AssignmentRow {
  std::string kind;
  Nullable<long long> agency, assigned_at;
  Nullable<std::string> code, username, assigned_user, assigned_by;
  std::string assigned_note;
  long long at = 0;
  void Bind(Columns& c) {
    c("kind", kind);
    c("agency_id", agency.value, agency.ind);
    c("agency_code", code.value, code.ind);
    c("username", username.value, username.ind);
    c("created_at", at);
    c("assigned_user", assigned_user.value, assigned_user.ind);
    c("assigned_by", assigned_by.value, assigned_by.ind);
    c("assigned_at", assigned_at.value, assigned_at.ind);
    c("assigned_note", assigned_note);
  }
  core::document::Assignment Get() const {
    core::document::Assignment out;
    out.kind = Named(core::document::ParseAssignmentKind(kind), "kind", kind);
    out.agency_id = agency.Get<std::int64_t>();
    out.agency_code = code.Get().value_or("");
    out.username = username.Get();
    out.created_at = at;
    out.assigned_user = assigned_user.Get();
    out.assigned_by = assigned_by.Get();
    out.assigned_at = assigned_at.Get<std::int64_t>();
    out.assigned_note = assigned_note;
    return out;
  }
};

std::optional<core::document::DeliveryStatus> DeliveryStatusOf(const Nullable<std::string>& name) {
  auto text = name.Get();
  if (!text) return std::nullopt;
  return Named(core::document::ParseDeliveryStatus(*text), "status", *text);
}

struct RecipientRow {
  core::document::Recipient r;
  long long agency = 0;
  Nullable<long long> delivered, at, changed;
  Nullable<std::string> status;
  void Bind(Columns& c) {
    c("agency_id", agency);
    c("code", r.agency_code);
    c("name", r.agency_name);
    c("delivered_document_id", delivered.value, delivered.ind);
    c("delivered_at", at.value, at.ind);
    c("status", status.value, status.ind);
    c("status_changed_at", changed.value, changed.ind);
  }
  core::document::Recipient Get() const {
    auto out = r;
    out.agency_id = agency;
    out.delivered_document_id = delivered.Get<std::int64_t>();
    out.delivered_at = at.Get<std::int64_t>();
    out.status = DeliveryStatusOf(status);
    out.status_changed_at = changed.Get<std::int64_t>();
    return out;
  }
};

struct DeliveryRow {
  long long document = 0, agency = 0;
  Nullable<std::string> status;
  void Bind(Columns& c) {
    c("document_id", document);
    c("agency_id", agency);
    c("status", status.value, status.ind);
  }
  core::document::Delivery Get() const { return {document, agency, DeliveryStatusOf(status)}; }
};

struct FileRow {
  core::document::File f;
  long long size = 0, at = 0;
  void Bind(Columns& c) {
    c("sha256", f.sha256);
    c("mime_type", f.mime_type);
    c("size", size);
    c("file_name", f.file_name);
    c("uploaded_at", at);
    c("uploaded_by", f.uploaded_by);
  }
  core::document::File Get() const {
    auto out = f;
    out.size = size;
    out.uploaded_at = at;
    return out;
  }
};

// The visibility parameters of a Viewer, bound by name.
struct ViewerParams {
  std::string me, b, e;
  long long mine = 0, lc = 0;
  explicit ViewerParams(const Viewer& v)
      : me(v.username),
        mine(v.agency_id),
        lc(v.leader_clerk_agency_id ? v.leader_clerk_agency_id : -1) {
    auto range = core::access::SubtreeRange(v.subtree_path);
    b = range.first;
    e = range.second;
  }
};

}  // namespace

std::int64_t NextNumber(WriteTransaction& tx, std::int64_t agency_id, int year,
                        const std::string& series) {
  long long agency = agency_id, last = 0;
  int y = year;
  tx.sql() << kUpsertCounter, soci::use(agency, "a"), soci::use(y, "y"), soci::use(series, "s"),
      soci::into(last);
  return last;
}

core::document::NumberingScheme FindScheme(Session& session, std::int64_t agency_id) {
  long long agency = agency_id;
  std::string scheme;
  int secret_own = 1;
  soci::indicator ind = soci::i_null;
  session.sql() << kSelectScheme, soci::use(agency, "a"), soci::into(scheme, ind),
      soci::into(secret_own);
  core::document::NumberingScheme out;
  if (!session.sql().got_data() || ind != soci::i_ok) return out;
  out.administrative = Named(core::document::ParseSeriesScheme(scheme), "scheme", scheme);
  out.secret_own = secret_own != 0;
  return out;
}

void SetScheme(WriteTransaction& tx, std::int64_t agency_id,
               const core::document::NumberingScheme& scheme) {
  long long agency = agency_id;
  const std::string name(core::document::Name(scheme.administrative));
  int own = scheme.secret_own ? 1 : 0;
  tx.sql() << kUpsertScheme, soci::use(agency, "a"), soci::use(name, "s"), soci::use(own, "o");
}

std::int64_t Insert(WriteTransaction& tx, const Document& d, const Derived& derived) {
  const std::string direction(Name(d.direction)), status(Name(d.status)), urgency(Name(d.urgency)),
      secrecy(Name(d.secrecy));
  long long agency = d.agency_id, at = d.created_at, id = 0;
  int normative = d.normative ? 1 : 0;
  Param<std::string> notation(d.number_notation), series(d.series), issued_on(d.issued_on),
      due_on(d.due_on), drafted_by(d.drafted_by), signed_by(d.signed_by), deadline(d.deadline);
  Param<long long> number(d.number), year(d.year), incoming_number(d.incoming_number),
      incoming_year(d.incoming_year), arrived_at(d.arrived_at), pages(d.pages),
      unit(d.drafting_unit_id), reply(d.reply_document_id), source(d.source_document_id);
  MappingUniqueViolation([&] {
    tx.sql() << kInsertDocument, soci::use(direction, "direction"), soci::use(status, "status"),
        soci::use(agency, "agency"), soci::use(d.type, "type"), soci::use(normative, "normative"),
        soci::use(d.subject, "subject"), soci::use(urgency, "urgency"),
        soci::use(secrecy, "secrecy"), soci::use(notation.value, notation.ind, "notation"),
        soci::use(derived.notation_folded, "notation_folded"),
        soci::use(number.value, number.ind, "number"),
        soci::use(series.value, series.ind, "series"), soci::use(year.value, year.ind, "year"),
        soci::use(issued_on.value, issued_on.ind, "issued_on"),
        soci::use(d.issuer_name, "issuer_name"), soci::use(d.issuer_code, "issuer_code"),
        soci::use(derived.issuer_folded, "issuer_folded"),
        soci::use(incoming_number.value, incoming_number.ind, "incoming_number"),
        soci::use(incoming_year.value, incoming_year.ind, "incoming_year"),
        soci::use(arrived_at.value, arrived_at.ind, "arrived_at"),
        soci::use(pages.value, pages.ind, "pages"), soci::use(due_on.value, due_on.ind, "due_on"),
        soci::use(d.signer_info, "signer_info"), soci::use(d.content, "content"),
        soci::use(unit.value, unit.ind, "unit"),
        soci::use(drafted_by.value, drafted_by.ind, "drafted_by"),
        soci::use(signed_by.value, signed_by.ind, "signed_by"),
        soci::use(deadline.value, deadline.ind, "deadline"),
        soci::use(d.instruction, "instruction"), soci::use(reply.value, reply.ind, "reply"),
        soci::use(source.value, source.ind, "source"), soci::use(derived.search_text, "search"),
        soci::use(d.created_by, "created_by"), soci::use(at, "at"), soci::into(id);
  });
  return id;
}

std::optional<Document> Find(Session& session, std::int64_t id) {
  long long key = id;
  return QueryRow<Row>(session.sql(), kSelectDocumentById, soci::use(key, "id"));
}

bool Update(WriteTransaction& tx, const Document& d, const Derived& derived) {
  const std::string status(Name(d.status));
  long long id = d.id, at = d.updated_at, version = d.version;
  Param<std::string> notation(d.number_notation), series(d.series), issued_on(d.issued_on),
      signed_by(d.signed_by), deadline(d.deadline);
  Param<long long> number(d.number), year(d.year), incoming_number(d.incoming_number),
      incoming_year(d.incoming_year), arrived_at(d.arrived_at), reply(d.reply_document_id);
  soci::statement st =
      (tx.sql().prepare << kUpdateDocument, soci::use(status, "status"),
       soci::use(d.subject, "subject"), soci::use(notation.value, notation.ind, "notation"),
       soci::use(derived.notation_folded, "notation_folded"),
       soci::use(number.value, number.ind, "number"), soci::use(series.value, series.ind, "series"),
       soci::use(year.value, year.ind, "year"),
       soci::use(issued_on.value, issued_on.ind, "issued_on"),
       soci::use(incoming_number.value, incoming_number.ind, "incoming_number"),
       soci::use(incoming_year.value, incoming_year.ind, "incoming_year"),
       soci::use(arrived_at.value, arrived_at.ind, "arrived_at"),
       soci::use(signed_by.value, signed_by.ind, "signed_by"),
       soci::use(deadline.value, deadline.ind, "deadline"), soci::use(d.instruction, "instruction"),
       soci::use(reply.value, reply.ind, "reply"), soci::use(derived.search_text, "search"),
       soci::use(at, "at"), soci::use(id, "id"), soci::use(version, "version"));
  MappingUniqueViolation([&] { st.execute(true); });
  return st.get_affected_rows() == 1;
}

std::optional<std::int64_t> FindDuplicate(Session& session, std::int64_t agency_id,
                                          const std::string& notation_folded,
                                          const std::string& issuer_code,
                                          const std::string& issuer_folded,
                                          std::int64_t except_id) {
  long long agency = agency_id, except = except_id, found = 0;
  soci::indicator ind = soci::i_null;
  session.sql() << kSelectDuplicate, soci::use(agency, "a"), soci::use(notation_folded, "n"),
      soci::use(except, "except"), soci::use(issuer_code, "code"),
      soci::use(issuer_folded, "issuer"), soci::into(found, ind);
  if (!session.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return found;
}

void InsertEvent(WriteTransaction& tx, std::int64_t document_id, const core::document::Event& e) {
  long long id = document_id, at = e.at;
  const std::string action(Name(e.action)), to(Name(e.to_status));
  std::string from = e.from_status ? std::string(Name(*e.from_status)) : std::string();
  soci::indicator from_ind = e.from_status ? soci::i_ok : soci::i_null;
  tx.sql() << kInsertEvent, soci::use(id, "id"), soci::use(at, "at"), soci::use(action, "action"),
      soci::use(e.actor, "actor"), soci::use(e.agency_code, "agency"),
      soci::use(from, from_ind, "from"), soci::use(to, "to"), soci::use(e.note, "note");
}

std::vector<core::document::Event> ListEvents(Session& session, std::int64_t document_id) {
  long long id = document_id;
  return QueryRows<EventRow>(session.sql(), kSelectEvents, soci::use(id, "id"));
}

void ReplaceAssignments(WriteTransaction& tx, std::int64_t document_id,
                        const std::vector<core::document::Assignment>& assignments) {
  long long id = document_id;
  tx.sql() << kDeleteAssignments, soci::use(id, "id");
  for (const auto& a : assignments) {
    const std::string kind(Name(a.kind));
    Param<long long> agency(a.agency_id);
    Param<std::string> username(a.username);
    long long at = a.created_at;
    tx.sql() << kInsertAssignment, soci::use(id, "id"), soci::use(kind, "kind"),
        soci::use(agency.value, agency.ind, "agency"),
        soci::use(username.value, username.ind, "username"), soci::use(at, "at");
  }
}

std::vector<core::document::Assignment> ListAssignments(Session& session,
                                                        std::int64_t document_id) {
  long long id = document_id;
  return QueryRows<AssignmentRow>(session.sql(), kSelectAssignments, soci::use(id, "id"));
}

void InsertRecipient(WriteTransaction& tx, std::int64_t document_id, std::int64_t agency_id) {
  long long id = document_id, agency = agency_id;
  tx.sql() << kInsertRecipient, soci::use(id, "id"), soci::use(agency, "agency");
}

std::vector<core::document::Recipient> ListRecipients(Session& session, std::int64_t document_id) {
  long long id = document_id;
  return QueryRows<RecipientRow>(session.sql(), kSelectRecipients, soci::use(id, "id"));
}

void MarkDelivered(WriteTransaction& tx, std::int64_t document_id, std::int64_t agency_id,
                   std::int64_t delivered_id, std::int64_t at) {
  long long id = document_id, agency = agency_id, delivered = delivered_id, when = at;
  tx.sql() << kMarkDelivered, soci::use(delivered, "delivered"), soci::use(when, "at"),
      soci::use(id, "id"), soci::use(agency, "agency");
}

void InsertFile(WriteTransaction& tx, std::int64_t document_id, const core::document::File& f) {
  long long id = document_id, size = f.size, at = f.uploaded_at;
  tx.sql() << kInsertFile, soci::use(id, "id"), soci::use(f.sha256, "sha"),
      soci::use(f.mime_type, "mime"), soci::use(size, "size"), soci::use(f.file_name, "name"),
      soci::use(at, "at"), soci::use(f.uploaded_by, "by");
}

std::vector<core::document::File> ListFiles(Session& session, std::int64_t document_id) {
  long long id = document_id;
  return QueryRows<FileRow>(session.sql(), kSelectFiles, soci::use(id, "id"));
}

std::optional<core::document::Delivery> FindDelivery(Session& session, std::int64_t copy_id) {
  long long copy = copy_id;
  return QueryRow<DeliveryRow>(session.sql(), kSelectDelivery, soci::use(copy, "copy"));
}

void SetDeliveryStatus(WriteTransaction& tx, std::int64_t copy_id,
                       core::document::DeliveryStatus status, std::int64_t at) {
  long long copy = copy_id, when = at;
  const std::string name(Name(status));
  tx.sql() << kSetDeliveryStatus, soci::use(name, "status"), soci::use(when, "at"),
      soci::use(copy, "copy");
}

void SetRecallRequested(WriteTransaction& tx, std::int64_t document_id, std::int64_t at) {
  long long id = document_id, when = at;
  tx.sql() << kSetRecallRequested, soci::use(when, "at"), soci::use(id, "id");
}

void SetAssignedUser(WriteTransaction& tx, std::int64_t document_id, std::int64_t unit_id,
                     const std::string& user, const std::string& by, std::int64_t at,
                     const std::string& note) {
  long long id = document_id, agency = unit_id, when = at;
  tx.sql() << kSetAssignedUser, soci::use(user, "user"), soci::use(by, "by"), soci::use(when, "at"),
      soci::use(note, "note"), soci::use(id, "id"), soci::use(agency, "agency");
}

void Withdraw(WriteTransaction& tx, std::int64_t document_id) {
  long long id = document_id;
  tx.sql() << kWithdrawContent, soci::use(id, "id");
  tx.sql() << kDeleteFiles, soci::use(id, "id");
}

std::vector<Document> ListIncomingRegister(Session& session, std::int64_t agency_id,
                                           std::int64_t from_ms, std::int64_t to_ms, int limit) {
  long long a = agency_id, f = from_ms, t = to_ms, l = limit;
  return QueryRows<Row>(session.sql(), kSelectIncomingRegister, soci::use(a, "a"),
                        soci::use(f, "f"), soci::use(t, "t"), soci::use(l, "limit"));
}

std::vector<Document> ListOutgoingRegister(Session& session, std::int64_t agency_id,
                                           const std::string& from, const std::string& to,
                                           int limit) {
  long long a = agency_id, l = limit;
  return QueryRows<Row>(session.sql(), kSelectOutgoingRegister, soci::use(a, "a"),
                        soci::use(from, "f"), soci::use(to, "t"), soci::use(l, "limit"));
}

bool IsVisible(Session& session, std::int64_t document_id, const Viewer& viewer) {
  ViewerParams v(viewer);
  long long id = document_id, count = 0;
  session.sql() << kSelectVisible, soci::use(id, "id"), soci::use(v.lc, "lc"),
      soci::use(v.me, "me"), soci::use(v.mine, "mine"), soci::use(v.b, "b"), soci::use(v.e, "e"),
      soci::into(count);
  return count > 0;
}

ListResult List(Session& session, const ListFilter& f) {
  ViewerParams v(f.viewer);
  const std::string direction = f.direction ? std::string(Name(*f.direction)) : "";
  const std::string status = f.status ? std::string(Name(*f.status)) : "";
  std::array<std::string, kMaxTerms> t;
  for (std::size_t i = 0; i < f.terms.size() && i < kMaxTerms; ++i) {
    if (!f.terms[i].empty()) t[i] = LikeContains(f.terms[i]);
  }
  long long limit = f.per_page, offset = static_cast<long long>(f.page - 1) * f.per_page;
  ListResult out;
  long long total = 0;
  session.sql() << kCountList, soci::use(direction, "direction"), soci::use(status, "status"),
      soci::use(t[0], "t0"), soci::use(t[1], "t1"), soci::use(t[2], "t2"), soci::use(t[3], "t3"),
      soci::use(t[4], "t4"), soci::use(t[5], "t5"), soci::use(t[6], "t6"), soci::use(t[7], "t7"),
      soci::use(v.lc, "lc"), soci::use(v.me, "me"), soci::use(v.mine, "mine"), soci::use(v.b, "b"),
      soci::use(v.e, "e"), soci::into(total);
  out.total = total;
  out.items = QueryRows<Row>(
      session.sql(), kSelectList, soci::use(direction, "direction"), soci::use(status, "status"),
      soci::use(t[0], "t0"), soci::use(t[1], "t1"), soci::use(t[2], "t2"), soci::use(t[3], "t3"),
      soci::use(t[4], "t4"), soci::use(t[5], "t5"), soci::use(t[6], "t6"), soci::use(t[7], "t7"),
      soci::use(v.lc, "lc"), soci::use(v.me, "me"), soci::use(v.mine, "mine"), soci::use(v.b, "b"),
      soci::use(v.e, "e"), soci::use(limit, "limit"), soci::use(offset, "offset"));
  return out;
}

ListResult Tasks(Session& session, const TaskFilter& f) {
  std::string me = f.username;
  long long mine = f.agency_id, leader = f.leader_agency_id ? f.leader_agency_id : -1,
            clerk = f.clerk_agency_id ? f.clerk_agency_id : -1;
  long long limit = f.per_page, offset = static_cast<long long>(f.page - 1) * f.per_page;
  ListResult out;
  long long total = 0;
  session.sql() << kCountTasks, soci::use(me, "me"), soci::use(mine, "mine"),
      soci::use(leader, "leader"), soci::use(clerk, "clerk"), soci::into(total);
  out.total = total;
  out.items =
      QueryRows<Row>(session.sql(), kSelectTasks, soci::use(me, "me"), soci::use(mine, "mine"),
                     soci::use(leader, "leader"), soci::use(clerk, "clerk"),
                     soci::use(limit, "limit"), soci::use(offset, "offset"));
  return out;
}

}  // namespace egov::store::document
