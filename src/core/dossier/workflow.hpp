// The workflow of a one-stop dossier (DOMAIN.md §2; CONTRACT.md, "Dossier statuses and
// actions") as one table of data: for each status, position of the current step and action,
// who may act, the next status, the next step and what the dossier's clock does. Decide()
// reads the table, then checks the actor, the rule set and the action's input, and answers
// either the Transition to apply or a typed Refusal that changes nothing. docs/workflow.md
// explains every row and every choice. Pure: no I/O and no clock (the caller passes `now`);
// thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/access/roles.hpp"
#include "core/calendar/working_time.hpp"
#include "core/catalog/procedure.hpp"
#include "core/dossier/model.hpp"
#include "core/dossier/rule_set.hpp"
#include "core/dossier/states.hpp"
#include "core/error.hpp"

namespace egov::core::dossier {

// Where the current step must lie for a row of the table to apply. Steps count from 0 and
// the last one (count − 1) is always the return to the applicant (catalog::Validate).
enum class StepAt {
  kNone,          // no step: an online submission not yet accepted
  kProcessing,    // any step before the return step: 0 ≤ i < count − 1
  kHasNext,       // a step whose next step is not the return step: i < count − 2
  kNotFirst,      // a step before the return step that has a previous one: 0 < i < count − 1
  kBeforeReturn,  // the step before the return step: i == count − 2
  kReturn,        // the return step: i == count − 1
};

// Whether a row at `at` applies to a dossier whose current step is `step` (nullopt: none) in a
// process of `count` steps.
bool AppliesAt(StepAt at, const std::optional<int>& step, int count);

// Who may take a row's action (docs/workflow.md, "Who acts").
enum class Who {
  kReception,  // the reception role at the dossier's receiving agency
  kStepActor,  // the current step's role at the step's agency; for a step whose role is not
               // reception, also the leader role at the step's agency
  kStepActorOrReception,  // either of the two
};

// Which step is current after the action.
enum class NextStep {
  kNone,      // still no step (before acceptance)
  kSame,      // the current step (a pause, a resume, a reschedule, an ending)
  kFirst,     // step 0
  kNext,      // current + 1
  kPrevious,  // current − 1
  kReturn,    // the return step, count − 1
};

// The dossier's clock after the action (ARCHITECTURE.md principle 2). A completed dossier's
// clock is stopped (it has been judged) while its return step, judged on its own allotment,
// still runs: see Schedule in deadlines.hpp.
enum class ClockState { kNotStarted, kRunning, kPaused, kStopped };
std::string_view Name(ClockState clock);

// One row of the table.
struct Rule {
  Status status;
  StepAt at;
  Action action;
  Who who;
  Status next_status;
  NextStep next_step;
  ClockState clock;
  bool step_starts;  // the step current after the action starts its allotment now
};

// The table, in the order docs/workflow.md lists it. At most one row matches a (status,
// action) pair and a step position.
std::span<const Rule> Rules();

// The actions a caller may post (CONTRACT.md): every Action but submit, intake and file, which
// are events of other use cases.
bool IsWorkflowAction(Action action);
// The action in Vietnamese, for messages: "chuyển bước tiếp theo", "trả kết quả" …
std::string_view ActionLabel(Action action);

// What Decide needs to know of the dossier.
struct WorkflowState {
  Status status = Status::kSubmitted;
  std::optional<int> step;  // the current step, from 0; nullopt before acceptance
  int step_count = 2;       // steps of the pinned process, the return step included (≥ 2)
  access::Role step_role = access::Role::kReception;  // the current step's role
  int reschedules = 0;                                // reschedule events so far
  bool supplement_requested_before_acceptance = false;
  std::optional<std::int64_t> due_at;  // the dossier's due time in force (UTC ms)
  // The officer the current step is assigned to (nullopt: anyone of the step), and how
  // messages name them ("Trần Văn B (chuyenvien.tnmt)"; empty: the username).
  std::optional<std::string> assignee;
  std::string assignee_label;
};

// The state of a stored dossier: its status and current step (none until it was received),
// the current step's role from the pinned process, its assignee (the label left empty), and
// what its events say.
WorkflowState StateOf(const Dossier& dossier, std::span<const Event> events,
                      std::span<const catalog::Step> steps);

// The caller, as far as the workflow cares. The service decides what "at an agency" means
// (docs/workflow.md recommends: the caller's own agency is that agency).
struct Actor {
  std::set<access::Role> roles;
  bool at_receiving_agency = false;  // the caller works at the dossier's receiving agency
  bool at_step_agency = false;       // … at the current step's agency (the receiving agency
                                     // for a step that names none)
  std::string username;  // matched against the step's assignee (docs/workflow.md, "Assignment")
};

// One posted action and its body.
struct Request {
  Action action = Action::kForward;
  std::int64_t now = 0;  // UTC epoch milliseconds
  std::string reason;    // required by request_supplement, refuse, reschedule, withdraw, stop
  std::vector<std::string> missing;        // request_supplement: what the applicant must add
  std::optional<std::int64_t> new_due_at;  // reschedule: the new appointment (UTC ms)
};

// How a refused action is answered: kStatus and kConflict → 409 conflict, kRole → 403
// forbidden, kInvalid → 422 validation_failed.
enum class RefusalKind { kStatus, kRole, kConflict, kInvalid };

struct Refusal {
  RefusalKind kind = RefusalKind::kStatus;
  std::string message;  // Vietnamese, for the user
  std::string field;    // the input field at fault (kInvalid), else empty
};

// The egov::Error the API answers for a refusal (code by kind, the message, and the field in
// details when there is one).
Error ToError(const Refusal& refusal);

// An accepted action: what to store and which event to record.
struct Transition {
  Action action = Action::kForward;
  Status status = Status::kProcessing;  // the next status
  std::optional<int> from_step;         // the current step before, and after (nullopt: none)
  std::optional<int> step;
  ClockState clock = ClockState::kRunning;
  bool step_starts = false;  // `step` starts its allotment now (a new due time for it)
  std::optional<std::int64_t> new_due_at;  // reschedule: the new due time, to the minute
  std::string note;  // the event's note: the reason, and the missing items one a line
};

using Outcome = std::variant<Transition, Refusal>;

// Decides one action. Checks, in this order: an action a caller may post (else kInvalid on
// "action"); a row for the status and the step's position (else kStatus); the rule set (stop
// exists from Circular 03/2025; else kStatus); the actor (else kRole); the once-only rules
// (a second reschedule, a second supplement request before acceptance: kConflict); the step's
// assignee (an assigned step is acted on as its actor by the assignee only: kRole); the input
// (a reason, the missing items, the new due time: kInvalid). `calendar` is the receiving
// agency's: the reschedule window and the new due time's working hours are read in it.
Outcome Decide(const WorkflowState& state, const Actor& actor, const Request& request,
               const RuleSet& rules, const calendar::WorkingCalendar& calendar);

// The workflow actions `actor` may take now, in the order of AllActions(): each one Decide
// accepts, or refuses only for its input (a reason, the missing items or the new due time the
// caller has yet to give: kInvalid). Refusals for the status, the role, the assignee and the
// once-only rules leave the action out. Pure: Decide for each action, no other rule.
std::vector<Action> AllowedActions(const WorkflowState& state, const Actor& actor, std::int64_t now,
                                   const RuleSet& rules, const calendar::WorkingCalendar& calendar);

// An event's note read back (the inverse of the note a Transition records): the reason (one
// line), a supplement request's missing items, in order. Any other note is all reason.
struct NoteParts {
  std::string reason;
  std::vector<std::string> missing;
};
NoteParts ParseNote(std::string_view note);

// The event an accepted action records, at `at`, by `actor` of `agency_code`.
Event EventOf(const Transition& transition, std::int64_t at, std::string actor,
              std::string agency_code);

}  // namespace egov::core::dossier
