// SQL of the reminder scan (docs/reminders.md): the dossiers and documents whose due time
// may call for a notice, the marks that make each notice once, the officers to tell, and the
// agencies' working hours. Reads run on the caller's session; InsertMark in the caller's
// transaction, never committing.
//
// Candidates come in pages ordered by (due, id), continued after a cursor (keyset paging):
// the scan may skip a candidate (its agency is closed, its share has not passed yet) and the
// next page still moves on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace egov::store::reminders {

// Where a page starts: after (due, id).
struct Cursor {
  std::int64_t due = -1;
  std::int64_t id = 0;
};

// A dossier in processing and its current step.
struct DossierCandidate {
  std::int64_t id = 0;
  std::string code, procedure_name;
  std::int64_t agency_id = 0;  // the current agency (it holds the dossier)
  std::string step_role;       // the current step's role ("specialist")
  std::optional<std::string> assignee;
  std::string step_name;
  std::int64_t step_hours = 0;  // the step's allotment, in working hours
  std::int64_t due = 0;         // step_due_at or due_at, as asked
};

enum class DossierDue { kStep, kDossier };

// Dossiers in processing whose step's (kStep) or own (kDossier) due time lies after `after`
// and at or before `until`, with no mark of `mark_kind` for that due time; at most `limit`.
std::vector<DossierCandidate> DossierCandidates(Session& session, DossierDue which,
                                                std::string_view mark_kind, Cursor after,
                                                std::int64_t until, int limit);

// An incoming document under a direction (directed, in progress) with a deadline.
struct DocumentCandidate {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string subject;
  std::optional<std::string> number_notation;
  std::optional<std::int64_t> incoming_number;
  std::string deadline;           // YYYY-MM-DD
  std::int64_t deadline_key = 0;  // YYYYMMDD: the due key of its marks
  std::optional<std::int64_t> directed_at;
  std::string directed_by;  // the leader who directed it ("" when unknown)
  std::optional<std::int64_t> lead_agency_id;
  std::optional<std::string> lead_username;
};

// Documents under a direction whose deadline key lies after `after.due` (then id) and at or
// before `until_key` (YYYYMMDD), with no mark of `mark_kind` for that deadline; at most `limit`.
std::vector<DocumentCandidate> DocumentCandidates(Session& session, std::string_view mark_kind,
                                                  Cursor after, std::int64_t until_key, int limit);

// Records that the notice `kind` about `subject` ("dossier" | "document") `id` for the due
// time `due` was given. False when it already was (another scan, in this process or another,
// got there first): the caller then says nothing.
bool InsertMark(WriteTransaction& tx, std::string_view subject, std::int64_t id,
                std::string_view kind, std::int64_t due, std::int64_t now);

// An active officer to tell.
struct Officer {
  std::int64_t id = 0;
  std::string username;
  std::optional<std::string> email;
};
// The active officers of `agency_id` (that agency only) with `role`, by id.
std::vector<Officer> OfficersWithRole(Session& session, std::int64_t agency_id,
                                      std::string_view role);
std::optional<Officer> ActiveOfficer(Session& session, std::string_view username);
std::optional<Officer> ActiveOfficerById(Session& session, std::int64_t id);

// The agency's parent; nullopt for a root or no such agency.
std::optional<std::int64_t> ParentAgency(Session& session, std::int64_t agency_id);

// The agency's working hours text ("07:30-11:30,13:00-17:00"); nullopt for no such agency.
std::optional<std::string> WorkingHoursOf(Session& session, std::int64_t agency_id);

}  // namespace egov::store::reminders
