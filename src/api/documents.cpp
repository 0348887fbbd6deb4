// /api/v1/documents (CONTRACT.md, "Documents"; docs/documents.md): registration, drafting,
// actions, files, search and the handler's tasks; and an agency's numbering scheme.
#include <boost/json.hpp>

#include "api/auth_context.hpp"
#include "api/document_bodies.hpp"
#include "api/json_util.hpp"
#include "api/json_view.hpp"
#include "api/routes.hpp"
#include "core/document/states.hpp"
#include "core/error.hpp"
#include "http/multipart.hpp"
#include "http/request.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;

struct DocumentEventView {
  Instant at;
  std::string_view action;
  std::string actor;
  std::string agency_code;
  std::optional<std::string_view> from_status;
  std::string_view to_status;
  std::string note;
};
BOOST_DESCRIBE_STRUCT(DocumentEventView, (),
                      (at, action, actor, agency_code, from_status, to_status, note))

struct AssignmentView {
  std::string_view kind;  // lead | co_op | inform
  std::optional<std::string> agency_code;
  std::optional<std::string> username;
  // A unit's part handed by its leader to one officer (assign).
  std::optional<std::string> assigned_user;
  std::optional<std::string> assigned_by;
  std::optional<Instant> assigned_at;
  std::string assigned_note;
};
BOOST_DESCRIBE_STRUCT(AssignmentView, (),
                      (kind, agency_code, username, assigned_user, assigned_by, assigned_at,
                       assigned_note))

struct RecipientView {
  std::string agency_code;
  std::string agency_name;
  std::optional<std::int64_t> delivered_document_id;  // the recipient's incoming copy
  std::optional<Instant> delivered_at;
  // The status of the copy (DOMAIN.md §4 status messages), its code and when it changed.
  std::optional<std::string_view> status;
  std::optional<std::string_view> status_code;
  std::optional<std::string_view> status_label;
  std::optional<Instant> changed_at;
};
BOOST_DESCRIBE_STRUCT(RecipientView, (),
                      (agency_code, agency_name, delivered_document_id, delivered_at, status,
                       status_code, status_label, changed_at))

struct DocumentFileView {
  std::string sha256;
  std::string mime_type;
  std::int64_t size = 0;
  std::string file_name;
  Instant uploaded_at;
  std::string uploaded_by;
};
BOOST_DESCRIBE_STRUCT(DocumentFileView, (),
                      (sha256, mime_type, size, file_name, uploaded_at, uploaded_by))

// An issued document's seal (docs/documents-output.md, "Sealing at issue").
struct DocumentSealView {
  std::string token;
  std::string verify_url;  // {public_base_url}/xac-thuc/{token}: the page the printed QR opens
  std::string sha256;      // of the sealed file (one of `files`)
  Instant sealed_at;
};
BOOST_DESCRIBE_STRUCT(DocumentSealView, (), (token, verify_url, sha256, sealed_at))

// How an incoming document registered from an edXML package arrived (docs/exchange.md).
struct DocumentExchangeView {
  // "valid" (an XML-DSig signature that verified) or "unsigned" (none: registered and marked
  // so). A package whose signature does not verify is never registered.
  std::string_view signature;
  bool pinned = false;  // its certificate is one pinned for the sender
  std::string certificate_subject;
  std::string certificate_sha256;
  std::string document_id;  // the package's edXML DocumentId
  std::string package_sha256;
  Instant imported_at;
  std::string imported_by;
};
BOOST_DESCRIBE_STRUCT(DocumentExchangeView, (),
                      (signature, pinned, certificate_subject, certificate_sha256, document_id,
                       package_sha256, imported_at, imported_by))

struct DocumentView {
  std::int64_t id = 0;
  std::string_view direction;
  std::string_view status;
  std::string type;
  std::string type_name;
  bool normative = false;
  std::string subject;
  std::string_view urgency;
  std::string_view secrecy;
  std::optional<std::string> number_notation;
  std::optional<std::int64_t> number;
  std::optional<std::int64_t> incoming_number;
  std::optional<std::string> issued_on;
  std::string issuer_name;
  std::string issuer_code;
  std::optional<Instant> arrived_at;
  std::optional<int> pages;
  std::optional<std::string> due_on;
  std::string signer_info;
  std::string content;
  std::string agency_code;
  std::string agency_name;
  std::optional<std::string> drafting_unit;
  std::optional<std::string> drafted_by;
  std::optional<std::string> signed_by;
  std::optional<std::string> deadline;
  std::string instruction;
  std::optional<std::int64_t> reply_document_id;
  std::optional<std::int64_t> source_document_id;
  std::optional<std::int64_t> duplicate_of;
  std::vector<AssignmentView> assignments;
  std::vector<RecipientView> recipients;
  std::vector<DocumentFileView> files;
  std::vector<DocumentEventView> events;  // oldest first
  std::vector<std::string_view> allowed_actions;
  bool overdue = false;
  std::optional<DocumentSealView> seal;          // an issued outgoing document's; null before issue
  std::optional<DocumentExchangeView> exchange;  // an incoming one received by edXML
  std::int64_t version = 1;
  Instant created_at;
  Instant updated_at;
};
BOOST_DESCRIBE_STRUCT(DocumentView, (),
                      (id, direction, status, type, type_name, normative, subject, urgency, secrecy,
                       number_notation, number, incoming_number, issued_on, issuer_name,
                       issuer_code, arrived_at, pages, due_on, signer_info, content, agency_code,
                       agency_name, drafting_unit, drafted_by, signed_by, deadline, instruction,
                       reply_document_id, source_document_id, duplicate_of, assignments, recipients,
                       files, events, allowed_actions, overdue, seal, exchange, version, created_at,
                       updated_at))

// An item of GET /api/v1/documents and /api/v1/documents/tasks.
struct DocumentItemView {
  std::int64_t id = 0;
  std::string_view direction;
  std::string_view status;
  std::string type;
  std::string subject;
  std::optional<std::string> number_notation;
  std::string snippet;
  std::optional<std::int64_t> incoming_number;
  std::optional<std::string> issued_on;
  std::string issuer_name;
  std::string agency_code;
  std::string_view urgency;
  std::string_view secrecy;
  std::optional<std::string> deadline;
  bool overdue = false;
  Instant updated_at;
};
BOOST_DESCRIBE_STRUCT(DocumentItemView, (),
                      (id, direction, status, type, subject, number_notation, snippet,
                       incoming_number, issued_on, issuer_name, agency_code, urgency, secrecy,
                       deadline, overdue, updated_at))

struct NumberingView {
  std::string agency_code;
  std::string_view scheme;
  bool secret_own = true;
};
BOOST_DESCRIBE_STRUCT(NumberingView, (), (agency_code, scheme, secret_own))

namespace {

namespace doc = core::document;

DocumentFileView FileOf(const doc::File& f) {
  return {f.sha256, f.mime_type, f.size, f.file_name, Instant{f.uploaded_at}, f.uploaded_by};
}

DocumentView ViewOf(const service::document::DocumentView& v) {
  const auto& d = v.document;
  DocumentView out;
  out.id = d.id;
  out.direction = doc::Name(d.direction);
  out.status = doc::Name(d.status);
  out.type = d.type;
  out.type_name = v.type_name;
  out.normative = d.normative;
  out.subject = d.subject;
  out.urgency = doc::Name(d.urgency);
  out.secrecy = doc::Name(d.secrecy);
  out.number_notation = d.number_notation;
  out.number = d.number;
  out.incoming_number = d.incoming_number;
  out.issued_on = d.issued_on;
  out.issuer_name = d.issuer_name;
  out.issuer_code = d.issuer_code;
  out.arrived_at = InstantOf(d.arrived_at);
  out.pages = d.pages;
  out.due_on = d.due_on;
  out.signer_info = d.signer_info;
  out.content = d.content;
  out.agency_code = d.agency_code;
  out.agency_name = d.agency_name;
  if (d.drafting_unit_id) out.drafting_unit = d.drafting_unit_code;
  out.drafted_by = d.drafted_by;
  out.signed_by = d.signed_by;
  out.deadline = d.deadline;
  out.instruction = d.instruction;
  out.reply_document_id = d.reply_document_id;
  out.source_document_id = d.source_document_id;
  out.duplicate_of = v.duplicate_of;
  for (const auto& a : v.assignments) {
    AssignmentView view{doc::Name(a.kind), std::nullopt,  a.username,
                        a.assigned_user,   a.assigned_by, InstantOf(a.assigned_at),
                        a.assigned_note};
    if (a.agency_id) view.agency_code = a.agency_code;
    out.assignments.push_back(std::move(view));
  }
  for (const auto& r : v.recipients) {
    RecipientView view;
    view.agency_code = r.agency_code;
    view.agency_name = r.agency_name;
    view.delivered_document_id = r.delivered_document_id;
    view.delivered_at = InstantOf(r.delivered_at);
    if (r.status) {
      view.status = doc::Name(*r.status);
      view.status_code = doc::Code(*r.status);
      view.status_label = doc::Label(*r.status);
      view.changed_at = InstantOf(r.status_changed_at);
    }
    out.recipients.push_back(std::move(view));
  }
  for (const auto& f : v.files) out.files.push_back(FileOf(f));
  for (const auto& e : v.events) {
    out.events.push_back({Instant{e.at}, doc::Name(e.action), e.actor, e.agency_code,
                          e.from_status ? std::optional(doc::Name(*e.from_status)) : std::nullopt,
                          doc::Name(e.to_status), e.note});
  }
  for (auto a : v.allowed_actions) out.allowed_actions.push_back(doc::Name(a));
  out.overdue = v.overdue;
  if (v.seal) {
    out.seal =
        DocumentSealView{v.seal->token, v.verify_url, v.seal->sha256, Instant{v.seal->signed_at}};
  }
  if (v.exchange) {
    const auto& x = *v.exchange;
    out.exchange = DocumentExchangeView{x.signed_ ? "valid" : "unsigned",
                                        x.pinned,
                                        x.certificate_subject,
                                        x.certificate_sha256,
                                        x.edxml_document_id,
                                        x.package_sha256,
                                        Instant{x.imported_at},
                                        x.imported_by};
  }
  out.version = d.version;
  out.created_at = Instant{d.created_at};
  out.updated_at = Instant{d.updated_at};
  return out;
}

List<DocumentItemView> ItemsOf(service::document::ListResult result, const Paging& paging) {
  std::vector<DocumentItemView> items;
  for (auto& item : result.items) {
    auto& d = item.document;
    items.push_back({d.id, doc::Name(d.direction), doc::Name(d.status), d.type, d.subject,
                     d.number_notation, std::move(item.snippet), d.incoming_number, d.issued_on,
                     d.issuer_name, d.agency_code, doc::Name(d.urgency), doc::Name(d.secrecy),
                     d.deadline, item.overdue, Instant{d.updated_at}});
  }
  return ListOf(std::move(items), result.total, paging);
}

}  // namespace

void RegisterDocumentRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(verb::post, "/api/v1/documents/incoming", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto input = IncomingInputOf(json::Read<IncomingBody>(JsonBody(request)));
               return JsonView(ViewOf(s.documents.RegisterIncoming(caller, input)),
                               status::created);
             }));

  router.Add(verb::post, "/api/v1/documents/outgoing", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto input = OutgoingInputOf(json::Read<OutgoingBody>(JsonBody(request)));
               return JsonView(ViewOf(s.documents.DraftOutgoing(caller, input)), status::created);
             }));

  // An edXML package from another system (CONTRACT.md "Exchange"; docs/exchange.md): the
  // clerk's role from the headers, before the body (at most kMaxEdxmlBytes) is read.
  auto may_import = [&s](Request& request) {
    core::access::RequireAnyRole(RequireCaller(request, s), {core::access::Role::kClerk});
  };
  router.Add(
      verb::post, "/api/v1/documents/edxml", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        const auto type = request.header(boost::beast::http::field::content_type);
        if (!http::HasMediaType(type, "application/xml") && !http::HasMediaType(type, "text/xml")) {
          throw Error(ErrorCode::kUnsupportedMedia,
                      "Gói tin edXML phải gửi với Content-Type: application/xml.");
        }
        return JsonView(ViewOf(s.documents.ImportEdxml(caller, request.body())), status::created);
      }),
      http::RouteOptions{.max_body_bytes = service::document::kMaxEdxmlBytes,
                         .spool_body = true,
                         .before_body = may_import});

  // Before /api/v1/documents/{id}: the router takes the first pattern that matches.
  router.Add(
      verb::get, "/api/v1/documents/tasks", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        auto paging = ParsePaging(request);
        return JsonView(ItemsOf(s.documents.Tasks(caller, paging.page, paging.per_page), paging));
      }));

  router.Add(verb::get, "/api/v1/document-registers/{register}",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               service::document::RegisterQuery q;
               q.register_name = request.param("register");
               q.from = request.query("from").value_or("");
               q.to = request.query("to").value_or("");
               q.format = request.query("format").value_or("");
               auto file = s.documents.RenderRegister(caller, q);
               http::Response r = http::TextResponse(std::move(file.bytes), file.mime_type);
               r.headers.emplace_back("Content-Disposition",
                                      "attachment; filename=\"" + file.file_name + "\"");
               r.headers.emplace_back("Cache-Control", "private, no-store");
               return r;
             }));

  router.Add(verb::get, "/api/v1/documents", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto paging = ParsePaging(request);
               service::document::ListQuery q;
               q.q = request.query("q").value_or("");
               q.direction = request.query("direction").value_or("");
               q.status = request.query("status").value_or("");
               q.page = paging.page;
               q.per_page = paging.per_page;
               return JsonView(ItemsOf(s.documents.List(caller, q), paging));
             }));

  router.Add(verb::get, "/api/v1/documents/{id}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return JsonView(ViewOf(s.documents.Get(caller, IdParam(request, "id"))));
             }));

  router.Add(verb::post, "/api/v1/documents/{id}/actions",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto id = IdParam(request, "id");
               service::document::ActionInput input;
               try {
                 input = DocumentActionInputOf(JsonBody(request));
               } catch (const Error&) {
                 s.documents.Get(caller, id);  // a document the caller may not see: 404 first
                 throw;
               }
               return JsonView(ViewOf(s.documents.Act(caller, id, input)));
             }));

  // Credentials, visibility and role from an upload's headers, before its body is read.
  auto may_upload = [&s](Request& request) {
    s.documents.CheckCanAddFile(RequireCaller(request, s), IdParam(request, "id"));
  };
  router.Add(verb::post, "/api/v1/documents/{id}/files", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto id = IdParam(request, "id");
               auto parts = http::ParseMultipart(
                   request.header(boost::beast::http::field::content_type), request.body());
               std::string file_name;
               std::string_view data;
               bool has_file = false;
               for (const auto& part : parts) {
                 if (part.name == "file") {
                   has_file = true;
                   data = part.data;
                   file_name = part.filename;
                 }
               }
               if (!has_file) {
                 s.documents.CheckCanAddFile(caller, id);  // 404 and 403 first
                 throw FieldError("file", "thiếu tệp (trường file).");
               }
               return JsonView(FileOf(s.documents.AddFile(caller, id, file_name, data)),
                               status::created);
             }),
             http::RouteOptions{.max_body_bytes = service::document::kMaxFileBytes + 64 * 1024,
                                .spool_body = true,
                                .before_body = may_upload});

  router.Add(
      verb::get, "/api/v1/documents/{id}/files/{sha256}", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        auto stored = s.documents.GetFile(caller, IdParam(request, "id"), request.param("sha256"));
        http::Response r = http::TextResponse(std::move(stored.bytes), stored.file.mime_type);
        r.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + stored.file.sha256 + "\"");
        r.headers.emplace_back("Cache-Control", "private, no-store");
        return r;
      }));

  router.Add(verb::get, "/api/v1/documents/{id}/edxml", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto exported = s.documents.ExportEdxml(caller, IdParam(request, "id"));
               http::Response r =
                   http::TextResponse(std::move(exported.xml), "application/xml; charset=utf-8");
               r.headers.emplace_back("Content-Disposition", "attachment; filename=\"van-ban-" +
                                                                 std::string(request.param("id")) +
                                                                 ".edxml\"");
               r.headers.emplace_back("Cache-Control", "private, no-store");
               return r;
             }));

  router.Add(
      verb::put, "/api/v1/agencies/{code}/document-numbering",
      http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        auto body = json::Read<NumberingBody>(JsonBody(request));
        auto scheme = core::document::ParseSeriesScheme(body.scheme);
        if (!scheme) throw FieldError("scheme", "phải là single hoặc per_type.");
        core::document::NumberingScheme value{*scheme, body.secret_own.value_or(true)};
        s.documents.SetNumberingScheme(caller, request.param("code"), value);
        return JsonView(NumberingView{
            request.param("code"), core::document::Name(value.administrative), value.secret_own});
      }));
}

}  // namespace egov::api
