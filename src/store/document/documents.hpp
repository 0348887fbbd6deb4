// SQL for official documents (migration 0012, docs/documents.md): the documents, their
// events, assignments, recipients and files, the numbering counters and schemes, and the
// list/search/task queries with the caller's visibility evaluated inside the SQL. Functions
// never commit: reads take a Session (inside a transaction, WriteTransaction::session()),
// writes the WriteTransaction.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/document/model.hpp"
#include "core/document/numbering.hpp"
#include "store/database.hpp"

namespace egov::store::document {

// The next number of `series` in `agency_id`'s `year`: 1, 2, 3 … One upsert on the counter
// row (created at 1 or incremented, RETURNING the number) inside the caller's transaction:
// concurrent registrations never share a number, and a rolled-back one gives its number back
// (the counter's increment is rolled back with it), so the register has no gap.
std::int64_t NextNumber(WriteTransaction& tx, std::int64_t agency_id, int year,
                        const std::string& series);

// The agency's numbering scheme (none stored: one series, secret documents apart).
core::document::NumberingScheme FindScheme(Session& session, std::int64_t agency_id);
void SetScheme(WriteTransaction& tx, std::int64_t agency_id,
               const core::document::NumberingScheme& scheme);

// The derived columns written with a document: folded copies for search and the duplicate rule.
struct Derived {
  std::string search_text;      // folded notation, subject, issuer and content
  std::string notation_folded;  // folded số/ký hiệu without spaces ("" when none)
  std::string issuer_folded;    // folded issuer name
};

std::int64_t Insert(WriteTransaction& tx, const core::document::Document& d,
                    const Derived& derived);
std::optional<core::document::Document> Find(Session& session, std::int64_t id);
// Writes every mutable column and bumps the version, only if the row still has `d.version`;
// false when someone else changed it since it was read.
bool Update(WriteTransaction& tx, const core::document::Document& d, const Derived& derived);

// A registered incoming document of `agency_id` with the same folded số/ký hiệu and the same
// issuer (the same issuer code when both have one, or the same folded issuer name), other than
// `except_id`: its id (the lowest), else nullopt (DOMAIN.md §4, likely duplicate).
std::optional<std::int64_t> FindDuplicate(Session& session, std::int64_t agency_id,
                                          const std::string& notation_folded,
                                          const std::string& issuer_code,
                                          const std::string& issuer_folded, std::int64_t except_id);

void InsertEvent(WriteTransaction& tx, std::int64_t document_id, const core::document::Event& e);
std::vector<core::document::Event> ListEvents(Session& session, std::int64_t document_id);

// Replaces the document's assignments by `assignments` (a new direction).
void ReplaceAssignments(WriteTransaction& tx, std::int64_t document_id,
                        const std::vector<core::document::Assignment>& assignments);
std::vector<core::document::Assignment> ListAssignments(Session& session, std::int64_t document_id);

void InsertRecipient(WriteTransaction& tx, std::int64_t document_id, std::int64_t agency_id);
std::vector<core::document::Recipient> ListRecipients(Session& session, std::int64_t document_id);
void MarkDelivered(WriteTransaction& tx, std::int64_t document_id, std::int64_t agency_id,
                   std::int64_t delivered_id, std::int64_t at);

// The recipient row that delivered `copy_id` (an incoming copy made by send), if any.
std::optional<core::document::Delivery> FindDelivery(Session& session, std::int64_t copy_id);
// The status of the copy `copy_id` as its sender sees it, changed at `at`.
void SetDeliveryStatus(WriteTransaction& tx, std::int64_t copy_id,
                       core::document::DeliveryStatus status, std::int64_t at);
// Every delivered recipient of `document_id`: recall_requested.
void SetRecallRequested(WriteTransaction& tx, std::int64_t document_id, std::int64_t at);

// Hands the lead or co-operating assignment of unit `unit_id` to `user` (sub-assignment).
void SetAssignedUser(WriteTransaction& tx, std::int64_t document_id, std::int64_t unit_id,
                     const std::string& user, const std::string& by, std::int64_t at,
                     const std::string& note);

// A withdrawn copy (recall accepted): its content, search text and file rows removed; the
// row, its metadata and events stay as the recall's record (the bytes stay in the FileStore,
// which the sender's document still references).
void Withdraw(WriteTransaction& tx, std::int64_t document_id);

// The incoming register: documents of `agency_id` with an incoming number that arrived in
// [from_ms, to_ms) (UTC ms), by year and number; at most `limit`.
std::vector<core::document::Document> ListIncomingRegister(Session& session, std::int64_t agency_id,
                                                           std::int64_t from_ms, std::int64_t to_ms,
                                                           int limit);
// The outgoing register: documents of `agency_id` numbered at issue with `issued_on` in
// [from, to] (YYYY-MM-DD), by day and number; at most `limit`.
std::vector<core::document::Document> ListOutgoingRegister(Session& session, std::int64_t agency_id,
                                                           const std::string& from,
                                                           const std::string& to, int limit);

void InsertFile(WriteTransaction& tx, std::int64_t document_id, const core::document::File& f);
std::vector<core::document::File> ListFiles(Session& session, std::int64_t document_id);

// Who is looking (docs/documents.md, "Visibility"): a document is visible when its agency is
// `leader_clerk_agency_id` (the caller is a leader or clerk of it; 0: none), or the caller
// drafted or signed it, or it is assigned to the caller or to the caller's own agency; and, for
// a document that is not secret, also when its agency, its drafting unit or an assigned unit
// lies in the caller's subtree, or it was sent to an agency in that subtree.
struct Viewer {
  std::string username;
  std::int64_t agency_id = 0;
  std::string subtree_path;
  std::int64_t leader_clerk_agency_id = 0;
};

bool IsVisible(Session& session, std::int64_t document_id, const Viewer& viewer);

// At most this many search terms (words of the folded query).
inline constexpr std::size_t kMaxTerms = 8;

struct ListFilter {
  Viewer viewer;
  std::optional<core::document::Direction> direction;
  std::optional<core::document::Status> status;
  std::vector<std::string> terms;  // folded words; each must occur in the search text
  int page = 1, per_page = 50;
};
struct ListResult {
  std::vector<core::document::Document> items;
  std::int64_t total = 0;
};
// Newest first. Withdrawn copies only when `status` asks for them.
ListResult List(Session& session, const ListFilter& filter);

// The caller's document tasks (docs/documents.md, "Tasks"): incoming documents directed or in
// progress that are assigned (lead or co_op) to them or their agency (unless the unit's leader
// handed the unit's part to another officer); for a leader of the
// agency `leader_agency_id`, its registered incoming documents and its submitted and approved
// outgoing ones; for a clerk of `clerk_agency_id`, its arrived incoming documents and its
// signed and issued outgoing ones; their own drafts. Oldest deadline first, then newest.
struct TaskFilter {
  std::string username;
  std::int64_t agency_id = 0;
  std::int64_t leader_agency_id = 0;  // 0: not a leader of a document agency
  std::int64_t clerk_agency_id = 0;   // 0: not a clerk
  int page = 1, per_page = 50;
};
ListResult Tasks(Session& session, const TaskFilter& filter);

}  // namespace egov::store::document
