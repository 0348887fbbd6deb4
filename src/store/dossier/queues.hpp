// SQL of the work queues (docs/workflow.md, "Work queues"): an officer's tasks, a leader's
// unit queue, their counts, and the officers who may hold a step. Every query starts from the
// index dossiers(current_agency_id, status, step_due_at) (migration 0010_work_queues) or
// dossiers(receiving_agency_id, status), so its cost follows the open dossiers of the
// agencies asked, not the database's history.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/access/roles.hpp"
#include "core/dossier/states.hpp"
#include "store/database.hpp"

namespace egov::store::dossier {

// One dossier of a queue, with its current step (none before an online submission is
// received).
struct TaskRow {
  std::string code, procedure_code, procedure_name;
  core::dossier::Status status = core::dossier::Status::kProcessing;
  std::string applicant_name, receiving_agency;
  std::optional<std::int64_t> received_at, due_at;
  bool has_step = false;
  int step_index = 0;
  std::string step_name;
  core::access::Role step_role = core::access::Role::kReception;
  std::string step_agency_code, step_working_hours;  // the step agency's ("" : default)
  std::optional<std::int64_t> step_due_at;
  std::optional<std::string> assignee;
};

// Which dossiers of a queue, and which page.
struct TaskQuery {
  // The caller's tasks: processing or result_ready at `agency_id` whose step role is in
  // `roles` and whose step is unassigned or assigned to `username`; and, when `reception`,
  // the supplement_requested dossiers received at `agency_id` (paused).
  std::int64_t agency_id = 0;
  std::set<core::access::Role> roles;
  std::string username;
  bool reception = false;
  // A leader's unit queue instead (when `subtree_path` is set): every open dossier whose
  // current agency lies under it; `assignee`: a username, "" any, and `unassigned_only`.
  std::string subtree_path;
  std::optional<std::string> assignee;
  bool unassigned_only = false;
  // The mark filter, on the current step's due time: `due_before` keeps those due before it
  // (overdue), `due_from`/`due_to` those due in [from, to] (due soon). Either drops the
  // paused ones.
  std::optional<std::int64_t> due_before, due_from, due_to;
  // Paging; per_page 0: every row.
  int page = 1, per_page = 50;
};

struct TaskPage {
  std::vector<TaskRow> items;
  std::int64_t total = 0;
};

// Ordered by the current step's due time (paused last), then code.
TaskPage ListTasks(Session& session, const TaskQuery& query);
// The number of dossiers `query` selects (its paging ignored).
std::int64_t CountTasks(Session& session, const TaskQuery& query);
// Online submissions awaiting acceptance at `agency_id`.
std::int64_t CountAwaitingAcceptance(Session& session, std::int64_t agency_id);

// The distinct working hours ("07:30-11:30,13:00-17:00") of the agencies under `path`, or of
// `agency_id` alone when given.
std::vector<std::string> WorkingHoursUnder(Session& session, const std::string& path,
                                           std::optional<std::int64_t> agency_id);

struct Officer {
  std::string username, full_name;
};
// The active officers of `agency_id` holding `role`, by username.
std::vector<Officer> ListOfficers(Session& session, std::int64_t agency_id,
                                  core::access::Role role);

}  // namespace egov::store::dossier
