// Due times derived from a dossier's events (see deadlines.hpp and docs/workflow.md).
#include "core/dossier/deadlines.hpp"

#include "core/error.hpp"

namespace egov::core::dossier {

namespace {

namespace cal = calendar;

std::int64_t Millis(const cal::LocalDateTime& t) { return cal::ToUtcMillis(t); }
cal::LocalDateTime Local(std::int64_t millis) { return cal::FromUtcMillis(millis); }

StepVisit* Open(Schedule& s) { return const_cast<StepVisit*>(s.current()); }

void StartVisit(Schedule& s, int step, std::int64_t at, const catalog::Procedure& p,
                const Calendars& calendars) {
  if (step < 0 || step >= static_cast<int>(p.steps.size())) return;
  s.visits.push_back(StepVisit{
      step, at, StepDueAt(p.steps[static_cast<std::size_t>(step)], at, calendars.ForStep(step)),
      std::nullopt, std::nullopt, std::nullopt});
}

void EndVisit(Schedule& s, std::int64_t at, Action by, bool hand_off) {
  StepVisit* v = Open(s);
  if (!v) return;
  v->ended_at = at;
  v->ended_by = by;
  if (hand_off) v->timeliness = TimelinessOf(at, v->due_at);
}

}  // namespace

std::int64_t DueAt(const catalog::TimeLimit& limit, std::int64_t start,
                   const cal::WorkingCalendar& calendar) {
  const cal::LocalDateTime at = Local(start);
  switch (limit.kind) {
    case catalog::TimeLimit::Kind::kDays: return Millis(calendar.AddWorkingDays(at, limit.amount));
    case catalog::TimeLimit::Kind::kHours:
      return Millis(calendar.AddWorkingHours(at, limit.amount));
    case catalog::TimeLimit::Kind::kSameDay: return Millis(calendar.SameDayDue(at));
  }
  throw Error(ErrorCode::kInternal, "Thời hạn giải quyết không hợp lệ.", "unknown TimeLimit kind");
}

std::int64_t StepDueAt(const catalog::Step& step, std::int64_t start,
                       const cal::WorkingCalendar& calendar) {
  return Millis(calendar.AddWorkingHours(Local(start), step.hours));
}

cal::Timeliness TimelinessOf(std::int64_t completed_at, std::int64_t due_at) {
  return cal::Classify(Local(completed_at), Local(due_at));
}

const cal::WorkingCalendar& Calendars::ForStep(int step) const {
  if (step >= 0 && static_cast<std::size_t>(step) < steps.size() &&
      steps[static_cast<std::size_t>(step)] != nullptr) {
    return *steps[static_cast<std::size_t>(step)];
  }
  return *receiving;
}

const StepVisit* Schedule::current() const {
  if (visits.empty() || visits.back().ended_at) return nullptr;
  return &visits.back();
}

std::optional<std::int64_t> Schedule::step_due_at() const {
  const StepVisit* v = current();
  if (!v) return std::nullopt;
  return v->due_at;
}

Schedule Advance(Schedule s, const Event& event, const catalog::Procedure& p,
                 const Calendars& calendars, std::optional<std::int64_t> new_due_at) {
  const std::int64_t at = event.at;
  const int last = static_cast<int>(p.steps.size()) - 1;
  const StepVisit* open = s.current();
  const int here = open ? open->step : 0;
  switch (event.action) {
    case Action::kSubmit:
    case Action::kFile:
    case Action::kAssign: break;
    case Action::kIntake:
    case Action::kAccept:
      if (s.clock != ClockState::kNotStarted) break;
      s.received_at = at;
      s.due_at = DueAt(p.time_limit, at, *calendars.receiving);
      s.clock = ClockState::kRunning;
      StartVisit(s, event.to_step.value_or(0), at, p, calendars);
      break;
    case Action::kForward:
    case Action::kSendBack:
      if (s.clock != ClockState::kRunning || !open) break;
      EndVisit(s, at, event.action, true);
      StartVisit(s, event.to_step.value_or(event.action == Action::kForward ? here + 1 : here - 1),
                 at, p, calendars);
      break;
    case Action::kComplete:
      if (s.clock != ClockState::kRunning || !open) break;
      EndVisit(s, at, event.action, true);
      s.completed_at = at;
      s.timeliness = TimelinessOf(at, *s.due_at);
      s.clock = ClockState::kStopped;
      StartVisit(s, event.to_step.value_or(last), at, p, calendars);
      break;
    case Action::kReturnResult:
      if (!open) break;
      EndVisit(s, at, event.action, true);
      s.ended_at = at;
      s.clock = ClockState::kStopped;
      break;
    case Action::kRequestSupplement:
      // Before acceptance the clock has not started: nothing to pause.
      if (s.clock != ClockState::kRunning) break;
      s.clock = ClockState::kPaused;
      s.paused_at = at;
      ++s.pauses;
      break;
    case Action::kReceiveSupplement: {
      if (s.clock != ClockState::kPaused) break;
      const cal::LocalDateTime from = Local(*s.paused_at), to = Local(at);
      s.paused_working_minutes += calendars.receiving->WorkingMinutesBetween(from, to);
      s.due_at = Millis(calendars.receiving->ExtendByPause(Local(*s.due_at), from, to));
      if (StepVisit* v = Open(s)) {
        v->due_at = Millis(calendars.ForStep(v->step).ExtendByPause(Local(v->due_at), from, to));
      }
      s.paused_at.reset();
      s.clock = ClockState::kRunning;
      break;
    }
    case Action::kReschedule:
      if (s.clock != ClockState::kRunning) break;
      if (!new_due_at) {
        throw Error(ErrorCode::kInternal, "Thiếu ngày hẹn mới của lần hẹn lại.",
                    "reschedule event without its new due time");
      }
      if (!s.original_due_at) s.original_due_at = s.due_at;
      s.due_at = *new_due_at;
      break;
    case Action::kRefuse:
    case Action::kWithdraw:
    case Action::kStop:
      EndVisit(s, at, event.action, false);
      s.ended_at = at;
      s.paused_at.reset();
      s.clock = ClockState::kStopped;
      break;
  }
  return s;
}

Schedule Replay(std::span<const Event> events, const catalog::Procedure& procedure,
                const Calendars& calendars, std::span<const std::int64_t> reschedules) {
  Schedule s;
  std::size_t next_reschedule = 0;
  for (const Event& e : events) {
    std::optional<std::int64_t> new_due;
    if (e.action == Action::kReschedule && next_reschedule < reschedules.size()) {
      new_due = reschedules[next_reschedule++];
    }
    s = Advance(std::move(s), e, procedure, calendars, new_due);
  }
  return s;
}

bool IsOverdue(const Schedule& s, std::int64_t now) {
  return s.clock == ClockState::kRunning && s.due_at && Local(now) > Local(*s.due_at);
}

bool IsStepOverdue(const Schedule& s, std::int64_t now) {
  const StepVisit* v = s.current();
  return v && s.clock != ClockState::kPaused && Local(now) > Local(v->due_at);
}

}  // namespace egov::core::dossier
