// SQL for dossiers, their events and the daily code counters. Functions never commit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/dossier/model.hpp"
#include "store/database.hpp"

namespace egov::store::dossier {

// Reads take a Session (inside a transaction, WriteTransaction::session()), writes the
// WriteTransaction. The intake's writes (NextNumber, Insert, InsertEvent) keep their
// statements on the transaction's connection: prepared once per connection, not under every
// writer lock.
//
// The next number of `agency_id`'s dossiers on `day` (YYMMDD): 1, 2, 3 … Atomic within the
// caller's write transaction (one upsert: the counter row is created at 1 or incremented,
// RETURNING the number), so concurrent intakes never share or skip a number.
std::int64_t NextNumber(WriteTransaction& tx, std::int64_t agency_id, const std::string& day);

std::int64_t Insert(WriteTransaction& tx, const core::dossier::Dossier& dossier,
                    const std::string& applicant_folded);
std::optional<core::dossier::Dossier> FindByCode(Session& session, const std::string& code);
// Only what the public lookup shows: one narrow indexed query (the citizen's hot path).
struct PublicRow {
  std::string code, procedure_name;
  core::dossier::Status status = core::dossier::Status::kSubmitted;
  core::dossier::Applicant applicant;
  std::optional<std::int64_t> received_at, due_at;
};
std::optional<PublicRow> FindPublic(Session& session, const std::string& code);

// The dossier that `created_by` made with an Idempotency-Key, and the hash of that request
// (none for dossiers keyed before the hash was kept).
struct KeyedDossier {
  std::string code;
  std::optional<std::string> request_hash;
};
std::optional<KeyedDossier> FindByIdempotencyKey(Session& session, const std::string& created_by,
                                                 const std::string& key);
// Writes status, step, its agency and assignee, received, due and completion times, and bumps
// the version — only if the row still has `dossier.version` (the one the caller read). False
// when it has another: someone else changed the dossier since (the caller answers conflict).
bool UpdateState(WriteTransaction& tx, const core::dossier::Dossier& dossier, std::int64_t now);

// The dossier's resolved process (dossier_steps), in order; each step's agency code, path and
// working hours read with it. InsertSteps also copies the current step's role onto the
// dossier (`step_role`, for the work queues), as UpdateState does.
void InsertSteps(WriteTransaction& tx, std::int64_t dossier_id,
                 const std::vector<core::dossier::DossierStep>& steps);
std::vector<core::dossier::DossierStep> ListSteps(Session& session, std::int64_t dossier_id);

// Returns the event's id (the `event_id` of a citizen_notice job, docs/jobs.md).
std::int64_t InsertEvent(WriteTransaction& tx, std::int64_t dossier_id,
                         const core::dossier::Event& event);
std::vector<core::dossier::Event> ListEvents(Session& session, std::int64_t dossier_id);
// The dossier's events up to and including the one whose dossier_events id is `event_id`,
// oldest first; `found` says whether that event is the dossier's (then it is the last one).
struct EventsThrough {
  std::vector<core::dossier::Event> events;
  bool found = false;
};
EventsThrough ListEventsThrough(Session& session, std::int64_t dossier_id, std::int64_t event_id);

void InsertFile(WriteTransaction& tx, std::int64_t dossier_id, const core::dossier::File& file);
std::vector<core::dossier::File> ListFiles(Session& session, std::int64_t dossier_id);

struct ListFilter {
  std::string subtree_path;  // required: dossiers whose receiving agency or a step's agency
                             // lies under this path
  std::optional<core::dossier::Status> status;  // nullopt: any
  std::string query_folded;                     // matches code, applicant name, id number or phone
  std::optional<std::int64_t> received_from, received_to;  // [from, to)
  bool overdue_only = false;
  std::int64_t now = 0;
  int page = 1, per_page = 50;
};
struct ListResult {
  std::vector<core::dossier::Dossier> items;
  std::int64_t total = 0;
};
ListResult List(Session& session, const ListFilter& filter);

}  // namespace egov::store::dossier
