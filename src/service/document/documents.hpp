// Use cases of official documents (DOMAIN.md §4; CONTRACT.md, "Documents"; docs/documents.md):
// registering incoming documents with the next incoming number of the agency's year, drafting
// outgoing ones, every handling action through core::document::Decide (issue allocates the
// number from the agency's series and builds the số/ký hiệu; send delivers a copy to each
// recipient agency), files, reading, search and the handler's tasks. Numbers are allocated
// inside the transaction that writes the record. A document the caller may not see is
// not_found before any other check. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "core/access/roles.hpp"
#include "core/clock.hpp"
#include "core/document/model.hpp"
#include "core/document/numbering.hpp"
#include "core/document/workflow.hpp"
#include "core/seal/seal.hpp"
#include "service/seal/seals.hpp"
#include "service/seal/signer.hpp"
#include "store/database.hpp"
#include "store/document/documents.hpp"
#include "store/document/exchanges.hpp"
#include "store/files/file_store.hpp"

namespace egov::service::document {

// The caller's document agency and roles in it (context.hpp).
struct CallerContext;

// POST /api/v1/documents/incoming. Urgency and secrecy by name ("" → normal).
struct IncomingInput {
  std::string issuer_name;
  std::string issuer_code;
  std::string number_notation;
  std::string issued_on;  // YYYY-MM-DD
  std::string type;
  std::string subject;
  std::string urgency, secrecy;
  std::optional<int> pages;
  std::string due_on;  // YYYY-MM-DD or ""
  std::string signer_info;
  std::string content;
  // A likely duplicate (DOMAIN.md §4) is refused with 409 naming `duplicate_of` unless the
  // clerk confirms it is a different document.
  bool confirm_duplicate = false;
};

// POST /api/v1/documents/outgoing.
struct OutgoingInput {
  std::string type;
  std::string subject;
  std::string content;
  std::string urgency, secrecy;
  std::vector<std::string> recipients;  // agency codes
  bool normative = false;
  std::optional<int> pages;
  std::string due_on;
};

// POST /api/v1/documents/{id}/actions; which members matter depends on the action.
struct ActionInput {
  core::document::Action action = core::document::Action::kSubmit;
  std::optional<std::int64_t> version;
  // direct
  std::optional<std::string> lead;
  std::vector<std::string> co_op, inform;
  std::string deadline;  // YYYY-MM-DD or ""
  std::string instruction;
  // progress (required), complete and send_back (optional)
  std::string note;
  // complete: the reply document (an outgoing document of the agency)
  std::optional<std::int64_t> reply_document_id;
  // recall and refuse_recall (required)
  std::string reason;
  // assign: the officer of the caller's unit who handles the unit's part; `note` optional
  std::string user;
};

struct DocumentView {
  core::document::Document document;
  std::string type_name;
  std::vector<core::document::Event> events;
  std::vector<core::document::Assignment> assignments;
  std::vector<core::document::Recipient> recipients;
  std::vector<core::document::File> files;
  std::optional<std::int64_t> duplicate_of;  // a registered incoming one it likely duplicates
  // For the caller who asked.
  std::vector<core::document::Action> allowed_actions;
  bool overdue = false;  // a directed document past its deadline (Vietnam date)
  // An issued outgoing document's seal and its public verification page
  // ({public_base_url}/xac-thuc/{token}).
  std::optional<core::seal::SealRecord> seal;
  std::string verify_url;
  // An incoming document registered from an edXML package: how it was signed.
  std::optional<store::document::ExchangeRecord> exchange;
};

// GET /api/v1/document-registers/{register}: a register of the caller's document agency for
// a period of at most kMaxRegisterDays days (both days included), as PDF or XLSX.
struct RegisterQuery {
  std::string register_name;  // incoming | outgoing | tracking
  std::string from, to;       // YYYY-MM-DD (Vietnam dates)
  std::string format;         // pdf | xlsx ("" → pdf)
};
inline constexpr int kMaxRegisterDays = 366;

struct RegisterFile {
  std::string bytes;
  std::string mime_type;
  std::string file_name;  // ASCII: so-van-ban-den_2026-01-01_2026-03-31.pdf
};
class ExchangeKeys;

struct ListQuery {
  std::string q;
  std::string direction, status;  // names; "" any
  int page = 1, per_page = 50;
};

struct ListItem {
  core::document::Document document;
  std::string snippet;  // plain text, matches in <mark>…</mark>
  bool overdue = false;
};

struct ListResult {
  std::vector<ListItem> items;
  std::int64_t total = 0;
};

// Uploads: at most this many bytes per file; PDF, JPEG and PNG only (sniffed), as dossiers.
constexpr std::size_t kMaxFileBytes = 10 * 1024 * 1024;
// An imported edXML package: at most this many bytes of text (a 10 MiB file, zipped then
// base64, fits with room for its header).
constexpr std::size_t kMaxEdxmlBytes = 16 * 1024 * 1024;

struct StoredFile {
  core::document::File file;
  std::string bytes;
};

class Documents {
 public:
  // `types`: the document types (data/documents/types.json, LoadTypes()). `signers` seals
  // what is issued (with `clock`'s time); `public_base_url` (a reference: the composition root
  // may set it later) starts the verification URL printed as a QR code on a rendered document.
  Documents(store::Database& db, const core::Clock& clock, store::FileStore& files,
            core::document::TypeCatalog types, seal::SignerSource& signers,
            const std::string& public_base_url, ExchangeKeys* exchange_keys = nullptr);

  // A clerk registers an incoming document at their agency (docs/documents.md).
  DocumentView RegisterIncoming(const core::access::Caller& caller, const IncomingInput& input);
  // Any officer drafts an outgoing document of their agency; the drafting unit is their own.
  DocumentView DraftOutgoing(const core::access::Caller& caller, const OutgoingInput& input);
  DocumentView Act(const core::access::Caller& caller, std::int64_t id, const ActionInput& input);
  DocumentView Get(const core::access::Caller& caller, std::int64_t id) const;
  ListResult List(const core::access::Caller& caller, const ListQuery& q) const;
  ListResult Tasks(const core::access::Caller& caller, int page, int per_page) const;
  // A register (docs/documents.md, "Registers"): clerks and leaders of the agency only (403),
  // then the query's fields (422 naming register, from, to or format).
  RegisterFile RenderRegister(const core::access::Caller& caller, const RegisterQuery& q) const;

  // Throws unless the caller may attach a file: not_found when the document is not visible,
  // forbidden unless a clerk of its agency, its drafter or a lead/co-operating handler,
  // conflict once an outgoing document is issued (its file is what was issued).
  void CheckCanAddFile(const core::access::Caller& caller, std::int64_t id) const;
  core::document::File AddFile(const core::access::Caller& caller, std::int64_t id,
                               const std::string& file_name, std::string_view bytes);
  StoredFile GetFile(const core::access::Caller& caller, std::int64_t id,
                     const std::string& sha256) const;

  // GET /api/v1/documents/{id}/edxml (exchange.cpp): the issued outgoing document as an
  // edXML package with its sealed file, signed with its agency's exchange key. not_found
  // when not visible; conflict when not issued, secret, without recipients, or when its
  // agency has no exchange key.
  struct Export {
    std::string xml;
    std::string file_name;  // "07-QĐ-UBND.pdf.edxml"
  };
  Export ExportEdxml(const core::access::Caller& caller, std::int64_t id);
  // POST /api/v1/documents/edxml (a clerk): registers the package as an incoming document of
  // the caller's agency with its attachments as files. validation_failed with every problem
  // of a malformed package, signature_invalid for a signature that does not verify, conflict
  // for the same package again or a likely duplicate; an unsigned package is registered and
  // marked so.
  DocumentView ImportEdxml(const core::access::Caller& caller, std::string_view xml);

  // Where numbers come from: sets an agency's scheme (an administrator of it).
  void SetNumberingScheme(const core::access::Caller& caller, const std::string& agency_code,
                          const core::document::NumberingScheme& scheme);

  const core::document::TypeCatalog& types() const { return types_; }

 private:
  using Context = CallerContext;
  Context ContextOf(store::Session& session, const core::access::Caller& caller) const;
  core::document::Actor ActorOf(const Context& ctx, const core::document::Document& d,
                                const std::vector<core::document::Assignment>& assignments) const;
  DocumentView View(store::Session& session, const Context& ctx,
                    const core::document::Document& d) const;
  // The document, or not_found unless it exists and the caller may see it.
  core::document::Document Visible(store::Session& session, const Context& ctx,
                                   std::int64_t id) const;
  void Deliver(store::WriteTransaction& tx, const core::document::Document& d,
               const std::string& signer_name, std::int64_t now);
  // A recipient's copy changed status: the recipient row of the sent document and an event of
  // the sent document, in the recipient's transaction.
  void FlowBack(store::WriteTransaction& tx, const core::document::Document& copy,
                const core::document::Delivery& delivery, core::document::DeliveryStatus status,
                const core::access::Caller& caller, std::int64_t now, const std::string& note);
  // Seals the issued file inside the issuing transaction (sealing.cpp): the latest PDF
  // attached, or one rendered from the content and stored as the document's file.
  void SealIssued(store::WriteTransaction& tx, core::document::Document& d,
                  const core::access::Caller& caller, std::int64_t now);

  store::Database& db_;
  const core::Clock& clock_;
  store::FileStore& files_;
  core::document::TypeCatalog types_;
  seal::Seals seals_;
  const std::string& public_base_url_;
  ExchangeKeys* exchange_keys_;
};

// What an issued document's seal shows to the public as its title: the type name and the
// trích yếu ("Quyết định về việc …"), or for a secret document its type name only.
std::string SealTitleOf(const core::document::Document& d, const std::string& type_name);
// The file name of a rendered document: "07-QĐ-UBND.pdf".
std::string FileNameOf(const std::string& number_notation);

// The shipped document types (data/documents/types.json, compiled in).
core::document::TypeCatalog LoadTypes();

// The search text of a document (folded: case, diacritics and đ): its số/ký hiệu, subject,
// issuer and content, as stored for search.
store::document::Derived DerivedOf(const core::document::Document& d);

}  // namespace egov::service::document
