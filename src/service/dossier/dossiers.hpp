// Use cases of one-stop dossiers (DOMAIN.md §2, CONTRACT.md dossiers and public):
// intake at the counter, online submission, every workflow action (Act: one command path
// through core::dossier::Decide), reading, lists and the citizen's public lookup. Codes are
// allocated atomically per agency and day; due times are computed once, at the event, from the
// calendar in force and recorded. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/access/model.hpp"
#include "core/access/roles.hpp"
#include "core/calendar/working_time.hpp"
#include "core/catalog/procedure.hpp"
#include "core/clock.hpp"
#include "core/dossier/marks.hpp"
#include "core/dossier/model.hpp"
#include "core/dossier/states.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/jobs/job_queue.hpp"
#include "store/database.hpp"
#include "store/dossier/bulk.hpp"
#include "store/dossier/dossiers.hpp"
#include "store/dossier/queues.hpp"
#include "store/dossier/ratings.hpp"
#include "store/files/file_store.hpp"

namespace egov::service::dossier {

struct IntakeInput {
  std::string procedure_code;
  // direct | postal (counter), online (public submission); nullopt: a name that is no channel
  std::optional<core::dossier::Channel> channel;
  std::string agency_code;  // online only: the receiving agency the citizen chose
  core::dossier::Applicant applicant;
  std::vector<core::catalog::Component> components;
};

struct DossierView {
  core::dossier::Dossier dossier;
  core::catalog::Procedure procedure;  // the pinned version
  std::vector<core::dossier::Event> events;
  std::vector<core::dossier::File> files;
  std::vector<core::dossier::DossierStep> steps;         // resolved at intake, with their agencies
  std::optional<core::calendar::Timeliness> timeliness;  // once completed
  // For the caller who asked (Get, Act, Assign): the workflow actions they may take now
  // (core::dossier::AllowedActions, the assignee rule included), and whether the current
  // step is overdue (core::dossier::MarkOf).
  std::vector<core::dossier::Action> allowed_actions;
  bool overdue = false;
  std::optional<store::dossier::StoredRating> rating;  // the citizen's, once rated (Get)
};

// A dossier of a work queue and its mark (docs/workflow.md, "Work queues").
struct Task {
  store::dossier::TaskRow row;
  core::dossier::Mark mark = core::dossier::Mark::kNone;
};

struct TaskQuery {
  std::optional<core::dossier::Mark> mark;  // overdue | due_soon; nullopt: any
  std::string assignee;                     // unit queue: a username, "none", "" any
  int page = 1, per_page = 50;
};

struct TaskList {
  std::vector<Task> items;
  std::int64_t total = 0;
};

struct TaskCounts {
  std::int64_t mine = 0, overdue = 0, due_soon = 0, online = 0, unit = 0;
};

// One posted action (CONTRACT.md, "Dossier statuses and actions"); which members matter
// depends on the action (the API reads only those).
struct ActionInput {
  core::dossier::Action action = core::dossier::Action::kForward;
  std::string reason;                      // send_back (optional), request_supplement, refuse,
                                           // reschedule, withdraw, stop
  std::vector<std::string> missing;        // request_supplement
  std::optional<std::int64_t> new_due_at;  // reschedule (UTC ms)
  std::optional<std::string> to_user;      // forward: an officer of the next step
  std::optional<std::int64_t> version;     // the dossier's version the caller saw
};

// Uploads: at most this many bytes per file; PDF, JPEG and PNG only (sniffed).
constexpr std::size_t kMaxFileBytes = 10 * 1024 * 1024;

struct StoredFile {
  core::dossier::File file;
  std::string bytes;
};

struct PublicView {
  std::string code, procedure_name;
  core::dossier::Status status = core::dossier::Status::kSubmitted;
  std::string status_label, applicant_name;
  std::optional<std::int64_t> received_at, due_at;
};

struct ListQuery {
  std::optional<core::dossier::Status> status;  // nullopt: any
  std::string q, received_from, received_to;    // dates YYYY-MM-DD (Vietnam)
  bool overdue = false;
  int page = 1, per_page = 50;
};

class Dossiers {
 public:
  // `citizen_notices`: where a citizen_notice job is enqueued, in the transaction of each
  // event the citizen must hear about (core::dossier::CitizenEventOf; docs/jobs.md); null:
  // none (the demo's history, whose citizens are fictional and whose events are past).
  Dossiers(store::Database& db, const core::Clock& clock, calendar::CalendarService& calendar,
           catalog::Catalog& catalog, store::FileStore& files,
           const jobs::JobQueue* citizen_notices = nullptr);

  // Reception at the caller's agency. A repeated `idempotency_key` of the same officer
  // returns the first dossier instead of creating another; with another request (any field
  // differs) it is validation_failed naming "Idempotency-Key", and nothing is created.
  DossierView Intake(const core::access::Caller& caller, const IntakeInput& input,
                     const std::optional<std::string>& idempotency_key);
  // A citizen's online submission: status "submitted", code allocated now, no times yet.
  // The agency must be one that ReceivingAgencies(procedure's level) offers.
  DossierView Submit(const IntakeInput& input, const std::optional<std::string>& idempotency_key);
  // Every workflow action, in one write transaction (docs/workflow.md, "Using it in the
  // service"): not_found unless the caller may see the dossier (before any other check);
  // conflict for a stale `version`; then core::dossier::Decide (conflict for the status or a
  // once-only rule, forbidden for the role, validation_failed naming the field), and for a
  // forward's `to_user` an active officer of the next step's agency with its role. Applies the
  // transition: status, current step and its agency, due times computed now by the core
  // deadline functions and recorded with the event, completion; the row is written only if its
  // version is still the one read (conflict otherwise: another officer won). Changes nothing
  // when it throws.
  DossierView Act(const core::access::Caller& caller, const std::string& code,
                  const ActionInput& input);

  DossierView Get(const core::access::Caller& caller, const std::string& code) const;

  // Work queues (queues.cpp; docs/workflow.md, "Work queues"). The caller's tasks: the
  // processing and result_ready dossiers at their agency whose current step has one of their
  // roles and is unassigned or assigned to them, and for reception the supplement_requested
  // dossiers received at their agency (paused); by the step's due time (paused last), then
  // code. validation_failed naming "mark" for mark paused.
  TaskList Tasks(const core::access::Caller& caller, const TaskQuery& q) const;
  // A leader's unit queue (forbidden otherwise): every open dossier whose current agency lies
  // in the leader's subtree; `assignee` filters.
  TaskList UnitTasks(const core::access::Caller& caller, const TaskQuery& q) const;
  // The menu's badges: the caller's tasks, those overdue and due soon, the online submissions
  // awaiting acceptance at their agency (reception, else 0), the unit queue (leader, else 0).
  TaskCounts CountTasks(const core::access::Caller& caller) const;
  // Assigns the current step to `username` (nullopt: clears it), by a leader of the step's
  // agency or an ancestor of it: not_found unless the caller sees the dossier, forbidden for
  // anyone else, conflict without an open current step or for a stale `version`,
  // validation_failed naming "username" unless an active officer of the step's agency with
  // its role. Records an `assign` event.
  DossierView Assign(const core::access::Caller& caller, const std::string& code,
                     const std::optional<std::string>& username,
                     const std::optional<std::int64_t>& version);
  // The active officers of the current step's (or the next step's: `next`) agency holding its
  // role: not_found unless the caller sees the dossier, conflict when there is no such step.
  std::vector<store::dossier::Officer> Officers(const core::access::Caller& caller,
                                                const std::string& code, bool next) const;
  store::dossier::ListResult List(const core::access::Caller& caller, const ListQuery& q) const;
  PublicView Lookup(const std::string& code) const;
  // Where a citizen may file: agencies with reception officers, those of `level`'s kind
  // (commune → communes, district/province → the others; empty: all).
  std::vector<store::dossier::ReceivingAgency> ReceivingAgencies(const std::string& level) const;

  // Throws unless the caller may add files to the dossier: forbidden without the reception or
  // specialist role, not_found when the dossier is not visible to them. Cheap enough to run
  // from an upload's headers, before its body is received.
  void CheckCanAddFile(const core::access::Caller& caller, const std::string& code) const;
  // A component's file, by an officer who may see the dossier (reception or specialist).
  core::dossier::File AddFile(const core::access::Caller& caller, const std::string& code,
                              const std::string& component, const std::string& file_name,
                              std::string_view bytes);
  StoredFile GetFile(const core::access::Caller& caller, const std::string& code,
                     const std::string& sha256) const;

 private:
  DossierView Create(const IntakeInput& input, const std::string& created_by,
                     const std::string& actor, const core::access::Agency& agency, bool submitted,
                     const std::optional<std::string>& idempotency_key);
  DossierView View(store::Session& session, const core::dossier::Dossier& d) const;
  // Enqueues the citizen's notice of the event `event_id` (caused by `action`) in `tx`, when
  // the action is one the citizen hears of and notices are on.
  void NotifyCitizen(store::WriteTransaction& tx, const std::string& code,
                     core::dossier::Action action, std::int64_t event_id) const;
  // The view for `caller`: its allowed actions and whether it is overdue.
  DossierView& ForCaller(DossierView& view, const core::access::Caller& caller) const;
  TaskList Queue(const core::access::Caller& caller, store::dossier::TaskQuery query,
                 const TaskQuery& q) const;
  // The dossier's resolved steps; for a dossier from before they were stored, resolved now
  // from its pinned procedure (`stored` false).
  std::vector<core::dossier::DossierStep> StepsOf(store::Session& session,
                                                  const core::dossier::Dossier& d,
                                                  const core::catalog::Procedure& p,
                                                  bool* stored = nullptr) const;
  core::calendar::WorkingHours HoursOf(const std::vector<core::dossier::DossierStep>& steps,
                                       const core::dossier::Dossier& d) const;

  store::Database& db_;
  const core::Clock& clock_;
  calendar::CalendarService& calendar_;
  catalog::Catalog& catalog_;
  store::FileStore& files_;
  const jobs::JobQueue* citizen_notices_;
};

}  // namespace egov::service::dossier
