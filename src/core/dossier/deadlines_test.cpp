// Due times derived from events, to the minute, in the official 2026 calendar: the limit's
// three kinds, a supplement pause across Tết 2026, two pauses, a reschedule, a step at an
// agency with other working hours, timeliness at the boundary minutes, and the clock of every
// row of the workflow table.
#include "core/dossier/deadlines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/testing/calendar_2026.hpp"
#include "core/testing/fake_clock.hpp"

namespace egov::core::dossier {
namespace {

using access::Role;
using calendar::Timeliness;
namespace cal = calendar;

std::int64_t At(const char* local) { return cal::ToUtcMillis(cal::ParseLocalDateTime(local)); }
std::string Local(std::int64_t millis) {
  return cal::FormatLocalDateTime(cal::FromUtcMillis(millis));
}
std::string Local(const std::optional<std::int64_t>& millis) {
  return millis ? Local(*millis) : "none";
}

const cal::WorkingCalendar& Counter() { return testing::Calendar2026(); }

// A department that works 07:00–11:00 and 13:30–17:30 (8 hours, other periods).
const cal::WorkingCalendar& Department() {
  static const cal::WorkingCalendar department =
      testing::Calendar2026().WithHours(cal::ParseWorkingHours("07:00-11:00,13:30-17:30"));
  return department;
}

// A land procedure of 5 working days: the counter (4 h), a specialist (28 h) and a leader
// (4 h) at the department, the return at the counter (4 h).
catalog::Procedure FiveDays() {
  catalog::Procedure p;
  p.code = "1.012789";
  p.time_limit = {catalog::TimeLimit::Kind::kDays, 5};
  p.steps = {{"Tiếp nhận hồ sơ", Role::kReception, "", 4},
             {"Thẩm định", Role::kSpecialist, "000.02.99.H48", 28},
             {"Ký duyệt", Role::kLeader, "000.02.99.H48", 4},
             {"Trả kết quả", Role::kReception, "", 4}};
  return p;
}

// Every step in the counter's hours.
Calendars AtTheCounter() { return Calendars{&Counter(), {}}; }
// Steps 1 and 2 in the department's hours.
Calendars WithTheDepartment() {
  return Calendars{&Counter(), {nullptr, &Department(), &Department(), nullptr}};
}

Event E(const char* at, Action action, std::optional<int> from = std::nullopt,
        std::optional<int> to = std::nullopt) {
  return Event{At(at), action, "officer", "000.00.53.H48", from, to, ""};
}

// A fake clock moves through the story; each event is taken at the clock's time, folded into
// the schedule the way the service does on each action.
struct Story {
  catalog::Procedure procedure = FiveDays();
  Calendars calendars = AtTheCounter();
  testing::FakeClock clock{0};
  std::vector<Event> events;
  Schedule schedule;

  void Do(const char* at, Action action, std::optional<int> from, std::optional<int> to,
          std::optional<std::int64_t> new_due = std::nullopt) {
    clock.Set(At(at));
    Event e{clock.NowMillis(), action, "officer", "000.00.53.H48", from, to, ""};
    schedule = Advance(schedule, e, procedure, calendars, new_due);
    events.push_back(e);
  }
  std::string Due() const { return Local(schedule.due_at); }
  std::string StepDue() const { return Local(schedule.step_due_at()); }
};

TEST(DueAt, EveryKindOfLimit) {
  using K = catalog::TimeLimit::Kind;
  // 5 working days from Monday 9:00: the same minute five working days later.
  EXPECT_EQ(Local(DueAt({K::kDays, 5}, At("2026-03-02T09:00"), Counter())), "2026-03-09T09:00");
  // 3 working hours from 10:45: 45 minutes before noon, 2 h 15 after 13:00.
  EXPECT_EQ(Local(DueAt({K::kHours, 3}, At("2026-03-02T10:45"), Counter())), "2026-03-02T15:15");
  // Same day: received by 15:00 → this day's close; after → the next working day's.
  EXPECT_EQ(Local(DueAt({K::kSameDay, 0}, At("2026-03-02T15:00"), Counter())), "2026-03-02T17:00");
  EXPECT_EQ(Local(DueAt({K::kSameDay, 0}, At("2026-03-02T15:01"), Counter())), "2026-03-03T17:00");
  // Across Tết 2026 (14–22/2 off): 1 day from Friday 13/2 10:00 → Monday 23/2 10:00.
  EXPECT_EQ(Local(DueAt({K::kDays, 1}, At("2026-02-13T10:00"), Counter())), "2026-02-23T10:00");
  EXPECT_EQ(Local(DueAt({K::kSameDay, 0}, At("2026-02-13T16:00"), Counter())), "2026-02-23T17:00");
  // The make-up Saturday 10/1/2026 is worked: 4 hours from Friday 9/1 16:00.
  EXPECT_EQ(Local(DueAt({K::kHours, 4}, At("2026-01-09T16:00"), Counter())), "2026-01-10T10:30");
  // Received outside working hours (Sunday): counted from Monday 07:30.
  EXPECT_EQ(Local(DueAt({K::kHours, 1}, At("2026-03-01T10:00"), Counter())), "2026-03-02T08:30");
}

TEST(DueAt, StepsCountTheirAllotmentInTheirAgencysHours) {
  const catalog::Step step{"Thẩm định", Role::kSpecialist, "X", 28};
  EXPECT_EQ(Local(StepDueAt(step, At("2026-03-02T10:00"), Counter())), "2026-03-05T15:30");
  EXPECT_EQ(Local(StepDueAt(step, At("2026-03-02T10:00"), Department())), "2026-03-05T16:30");
  // A step of no time of its own is due when it starts (at the next working minute).
  const catalog::Step handover{"Chuyển hồ sơ", Role::kReception, "", 0};
  EXPECT_EQ(Local(StepDueAt(handover, At("2026-03-02T10:00"), Counter())), "2026-03-02T10:00");
  EXPECT_EQ(Local(StepDueAt(handover, At("2026-03-02T12:00"), Counter())), "2026-03-02T13:00");
}

TEST(TimelinessOf, BoundaryMinutes) {
  const std::int64_t due = At("2026-03-09T14:30");
  EXPECT_EQ(TimelinessOf(At("2026-03-06T17:00"), due), Timeliness::kEarly);   // a day before
  EXPECT_EQ(TimelinessOf(At("2026-03-09T07:30"), due), Timeliness::kOnTime);  // the due day
  EXPECT_EQ(TimelinessOf(due, due), Timeliness::kOnTime);
  EXPECT_EQ(TimelinessOf(due + 59'999, due), Timeliness::kOnTime);  // within the due minute
  EXPECT_EQ(TimelinessOf(due + 60'000, due), Timeliness::kLate);
  EXPECT_EQ(TimelinessOf(At("2026-03-10T07:30"), due), Timeliness::kLate);
}

TEST(Deadlines, ASupplementPauseAcrossTet2026MovesEveryDueTimeByTheWorkingTimePaused) {
  Story s;
  s.Do("2026-02-09T08:00", Action::kIntake, std::nullopt, 0);
  EXPECT_EQ(Local(s.schedule.received_at), "2026-02-09T08:00");
  // 40 working hours: 39.5 by Friday 13/2, then Tết (14–22/2), then 30 minutes.
  EXPECT_EQ(s.Due(), "2026-02-23T08:00");
  EXPECT_EQ(s.StepDue(), "2026-02-09T13:30");  // the counter's 4 hours
  s.Do("2026-02-09T10:00", Action::kForward, 0, 1);
  EXPECT_EQ(s.schedule.visits[0].timeliness, Timeliness::kOnTime);
  EXPECT_EQ(s.StepDue(), "2026-02-12T15:30");  // the specialist's 28 hours
  s.Do("2026-02-11T14:00", Action::kRequestSupplement, 1, 1);
  EXPECT_EQ(s.schedule.clock, ClockState::kPaused);
  // Paused: never overdue, though the first due time has passed.
  EXPECT_FALSE(IsOverdue(s.schedule, At("2026-02-24T08:00")));
  EXPECT_FALSE(IsStepOverdue(s.schedule, At("2026-02-24T08:00")));
  // Back after Tết: 3 h on 11/2, 8 h on 12, 13 and 23/2, 1 h 30 on 24/2 = 28 h 30.
  s.Do("2026-02-24T09:00", Action::kReceiveSupplement, 1, 1);
  EXPECT_EQ(s.schedule.clock, ClockState::kRunning);
  EXPECT_EQ(s.schedule.paused_working_minutes, 28 * 60 + 30);
  EXPECT_EQ(s.Due(), "2026-02-26T14:00");
  EXPECT_EQ(s.StepDue(), "2026-02-25T10:30");
  EXPECT_FALSE(IsStepOverdue(s.schedule, At("2026-02-25T10:30")));
  EXPECT_TRUE(IsStepOverdue(s.schedule, At("2026-02-25T10:31")));
  EXPECT_FALSE(IsOverdue(s.schedule, At("2026-02-26T14:00")));
  EXPECT_TRUE(IsOverdue(s.schedule, At("2026-02-26T14:01")));
  // The same events replayed give the same schedule.
  const Schedule replayed = Replay(s.events, s.procedure, s.calendars);
  EXPECT_EQ(Local(replayed.due_at), "2026-02-26T14:00");
  EXPECT_EQ(Local(replayed.step_due_at()), "2026-02-25T10:30");
}

TEST(Deadlines, TwoPausesAndEveryHandOffJudgedOnItsOwnAllotment) {
  Story s;
  s.Do("2026-03-02T08:00", Action::kIntake, std::nullopt, 0);
  EXPECT_EQ(s.Due(), "2026-03-09T08:00");
  s.Do("2026-03-02T11:00", Action::kForward, 0, 1);
  EXPECT_EQ(s.StepDue(), "2026-03-05T16:30");
  // First pause, at the specialist: Tuesday 16:00 to Wednesday 9:00 = 1 h + 1 h 30.
  s.Do("2026-03-03T16:00", Action::kRequestSupplement, 1, 1);
  s.Do("2026-03-04T09:00", Action::kReceiveSupplement, 1, 1);
  EXPECT_EQ(s.Due(), "2026-03-09T10:30");
  EXPECT_EQ(s.StepDue(), "2026-03-06T09:30");
  s.Do("2026-03-06T09:00", Action::kForward, 1, 2);
  EXPECT_EQ(s.schedule.visits[1].timeliness, Timeliness::kOnTime);
  EXPECT_EQ(s.StepDue(), "2026-03-06T14:30");
  // Second pause, at the leader: Friday 10:00 to Monday 10:00 = 5 h 30 + 2 h 30.
  s.Do("2026-03-06T10:00", Action::kRequestSupplement, 2, 2);
  EXPECT_FALSE(IsOverdue(s.schedule, At("2026-03-09T11:00")));  // past 10:30, but paused
  s.Do("2026-03-09T10:00", Action::kReceiveSupplement, 2, 2);
  EXPECT_EQ(s.schedule.pauses, 2);
  EXPECT_EQ(s.schedule.paused_working_minutes, 150 + 480);
  EXPECT_EQ(s.Due(), "2026-03-10T10:30");
  EXPECT_EQ(s.StepDue(), "2026-03-09T14:30");
  // Completed at the leader's due minute: the step on time, the dossier a day early.
  s.Do("2026-03-09T14:30", Action::kComplete, 2, 3);
  EXPECT_EQ(s.schedule.visits[2].timeliness, Timeliness::kOnTime);
  EXPECT_EQ(Local(s.schedule.completed_at), "2026-03-09T14:30");
  EXPECT_EQ(s.schedule.timeliness, Timeliness::kEarly);
  EXPECT_EQ(s.schedule.clock, ClockState::kStopped);
  EXPECT_FALSE(IsOverdue(s.schedule, At("2026-03-20T09:00")));  // completed: never overdue
  // The return step's 4 hours run from completion: 2 h 30 on Monday, 1 h 30 on Tuesday.
  EXPECT_EQ(s.StepDue(), "2026-03-10T09:00");
  EXPECT_TRUE(IsStepOverdue(s.schedule, At("2026-03-10T09:01")));
  s.Do("2026-03-10T09:01", Action::kReturnResult, 3, 3);
  EXPECT_EQ(s.schedule.visits[3].timeliness, Timeliness::kLate);
  EXPECT_EQ(Local(s.schedule.ended_at), "2026-03-10T09:01");
  EXPECT_EQ(s.schedule.current(), nullptr);
  EXPECT_FALSE(IsStepOverdue(s.schedule, At("2026-03-11T09:00")));
  ASSERT_EQ(s.schedule.visits.size(), 4u);
  EXPECT_EQ(s.schedule.visits[0].timeliness, Timeliness::kOnTime);  // 11:00, due 13:30
}

TEST(Deadlines, CompletedOneMinuteAfterTheStepsDueMinuteIsLate) {
  Story s;
  s.Do("2026-03-02T08:00", Action::kIntake, std::nullopt, 0);
  s.Do("2026-03-02T13:31", Action::kForward, 0, 1);  // step 0 was due at 13:30
  EXPECT_EQ(s.schedule.visits[0].timeliness, Timeliness::kLate);
  s.Do("2026-03-02T14:00", Action::kForward, 1, 2);  // step 1 long before its due day
  EXPECT_EQ(s.schedule.visits[1].timeliness, Timeliness::kEarly);
  s.Do("2026-03-09T08:01", Action::kComplete, 2, 3);  // the dossier was due at 8:00
  EXPECT_EQ(s.schedule.timeliness, Timeliness::kLate);
  EXPECT_EQ(s.schedule.visits[2].timeliness, Timeliness::kLate);
}

TEST(Deadlines, ARescheduleReplacesTheDueTimeAndLaterPausesMoveTheNewOne) {
  Story s;
  s.Do("2026-03-02T08:00", Action::kIntake, std::nullopt, 0);
  s.Do("2026-03-02T09:00", Action::kForward, 0, 1);
  const std::string step_due = s.StepDue();
  s.Do("2026-03-04T10:00", Action::kReschedule, 1, 1, At("2026-03-12T16:00"));
  EXPECT_EQ(s.Due(), "2026-03-12T16:00");
  EXPECT_EQ(Local(s.schedule.original_due_at), "2026-03-09T08:00");
  EXPECT_EQ(s.StepDue(), step_due);  // the step keeps its own allotment
  EXPECT_FALSE(IsOverdue(s.schedule, At("2026-03-12T16:00")));
  // A 2-hour pause after it moves the new appointment: 1 h on Thursday 12/3, 1 h on Friday.
  s.Do("2026-03-05T09:00", Action::kRequestSupplement, 1, 1);
  s.Do("2026-03-05T11:00", Action::kReceiveSupplement, 1, 1);
  EXPECT_EQ(s.Due(), "2026-03-13T08:30");
  // Replaying needs the new due time the event does not carry.
  const std::vector<std::int64_t> reschedules = {At("2026-03-12T16:00")};
  EXPECT_EQ(Local(Replay(s.events, s.procedure, s.calendars, reschedules).due_at),
            "2026-03-13T08:30");
  EXPECT_THROW(Replay(s.events, s.procedure, s.calendars), Error);
  // Judged against the appointment in force.
  for (const auto& [at, expected] :
       std::vector<std::pair<const char*, Timeliness>>{{"2026-03-12T17:00", Timeliness::kEarly},
                                                       {"2026-03-13T08:30", Timeliness::kOnTime},
                                                       {"2026-03-13T08:31", Timeliness::kLate}}) {
    const Schedule forwarded = Advance(s.schedule, E("2026-03-06T09:00", Action::kForward, 1, 2),
                                       s.procedure, s.calendars);
    const Schedule done =
        Advance(forwarded, E(at, Action::kComplete, 2, 3), s.procedure, s.calendars);
    EXPECT_EQ(done.timeliness, expected) << at;
  }
}

TEST(Deadlines, AStepAtAnotherAgencyCountsInThatAgencysHours) {
  Story s;
  s.calendars = WithTheDepartment();
  s.Do("2026-03-02T08:00", Action::kIntake, std::nullopt, 0);
  EXPECT_EQ(s.StepDue(), "2026-03-02T13:30");  // the counter's hours
  s.Do("2026-03-02T10:00", Action::kForward, 0, 1);
  // 28 hours from Monday 10:00 in 07:00–11:00, 13:30–17:30: 5 h on Monday, 8 h on Tuesday and
  // Wednesday, 7 h on Thursday.
  EXPECT_EQ(s.StepDue(), "2026-03-05T16:30");
  // A pause from Tuesday 17:00 to Wednesday 8:00 is 1 h 30 of the department's time (17:00–
  // 17:30, 07:00–08:00) but only 30 minutes of the counter's (07:30–08:00).
  s.Do("2026-03-03T17:00", Action::kRequestSupplement, 1, 1);
  s.Do("2026-03-04T08:00", Action::kReceiveSupplement, 1, 1);
  EXPECT_EQ(s.StepDue(), "2026-03-06T07:30");
  EXPECT_EQ(s.Due(), "2026-03-09T08:30");
  EXPECT_EQ(s.schedule.paused_working_minutes, 30);
  // Back at the counter for the return: the counter's hours again.
  s.Do("2026-03-05T16:00", Action::kForward, 1, 2);
  EXPECT_EQ(s.StepDue(), "2026-03-06T09:30");  // 1 h 30 Thursday, 2 h 30 Friday (dept.)
  s.Do("2026-03-06T16:30", Action::kComplete, 2, 3);
  EXPECT_EQ(s.StepDue(), "2026-03-09T11:00");  // 30 min Friday, 3 h 30 Monday (counter)
}

TEST(Deadlines, ASendBackStartsThePreviousStepAgain) {
  Story s;
  s.Do("2026-03-02T08:00", Action::kIntake, std::nullopt, 0);
  s.Do("2026-03-02T09:00", Action::kForward, 0, 1);
  s.Do("2026-03-03T09:00", Action::kForward, 1, 2);
  s.Do("2026-03-03T10:00", Action::kSendBack, 2, 1);
  ASSERT_EQ(s.schedule.visits.size(), 4u);
  EXPECT_EQ(s.schedule.visits[2].ended_by, Action::kSendBack);
  EXPECT_EQ(s.schedule.visits[2].timeliness, Timeliness::kOnTime);
  EXPECT_EQ(s.schedule.visits[3].step, 1);
  EXPECT_EQ(Local(s.schedule.visits[3].started_at), "2026-03-03T10:00");
  // A fresh 28 hours from Tuesday 10:00: 5 h 30, 8, 8, then 6 h 30 on Friday.
  EXPECT_EQ(s.StepDue(), "2026-03-06T15:30");
  EXPECT_EQ(s.Due(), "2026-03-09T08:00");  // the dossier's due time does not move
}

TEST(Deadlines, AnOnlineSubmissionCountsFromItsAcceptance) {
  Story s;
  s.Do("2026-03-01T20:00", Action::kSubmit, std::nullopt, std::nullopt);
  // Asked for a supplement before acceptance: there is no clock to pause.
  s.Do("2026-03-02T09:00", Action::kRequestSupplement, std::nullopt, std::nullopt);
  s.Do("2026-03-03T09:00", Action::kReceiveSupplement, std::nullopt, std::nullopt);
  EXPECT_EQ(s.schedule.clock, ClockState::kNotStarted);
  EXPECT_EQ(s.schedule.pauses, 0);
  EXPECT_EQ(s.schedule.due_at, std::nullopt);
  EXPECT_FALSE(IsOverdue(s.schedule, At("2026-12-31T09:00")));
  s.Do("2026-03-03T10:15", Action::kAccept, std::nullopt, 0);
  EXPECT_EQ(Local(s.schedule.received_at), "2026-03-03T10:15");
  EXPECT_EQ(s.Due(), "2026-03-10T10:15");
  EXPECT_EQ(s.StepDue(), "2026-03-03T15:45");
}

TEST(Deadlines, RefusalWithdrawalAndStopEndTheClockWithoutJudgingTheStep) {
  for (Action end : {Action::kRefuse, Action::kWithdraw, Action::kStop}) {
    for (bool paused : {false, true}) {
      Story s;
      s.Do("2026-03-02T08:00", Action::kIntake, std::nullopt, 0);
      s.Do("2026-03-02T09:00", Action::kForward, 0, 1);
      if (paused) s.Do("2026-03-03T09:00", Action::kRequestSupplement, 1, 1);
      s.Do("2026-03-20T09:00", end, 1, 1);
      EXPECT_EQ(s.schedule.clock, ClockState::kStopped) << Name(end);
      EXPECT_EQ(Local(s.schedule.ended_at), "2026-03-20T09:00");
      EXPECT_EQ(s.schedule.visits.back().ended_by, end);
      EXPECT_EQ(s.schedule.visits.back().timeliness, std::nullopt);
      EXPECT_EQ(s.schedule.timeliness, std::nullopt);
      EXPECT_EQ(s.schedule.current(), nullptr);
      EXPECT_FALSE(IsOverdue(s.schedule, At("2026-03-20T09:00")));
      EXPECT_FALSE(IsStepOverdue(s.schedule, At("2026-03-20T09:00")));
    }
  }
}

TEST(Deadlines, OverdueToTheMinute) {
  Story s;
  s.Do("2026-03-02T08:00", Action::kIntake, std::nullopt, 0);
  const std::int64_t due = *s.schedule.due_at;
  EXPECT_FALSE(IsOverdue(s.schedule, due));
  EXPECT_FALSE(IsOverdue(s.schedule, due + 59'999));
  EXPECT_TRUE(IsOverdue(s.schedule, due + 60'000));
  EXPECT_FALSE(IsOverdue(Schedule{}, due + 60'000));  // nothing received yet
}

// The events that bring a dossier of the 4-step process to `status` at `step`.
std::vector<Event> EventsTo(Status status, std::optional<int> step) {
  std::vector<Event> e;
  if (!step) {
    e.push_back(E("2026-03-02T08:00", Action::kSubmit));
    if (status == Status::kSupplementRequested) {
      e.push_back(E("2026-03-02T08:30", Action::kRequestSupplement));
    }
    return e;
  }
  e.push_back(E("2026-03-02T08:00", Action::kIntake, std::nullopt, 0));
  const int target = status == Status::kResultReady ? 2 : *step;
  for (int i = 0; i < target; ++i) e.push_back(E("2026-03-02T08:10", Action::kForward, i, i + 1));
  if (status == Status::kResultReady) e.push_back(E("2026-03-02T08:20", Action::kComplete, 2, 3));
  if (status == Status::kSupplementRequested) {
    e.push_back(E("2026-03-02T08:30", Action::kRequestSupplement, step, step));
  }
  return e;
}

TEST(Deadlines, TheClockOfEveryRowOfTheWorkflowTable) {
  const catalog::Procedure p = FiveDays();
  const int count = static_cast<int>(p.steps.size());
  int checked = 0;
  for (const Rule& rule : Rules()) {
    for (int step = -1; step < count; ++step) {
      const std::optional<int> current = step < 0 ? std::nullopt : std::optional<int>(step);
      if (!AppliesAt(rule.at, current, count)) continue;
      if (rule.status == Status::kResultReady && step != count - 1) continue;
      const std::vector<Event> before = EventsTo(rule.status, current);
      const Schedule s = Replay(before, p, AtTheCounter());
      std::optional<int> next = current;
      if (rule.next_step == NextStep::kFirst) next = 0;
      if (rule.next_step == NextStep::kNext) next = *current + 1;
      if (rule.next_step == NextStep::kPrevious) next = *current - 1;
      if (rule.next_step == NextStep::kReturn) next = count - 1;
      const Event event = E("2026-03-02T09:00", rule.action, current, next);
      const Schedule after = Advance(s, event, p, AtTheCounter(), At("2026-03-12T09:00"));
      const std::string what = std::string(Name(rule.status)) + " " +
                               std::string(Name(rule.action)) + " at " + std::to_string(step);
      EXPECT_EQ(after.clock, rule.clock) << what;
      ++checked;
      if (rule.step_starts) {
        ASSERT_NE(after.current(), nullptr) << what;
        EXPECT_EQ(after.current()->step, next) << what;
        EXPECT_EQ(after.current()->started_at, event.at) << what;
        EXPECT_EQ(after.visits.size(), s.visits.size() + 1) << what;
      } else {
        EXPECT_EQ(after.visits.size(), s.visits.size()) << what;
      }
    }
  }
  // 7 rows before acceptance; forward at 2 steps, send_back at 2, complete at 1; 5 actions
  // of processing and 4 of a pause at 3 steps each; return_result at 1.
  EXPECT_EQ(checked, 7 + 2 + 2 + 1 + 5 * 3 + 4 * 3 + 1);
}

}  // namespace
}  // namespace egov::core::dossier
