// Due times derived from a dossier's events, never counted down (ARCHITECTURE.md principle
// 2; CONTRACT.md, "Deadline rules"; DOMAIN.md §2): the dossier's due time from the
// procedure's limit, each step's from its allotment counted from the moment the step starts,
// both moved later by exactly the working time spent paused for a supplement (any number of
// pauses), the dossier's replaced by a reschedule; and the timeliness (early / on time /
// late) of the dossier and of every hand-off. docs/workflow.md, "The clock", states the rules.
//
// Instants are UTC epoch milliseconds, judged in Vietnam time to the minute (a time's
// seconds never make it late). Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/calendar/working_time.hpp"
#include "core/catalog/procedure.hpp"
#include "core/dossier/model.hpp"
#include "core/dossier/workflow.hpp"

namespace egov::core::dossier {

// The due time of a dossier whose clock starts at `start`, by the procedure's limit in the
// receiving agency's `calendar`: N working days (N × its working day), H working hours, or
// same-day (the close of the first working day whose 15:00 is at or after `start`). The one
// place that reads TimeLimit::Kind for a deadline.
std::int64_t DueAt(const catalog::TimeLimit& limit, std::int64_t start,
                   const calendar::WorkingCalendar& calendar);
// A step's due time: its allotment in working hours from `start`, in the calendar of the
// step's agency (a step of 0 hours is due at once: at Start(start)).
std::int64_t StepDueAt(const catalog::Step& step, std::int64_t start,
                       const calendar::WorkingCalendar& calendar);
// Completed at `completed_at`, due at `due_at`: early on a day before the due day, on time on
// the due day up to the due minute, late after it (calendar::Classify, Vietnam time).
calendar::Timeliness TimelinessOf(std::int64_t completed_at, std::int64_t due_at);

// The working calendars the deadlines are counted in: the receiving agency's (the dossier's
// due time, and steps that name no agency) and each step's own agency's (its working hours).
// Not owned; they must outlive the calls.
struct Calendars {
  const calendar::WorkingCalendar* receiving = nullptr;
  std::vector<const calendar::WorkingCalendar*> steps;  // by step index; nullptr: receiving

  const calendar::WorkingCalendar& ForStep(int step) const;
};

// One stay of the dossier at a step, from the moment the step started (forwarded or sent
// back to it, acceptance, completion of the step before the return) to the action that ended
// it. A step visited twice (sent back) has two visits, each with its own allotment.
struct StepVisit {
  int step = 0;
  std::int64_t started_at = 0;
  std::int64_t due_at = 0;  // in force: the allotment from started_at, moved by pauses
  std::optional<std::int64_t> ended_at;
  std::optional<Action> ended_by;
  // Hand-offs only (forward, send_back, complete, return_result): a step ended by a
  // refusal, a withdrawal or a stop is not judged.
  std::optional<calendar::Timeliness> timeliness;
};

// Everything the events say about time.
struct Schedule {
  ClockState clock = ClockState::kNotStarted;
  std::optional<std::int64_t> received_at;         // intake, or acceptance of an online submission
  std::optional<std::int64_t> due_at;              // the dossier's due time in force
  std::optional<std::int64_t> original_due_at;     // the due time a reschedule replaced
  std::optional<std::int64_t> paused_at;           // while paused: since when
  int pauses = 0;                                  // supplement pauses after reception
  std::int64_t paused_working_minutes = 0;         // all pauses, in the receiving calendar
  std::optional<std::int64_t> completed_at;        // `complete`: the result is ready
  std::optional<calendar::Timeliness> timeliness;  // of the dossier, once completed
  std::optional<std::int64_t> ended_at;            // returned, refused, withdrawn, stopped
  std::vector<StepVisit> visits;                   // oldest first

  // The visit in progress (the last one, unless it has ended); nullptr when none.
  const StepVisit* current() const;
  // Its due time: the dossier's step_due_at.
  std::optional<std::int64_t> step_due_at() const;
};

// `schedule` after one more event, oldest first. `new_due_at` is a reschedule's new due time
// (Transition::new_due_at; the Event does not carry it), ignored for other actions. Events that
// do not touch time (submit, file) leave it as it was; so does an event whose action the
// schedule's state does not allow (Decide refuses those before any event is recorded).
// Throws egov::Error for a reschedule without a new due time.
Schedule Advance(Schedule schedule, const Event& event, const catalog::Procedure& procedure,
                 const Calendars& calendars, std::optional<std::int64_t> new_due_at = std::nullopt);

// Every event of a dossier folded with Advance. `reschedules`: the new due time of each
// reschedule event, in order. Throws egov::Error when a reschedule event has none.
Schedule Replay(std::span<const Event> events, const catalog::Procedure& procedure,
                const Calendars& calendars, std::span<const std::int64_t> reschedules = {});

// Overdue at `now`: the dossier's clock runs and the minute of `now` is after its due
// minute. A paused, completed or ended dossier is never overdue.
bool IsOverdue(const Schedule& schedule, std::int64_t now);
// The current step is overdue at `now`: a visit is in progress, the dossier is not paused and
// the minute of `now` is after the visit's due minute (the return step after completion too).
bool IsStepOverdue(const Schedule& schedule, std::int64_t now);

}  // namespace egov::core::dossier
