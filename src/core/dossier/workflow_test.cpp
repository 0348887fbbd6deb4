// The workflow table, exhaustively: every action from every status at every step position
// (none, first, middle, before the return, the return) by every role and agency relation,
// against an expected grid written here as data; then the checks that follow the table
// (rule set, once-only rules, input) one by one.
#include "core/dossier/workflow.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

#include "core/calendar/date.hpp"
#include "core/testing/calendar_2026.hpp"

namespace egov::core::dossier {
namespace {

using access::Role;
namespace cal = calendar;

std::int64_t At(const char* local) { return cal::ToUtcMillis(cal::ParseLocalDateTime(local)); }
std::string Local(std::int64_t millis) {
  return cal::FormatLocalDateTime(cal::FromUtcMillis(millis));
}

const cal::WorkingCalendar& Calendar() { return testing::Calendar2026(); }
const RuleSet& Rules2025() { return RuleSetAt(At("2026-03-02T08:00")); }
const RuleSet& Rules2018() { return RuleSetAt(At("2025-06-30T16:00")); }

// The process of the tests: reception at the counter, a specialist and a leader at a
// department, the return at the counter (as the demo's procedures).
constexpr Role kStepRoles[] = {Role::kReception, Role::kSpecialist, Role::kLeader,
                               Role::kReception};
constexpr int kSteps = 4;

// Where the current step lies: no step, or steps 0..3 of the 4-step process.
enum class Pos { kNone, kFirst, kMiddle, kBeforeReturn, kReturn };
constexpr Pos kPositions[] = {Pos::kNone, Pos::kFirst, Pos::kMiddle, Pos::kBeforeReturn,
                              Pos::kReturn};
std::optional<int> StepOf(Pos pos) {
  if (pos == Pos::kNone) return std::nullopt;
  return static_cast<int>(pos) - 1;
}

// The actions a caller may post, in the order of the grid's columns.
constexpr Action kColumns[] = {Action::kAccept,
                               Action::kForward,
                               Action::kSendBack,
                               Action::kRequestSupplement,
                               Action::kReceiveSupplement,
                               Action::kRefuse,
                               Action::kReschedule,
                               Action::kComplete,
                               Action::kReturnResult,
                               Action::kWithdraw,
                               Action::kStop};

enum class By { kReception, kStep, kEither };

struct Legal {
  Status next;
  std::optional<int> step;  // the next step; nullopt: the current one moved by `move`
  int move;
  ClockState clock;
  bool starts;
  By by;
};

// The legend of the grid: what each letter means.
const std::map<char, Legal>& Legend() {
  using C = ClockState;
  static const std::map<char, Legal> legend = {
      // Before acceptance.
      {'A', {Status::kProcessing, 0, 0, C::kRunning, true, By::kReception}},
      {'Q', {Status::kSupplementRequested, std::nullopt, 0, C::kNotStarted, false, By::kReception}},
      {'V', {Status::kSubmitted, std::nullopt, 0, C::kNotStarted, false, By::kReception}},
      {'X', {Status::kRefused, std::nullopt, 0, C::kStopped, false, By::kReception}},
      {'W', {Status::kWithdrawn, std::nullopt, 0, C::kStopped, false, By::kReception}},
      // At a step.
      {'F', {Status::kProcessing, std::nullopt, +1, C::kRunning, true, By::kStep}},
      {'B', {Status::kProcessing, std::nullopt, -1, C::kRunning, true, By::kStep}},
      {'C', {Status::kResultReady, 3, 0, C::kStopped, true, By::kStep}},
      {'P', {Status::kSupplementRequested, std::nullopt, 0, C::kPaused, false, By::kStep}},
      {'U', {Status::kProcessing, std::nullopt, 0, C::kRunning, false, By::kEither}},
      {'H', {Status::kProcessing, std::nullopt, 0, C::kRunning, false, By::kStep}},
      {'r', {Status::kRefused, std::nullopt, 0, C::kStopped, false, By::kStep}},
      {'w', {Status::kWithdrawn, std::nullopt, 0, C::kStopped, false, By::kReception}},
      {'s', {Status::kStopped, std::nullopt, 0, C::kStopped, false, By::kStep}},
      {'T', {Status::kReturned, std::nullopt, 0, C::kStopped, false, By::kStep}},
  };
  return legend;
}

// The expected grid: one line per status and step position of the 4-step process, one cell
// per column of kColumns: '.' refused for the status (409), else a letter of the legend.
// clang-format off
constexpr std::string_view kGrid = R"(
status                step           acc fwd bck sup rsp ref rsc cmp ret wdr stp
submitted             none           A   .   .   Q   .   X   .   .   .   W   .
submitted             first          .   .   .   .   .   .   .   .   .   .   .
submitted             middle         .   .   .   .   .   .   .   .   .   .   .
submitted             before_return  .   .   .   .   .   .   .   .   .   .   .
submitted             return         .   .   .   .   .   .   .   .   .   .   .
processing            none           .   .   .   .   .   .   .   .   .   .   .
processing            first          .   F   .   P   .   r   H   .   .   w   s
processing            middle         .   F   B   P   .   r   H   .   .   w   s
processing            before_return  .   .   B   P   .   r   H   C   .   w   s
processing            return         .   .   .   .   .   .   .   .   .   .   .
supplement_requested  none           .   .   .   .   V   X   .   .   .   W   .
supplement_requested  first          .   .   .   .   U   r   .   .   .   w   s
supplement_requested  middle         .   .   .   .   U   r   .   .   .   w   s
supplement_requested  before_return  .   .   .   .   U   r   .   .   .   w   s
supplement_requested  return         .   .   .   .   .   .   .   .   .   .   .
result_ready          none           .   .   .   .   .   .   .   .   .   .   .
result_ready          first          .   .   .   .   .   .   .   .   .   .   .
result_ready          middle         .   .   .   .   .   .   .   .   .   .   .
result_ready          before_return  .   .   .   .   .   .   .   .   .   .   .
result_ready          return         .   .   .   .   .   .   .   .   T   .   .
returned              none           .   .   .   .   .   .   .   .   .   .   .
returned              first          .   .   .   .   .   .   .   .   .   .   .
returned              middle         .   .   .   .   .   .   .   .   .   .   .
returned              before_return  .   .   .   .   .   .   .   .   .   .   .
returned              return         .   .   .   .   .   .   .   .   .   .   .
refused               none           .   .   .   .   .   .   .   .   .   .   .
refused               first          .   .   .   .   .   .   .   .   .   .   .
refused               middle         .   .   .   .   .   .   .   .   .   .   .
refused               before_return  .   .   .   .   .   .   .   .   .   .   .
refused               return         .   .   .   .   .   .   .   .   .   .   .
withdrawn             none           .   .   .   .   .   .   .   .   .   .   .
withdrawn             first          .   .   .   .   .   .   .   .   .   .   .
withdrawn             middle         .   .   .   .   .   .   .   .   .   .   .
withdrawn             before_return  .   .   .   .   .   .   .   .   .   .   .
withdrawn             return         .   .   .   .   .   .   .   .   .   .   .
stopped               none           .   .   .   .   .   .   .   .   .   .   .
stopped               first          .   .   .   .   .   .   .   .   .   .   .
stopped               middle         .   .   .   .   .   .   .   .   .   .   .
stopped               before_return  .   .   .   .   .   .   .   .   .   .   .
stopped               return         .   .   .   .   .   .   .   .   .   .   .
)";
// clang-format on

// The grid's line of a status and a position.
std::string GridLine(Status status, Pos pos) {
  static const char* const kPosNames[] = {"none", "first", "middle", "before_return", "return"};
  std::istringstream in{std::string(kGrid)};
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string status_name, pos_name, cell, cells;
    words >> status_name >> pos_name;
    if (status_name != Name(status) || pos_name != kPosNames[static_cast<int>(pos)]) continue;
    while (words >> cell) cells += cell;
    return cells;
  }
  ADD_FAILURE() << "no line for " << Name(status) << " " << kPosNames[static_cast<int>(pos)];
  return {};
}

// Who is asking: roles, and whether they work at the receiving agency and at the step's.
struct Who {
  std::set<Role> roles;
  bool at_receiving, at_step;
};

std::vector<Who> Callers() {
  std::vector<std::set<Role>> role_sets = {{}, {Role::kReception, Role::kLeader}};
  for (Role r : access::AllRoles()) role_sets.push_back({r});
  std::vector<Who> out;
  for (const auto& roles : role_sets) {
    for (bool at_receiving : {false, true}) {
      for (bool at_step : {false, true}) out.push_back({roles, at_receiving, at_step});
    }
  }
  return out;
}

bool Allowed(By by, const Who& who, Role step_role) {
  const bool reception = who.at_receiving && who.roles.contains(Role::kReception);
  const bool step =
      who.at_step && (who.roles.contains(step_role) ||
                      (step_role != Role::kReception && who.roles.contains(Role::kLeader)));
  switch (by) {
    case By::kReception: return reception;
    case By::kStep: return step;
    case By::kEither: return reception || step;
  }
  return false;
}

// A request whose input is valid for its action, in a dossier due on Friday 6/3/2026 17:00
// and asked on Monday 2/3/2026 09:00.
Request ValidRequest(Action action) {
  Request r;
  r.action = action;
  r.now = At("2026-03-02T09:00");
  r.reason = "Lý do của thao tác";
  r.missing = {"Bản sao giấy khai sinh"};
  r.new_due_at = At("2026-03-10T10:00");
  return r;
}

WorkflowState StateAt(Status status, Pos pos) {
  WorkflowState s;
  s.status = status;
  s.step = StepOf(pos);
  s.step_count = kSteps;
  if (s.step) s.step_role = kStepRoles[*s.step];
  s.due_at = At("2026-03-06T17:00");
  return s;
}

std::string Describe(Status status, Pos pos, Action action, const Who& who) {
  std::string roles;
  for (Role r : who.roles) roles += std::string(access::RoleName(r)) + "+";
  return std::string(Name(status)) + " @" + std::to_string(static_cast<int>(pos)) + " " +
         std::string(Name(action)) + " by " + roles + (who.at_receiving ? " receiving" : "") +
         (who.at_step ? " step" : "");
}

TEST(WorkflowTable, EveryActionFromEveryStatusStepAndCallerAsTheGridSays) {
  int legal = 0, by_role = 0, by_status = 0;
  for (Status status : AllStatuses()) {
    for (Pos pos : kPositions) {
      const std::string line = GridLine(status, pos);
      ASSERT_EQ(line.size(), std::size(kColumns));
      const WorkflowState state = StateAt(status, pos);
      for (std::size_t c = 0; c < std::size(kColumns); ++c) {
        const Action action = kColumns[c];
        for (const Who& who : Callers()) {
          const std::string what = Describe(status, pos, action, who);
          const Outcome out = Decide(state, {who.roles, who.at_receiving, who.at_step},
                                     ValidRequest(action), Rules2025(), Calendar());
          if (line[c] == '.') {
            ASSERT_TRUE(std::holds_alternative<Refusal>(out)) << what;
            EXPECT_EQ(std::get<Refusal>(out).kind, RefusalKind::kStatus) << what;
            ++by_status;
            continue;
          }
          const Legal& expected = Legend().at(line[c]);
          if (!Allowed(expected.by, who, state.step_role)) {
            ASSERT_TRUE(std::holds_alternative<Refusal>(out)) << what;
            EXPECT_EQ(std::get<Refusal>(out).kind, RefusalKind::kRole) << what;
            ++by_role;
            continue;
          }
          ASSERT_TRUE(std::holds_alternative<Transition>(out))
              << what << ": " << std::get<Refusal>(out).message;
          const Transition& t = std::get<Transition>(out);
          ++legal;
          EXPECT_EQ(t.action, action) << what;
          EXPECT_EQ(t.status, expected.next) << what;
          EXPECT_EQ(t.from_step, state.step) << what;
          const std::optional<int> step =
              expected.step
                  ? expected.step
                  : (state.step ? std::optional<int>(*state.step + expected.move) : std::nullopt);
          EXPECT_EQ(t.step, step) << what;
          EXPECT_EQ(t.clock, expected.clock) << what;
          EXPECT_EQ(t.step_starts, expected.starts) << what;
        }
      }
    }
  }
  // 8 statuses × 5 positions × 11 actions × 32 callers, split three ways.
  EXPECT_EQ(legal + by_role + by_status, 8 * 5 * 11 * 32);
  EXPECT_GT(legal, 0);
  EXPECT_GT(by_role, 0);
}

TEST(WorkflowTable, ActionsOfOtherUseCasesAreNeverWorkflowActions) {
  for (Action action : {Action::kSubmit, Action::kIntake, Action::kFile, Action::kAssign}) {
    EXPECT_FALSE(IsWorkflowAction(action));
    for (Status status : AllStatuses()) {
      for (Pos pos : kPositions) {
        const Outcome out = Decide(StateAt(status, pos), {{Role::kReception}, true, true},
                                   ValidRequest(action), Rules2025(), Calendar());
        ASSERT_TRUE(std::holds_alternative<Refusal>(out));
        EXPECT_EQ(std::get<Refusal>(out).kind, RefusalKind::kInvalid);
        EXPECT_EQ(std::get<Refusal>(out).field, "action");
      }
    }
  }
  for (Action action : kColumns) EXPECT_TRUE(IsWorkflowAction(action)) << Name(action);
}

TEST(WorkflowTable, AtMostOneRowAppliesToAnyStateOfAnyProcessLength) {
  for (int count = 2; count <= 8; ++count) {
    for (Status status : AllStatuses()) {
      for (Action action : AllActions()) {
        for (int step = -1; step < count; ++step) {
          const std::optional<int> current = step < 0 ? std::nullopt : std::optional<int>(step);
          int rows = 0;
          for (const Rule& r : Rules()) {
            rows += r.status == status && r.action == action && AppliesAt(r.at, current, count);
          }
          EXPECT_LE(rows, 1) << Name(status) << " " << Name(action) << " " << step << "/" << count;
        }
      }
    }
  }
  for (const Rule& r : Rules()) EXPECT_TRUE(IsWorkflowAction(r.action)) << Name(r.action);
}

TEST(WorkflowTable, StepPositions) {
  // A 4-step process: 0 first, 1 middle, 2 before the return, 3 the return.
  const std::optional<int> none;
  EXPECT_TRUE(AppliesAt(StepAt::kNone, none, 4));
  for (StepAt at : {StepAt::kProcessing, StepAt::kHasNext, StepAt::kNotFirst, StepAt::kBeforeReturn,
                    StepAt::kReturn}) {
    EXPECT_FALSE(AppliesAt(at, none, 4));
  }
  const std::string expected[] = {"PH..", "PHN.", "P.NB", "....R"};
  for (int step = 0; step < 4; ++step) {
    std::string got;
    got += AppliesAt(StepAt::kProcessing, step, 4) ? 'P' : '.';
    got += AppliesAt(StepAt::kHasNext, step, 4) ? 'H' : '.';
    got += AppliesAt(StepAt::kNotFirst, step, 4) ? 'N' : '.';
    got += AppliesAt(StepAt::kBeforeReturn, step, 4) ? 'B' : '.';
    if (step == 3) got += AppliesAt(StepAt::kReturn, step, 4) ? 'R' : '.';
    EXPECT_FALSE(AppliesAt(StepAt::kNone, step, 4));
    EXPECT_EQ(got, expected[step]) << step;
  }
}

// Callers with every role at every agency: only the table and the input can refuse them.
const Actor kAnyone{
    {Role::kAdmin, Role::kReception, Role::kSpecialist, Role::kLeader, Role::kClerk, Role::kViewer},
    true,
    true};

Outcome DecideIn(int count, Status status, std::optional<int> step, Action action) {
  WorkflowState s;
  s.status = status;
  s.step_count = count;
  s.step = step;
  s.due_at = At("2026-03-06T17:00");
  return Decide(s, kAnyone, ValidRequest(action), Rules2025(), Calendar());
}

std::optional<int> NextStepOf(const Outcome& out) {
  return std::holds_alternative<Transition>(out) ? std::get<Transition>(out).step
                                                 : std::optional<int>(-99);
}

TEST(WorkflowTable, ATwoStepProcessCompletesFromItsFirstStep) {
  // Step 0 is both the first step and the one before the return.
  EXPECT_EQ(NextStepOf(DecideIn(2, Status::kProcessing, 0, Action::kComplete)), 1);
  EXPECT_EQ(NextStepOf(DecideIn(2, Status::kProcessing, 0, Action::kForward)), -99);
  EXPECT_EQ(NextStepOf(DecideIn(2, Status::kProcessing, 0, Action::kSendBack)), -99);
  EXPECT_EQ(NextStepOf(DecideIn(2, Status::kResultReady, 1, Action::kReturnResult)), 1);
  EXPECT_EQ(NextStepOf(DecideIn(2, Status::kProcessing, 1, Action::kComplete)), -99);
}

TEST(WorkflowTable, AThreeStepProcessForwardsOnceAndSendsBackOnce) {
  EXPECT_EQ(NextStepOf(DecideIn(3, Status::kProcessing, 0, Action::kForward)), 1);
  EXPECT_EQ(NextStepOf(DecideIn(3, Status::kProcessing, 0, Action::kComplete)), -99);
  EXPECT_EQ(NextStepOf(DecideIn(3, Status::kProcessing, 1, Action::kForward)), -99);
  EXPECT_EQ(NextStepOf(DecideIn(3, Status::kProcessing, 1, Action::kSendBack)), 0);
  EXPECT_EQ(NextStepOf(DecideIn(3, Status::kProcessing, 1, Action::kComplete)), 2);
  // A long process: forward from step 4 of 7 to 5; complete only from 5.
  EXPECT_EQ(NextStepOf(DecideIn(7, Status::kProcessing, 4, Action::kForward)), 5);
  EXPECT_EQ(NextStepOf(DecideIn(7, Status::kProcessing, 4, Action::kComplete)), -99);
  EXPECT_EQ(NextStepOf(DecideIn(7, Status::kProcessing, 5, Action::kComplete)), 6);
}

Refusal RefusalOf(const Outcome& out) {
  EXPECT_TRUE(std::holds_alternative<Refusal>(out));
  return std::holds_alternative<Refusal>(out) ? std::get<Refusal>(out) : Refusal{};
}

TEST(WorkflowRules, TheStopNoticeExistsFromCircular03Of2025Only) {
  EXPECT_EQ(Rules2018().name, "Thông tư 01/2018/TT-VPCP");
  EXPECT_EQ(Rules2025().name, "Thông tư 03/2025/TT-VPCP");
  EXPECT_EQ(RuleSetAt(At("2025-07-01T00:00")).name, "Thông tư 03/2025/TT-VPCP");
  EXPECT_EQ(RuleSetAt(At("2020-03-02T08:00")).name, "Thông tư 01/2018/TT-VPCP");
  const WorkflowState s = StateAt(Status::kProcessing, Pos::kMiddle);
  const Request stop = ValidRequest(Action::kStop);
  EXPECT_TRUE(
      std::holds_alternative<Transition>(Decide(s, kAnyone, stop, Rules2025(), Calendar())));
  const Refusal r = RefusalOf(Decide(s, kAnyone, stop, Rules2018(), Calendar()));
  EXPECT_EQ(r.kind, RefusalKind::kStatus);
  EXPECT_NE(r.message.find("01/2018"), std::string::npos) << r.message;
}

TEST(WorkflowRules, OneRescheduleADossierASecondIsAConflict) {
  WorkflowState s = StateAt(Status::kProcessing, Pos::kMiddle);
  s.reschedules = 1;
  const Request r = ValidRequest(Action::kReschedule);
  EXPECT_EQ(RefusalOf(Decide(s, kAnyone, r, Rules2025(), Calendar())).kind, RefusalKind::kConflict);
  EXPECT_EQ(RefusalOf(Decide(s, kAnyone, r, Rules2018(), Calendar())).kind, RefusalKind::kConflict);
  // The role is checked before: a viewer gets 403, not a hint about the dossier's history.
  EXPECT_EQ(RefusalOf(Decide(s, {{Role::kViewer}, true, true}, r, Rules2025(), Calendar())).kind,
            RefusalKind::kRole);
}

TEST(WorkflowRules, OneSupplementRequestBeforeAcceptanceButAnyNumberAfter) {
  WorkflowState before = StateAt(Status::kSubmitted, Pos::kNone);
  before.supplement_requested_before_acceptance = true;
  const Request r = ValidRequest(Action::kRequestSupplement);
  EXPECT_EQ(RefusalOf(Decide(before, kAnyone, r, Rules2025(), Calendar())).kind,
            RefusalKind::kConflict);
  WorkflowState processing = StateAt(Status::kProcessing, Pos::kMiddle);
  processing.supplement_requested_before_acceptance = true;
  EXPECT_TRUE(
      std::holds_alternative<Transition>(Decide(processing, kAnyone, r, Rules2025(), Calendar())));
}

Refusal RescheduleRefusal(const char* now, std::optional<const char*> new_due) {
  Request r = ValidRequest(Action::kReschedule);
  r.now = At(now);
  r.new_due_at = new_due ? std::optional<std::int64_t>(At(*new_due)) : std::nullopt;
  const Outcome out =
      Decide(StateAt(Status::kProcessing, Pos::kMiddle), kAnyone, r, Rules2025(), Calendar());
  if (std::holds_alternative<Transition>(out)) return Refusal{RefusalKind::kStatus, "accepted", ""};
  return std::get<Refusal>(out);
}

bool Accepted(const Refusal& r) { return r.message == "accepted"; }

TEST(WorkflowRules, RescheduleUntilOneWorkingDayBeforeTheDueTime) {
  // Due Friday 6/3/2026 17:00: one working day before is Thursday 5/3 17:00 (also Friday
  // 07:30, the same working minute).
  EXPECT_TRUE(Accepted(RescheduleRefusal("2026-03-05T17:00", "2026-03-10T10:00")));
  EXPECT_TRUE(Accepted(RescheduleRefusal("2026-03-05T20:00", "2026-03-10T10:00")));
  EXPECT_TRUE(Accepted(RescheduleRefusal("2026-03-06T07:30", "2026-03-10T10:00")));
  const Refusal late = RescheduleRefusal("2026-03-06T07:31", "2026-03-10T10:00");
  EXPECT_EQ(late.kind, RefusalKind::kInvalid);
  EXPECT_EQ(late.field, "new_due_at");
  EXPECT_NE(late.message.find("17:00 ngày 6/3/2026"), std::string::npos) << late.message;
  EXPECT_EQ(RescheduleRefusal("2026-03-06T16:00", "2026-03-10T10:00").kind, RefusalKind::kInvalid);
  // After the due time, too late as well.
  EXPECT_EQ(RescheduleRefusal("2026-03-09T09:00", "2026-03-10T10:00").kind, RefusalKind::kInvalid);
}

TEST(WorkflowRules, RescheduleToALaterTimeWithinWorkingHours) {
  const char* now = "2026-03-02T09:00";
  EXPECT_EQ(RescheduleRefusal(now, std::nullopt).field, "new_due_at");
  // Not later than the due time in force.
  EXPECT_EQ(RescheduleRefusal(now, "2026-03-06T17:00").kind, RefusalKind::kInvalid);
  EXPECT_EQ(RescheduleRefusal(now, "2026-03-05T10:00").kind, RefusalKind::kInvalid);
  // Period bounds: 07:30 and 17:00 are in, 07:29, 12:00 and 17:01 out.
  EXPECT_TRUE(Accepted(RescheduleRefusal(now, "2026-03-09T07:30")));
  EXPECT_TRUE(Accepted(RescheduleRefusal(now, "2026-03-09T11:30")));
  EXPECT_TRUE(Accepted(RescheduleRefusal(now, "2026-03-09T17:00")));
  EXPECT_EQ(RescheduleRefusal(now, "2026-03-09T07:29").kind, RefusalKind::kInvalid);
  EXPECT_EQ(RescheduleRefusal(now, "2026-03-09T12:00").kind, RefusalKind::kInvalid);
  EXPECT_EQ(RescheduleRefusal(now, "2026-03-09T17:01").kind, RefusalKind::kInvalid);
  // A Saturday, and a holiday (Giỗ Tổ observed on Monday 27/4/2026), are not working days.
  EXPECT_EQ(RescheduleRefusal(now, "2026-03-07T09:00").kind, RefusalKind::kInvalid);
  EXPECT_EQ(RescheduleRefusal(now, "2026-04-27T09:00").kind, RefusalKind::kInvalid);
  EXPECT_TRUE(Accepted(RescheduleRefusal(now, "2026-04-28T09:00")));
}

TEST(WorkflowRules, TheRescheduleKeepsTheNewDueTimeToTheMinuteAndSaysItInTheNote) {
  Request r = ValidRequest(Action::kReschedule);
  r.new_due_at = At("2026-03-10T10:00") + 42'123;  // seconds and milliseconds dropped
  const Outcome out =
      Decide(StateAt(Status::kProcessing, Pos::kMiddle), kAnyone, r, Rules2025(), Calendar());
  ASSERT_TRUE(std::holds_alternative<Transition>(out));
  const Transition& t = std::get<Transition>(out);
  EXPECT_EQ(t.new_due_at, At("2026-03-10T10:00"));
  EXPECT_EQ(t.note, "Lý do của thao tác\nHẹn trả kết quả mới: 10:00 ngày 10/3/2026");
}

TEST(WorkflowRules, ReasonsAndMissingItemsAreRequired) {
  for (Action action : {Action::kRequestSupplement, Action::kRefuse, Action::kReschedule,
                        Action::kWithdraw, Action::kStop}) {
    Request r = ValidRequest(action);
    r.reason = "  \t ";
    const Refusal refusal = RefusalOf(
        Decide(StateAt(Status::kProcessing, Pos::kMiddle), kAnyone, r, Rules2025(), Calendar()));
    EXPECT_EQ(refusal.kind, RefusalKind::kInvalid) << Name(action);
    EXPECT_EQ(refusal.field, "reason") << Name(action);
  }
  // send_back's reason is optional.
  Request back = ValidRequest(Action::kSendBack);
  back.reason.clear();
  EXPECT_TRUE(std::holds_alternative<Transition>(
      Decide(StateAt(Status::kProcessing, Pos::kMiddle), kAnyone, back, Rules2025(), Calendar())));
  for (std::vector<std::string> missing :
       {std::vector<std::string>{}, std::vector<std::string>{"Tờ khai", " "}}) {
    Request r = ValidRequest(Action::kRequestSupplement);
    r.missing = missing;
    const Refusal refusal = RefusalOf(
        Decide(StateAt(Status::kProcessing, Pos::kFirst), kAnyone, r, Rules2025(), Calendar()));
    EXPECT_EQ(refusal.kind, RefusalKind::kInvalid);
    EXPECT_EQ(refusal.field, "missing");
  }
}

TEST(WorkflowRules, TheSupplementRequestNotesTheReasonAndEveryMissingItem) {
  Request r = ValidRequest(Action::kRequestSupplement);
  r.reason = "  Thiếu   giấy tờ ";
  r.missing = {"Tờ khai", "Bản sao  CCCD"};
  const Outcome out =
      Decide(StateAt(Status::kProcessing, Pos::kMiddle), kAnyone, r, Rules2025(), Calendar());
  ASSERT_TRUE(std::holds_alternative<Transition>(out));
  const Event e = EventOf(std::get<Transition>(out), At("2026-03-02T09:00"), "cv.tnmt", "000.02");
  EXPECT_EQ(e.at, At("2026-03-02T09:00"));
  EXPECT_EQ(e.action, Action::kRequestSupplement);
  EXPECT_EQ(e.actor, "cv.tnmt");
  EXPECT_EQ(e.agency_code, "000.02");
  EXPECT_EQ(e.from_step, 1);
  EXPECT_EQ(e.to_step, 1);
  EXPECT_EQ(e.note, "Thiếu giấy tờ\nCần bổ sung:\n- Tờ khai\n- Bản sao CCCD");
  // Read back for Form 02.
  const NoteParts parts = ParseNote(e.note);
  EXPECT_EQ(parts.reason, "Thiếu giấy tờ");
  EXPECT_EQ(parts.missing, (std::vector<std::string>{"Tờ khai", "Bản sao CCCD"}));
}

TEST(WorkflowRules, NotesAreReadBack) {
  NoteParts p = ParseNote("Chờ xác minh\nHẹn trả kết quả mới: 10:00 ngày 10/3/2026");
  EXPECT_EQ(p.reason, "Chờ xác minh");
  EXPECT_TRUE(p.missing.empty());
  p = ParseNote("Không thuộc thẩm quyền");
  EXPECT_EQ(p.reason, "Không thuộc thẩm quyền");
  p = ParseNote("\nCần bổ sung:\n- A - b\n- C");
  EXPECT_EQ(p.reason, "");
  EXPECT_EQ(p.missing, (std::vector<std::string>{"A - b", "C"}));
  EXPECT_EQ(ParseNote("").reason, "");
}

TEST(WorkflowRules, EachRuleSetNumbersItsForms) {
  const RuleSet& old = Rules2018();
  const RuleSet& now = Rules2025();
  EXPECT_EQ(FormIn(old, Form::kApology)->title, "Phiếu xin lỗi và hẹn lại ngày trả kết quả");
  EXPECT_EQ(FormIn(now, Form::kApology)->title,
            "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết");
  EXPECT_FALSE(FormIn(old, Form::kStop));
  EXPECT_EQ(FormIn(now, Form::kStop)->number, "05");
  EXPECT_EQ(FormIn(old, Form::kControlSheet)->number, "05");
  EXPECT_EQ(FormIn(now, Form::kControlSheet)->number, "06");
  for (const RuleSet* set : {&old, &now}) {
    EXPECT_EQ(FormIn(*set, Form::kReceipt)->number, "01");
    EXPECT_EQ(FormIn(*set, Form::kSupplement)->number, "02");
    EXPECT_EQ(FormIn(*set, Form::kRefusal)->number, "03");
    EXPECT_EQ(FormIn(*set, Form::kApology)->number, "04");
    EXPECT_EQ(set->has_stop, FormIn(*set, Form::kStop).has_value());
  }
  EXPECT_EQ(ParseForm("01"), Form::kReceipt);
  EXPECT_EQ(ParseForm("control-sheet"), Form::kControlSheet);
  EXPECT_FALSE(ParseForm("02"));
  EXPECT_FALSE(ParseForm("Receipt"));
  for (Form f : AllForms()) EXPECT_EQ(ParseForm(Name(f)), f);
}

TEST(WorkflowRules, TheCheckOrderIsStatusRoleConflictInput) {
  // A refused dossier: 409 for everybody, even without a role.
  const Refusal status =
      RefusalOf(Decide(StateAt(Status::kRefused, Pos::kMiddle), {{Role::kViewer}, false, false},
                       ValidRequest(Action::kForward), Rules2025(), Calendar()));
  EXPECT_EQ(status.kind, RefusalKind::kStatus);
  EXPECT_NE(status.message.find("Từ chối giải quyết"), std::string::npos) << status.message;
  // The wrong step for the action: a status refusal that names the step.
  const Refusal step = RefusalOf(Decide(StateAt(Status::kProcessing, Pos::kBeforeReturn), kAnyone,
                                        ValidRequest(Action::kForward), Rules2025(), Calendar()));
  EXPECT_EQ(step.kind, RefusalKind::kStatus);
  EXPECT_NE(step.message.find("bước 3 trên 4"), std::string::npos) << step.message;
  // The role before the input: a specialist of another agency with no reason.
  Request no_reason = ValidRequest(Action::kRefuse);
  no_reason.reason.clear();
  const Refusal role =
      RefusalOf(Decide(StateAt(Status::kProcessing, Pos::kMiddle),
                       {{Role::kSpecialist}, false, false}, no_reason, Rules2025(), Calendar()));
  EXPECT_EQ(role.kind, RefusalKind::kRole);
  EXPECT_NE(role.message.find("Chuyên viên"), std::string::npos) << role.message;
}

TEST(WorkflowRules, RefusalsBecomeTheContractsErrors) {
  EXPECT_EQ(ToError({RefusalKind::kStatus, "a", ""}).code(), ErrorCode::kConflict);
  EXPECT_EQ(ToError({RefusalKind::kConflict, "b", ""}).code(), ErrorCode::kConflict);
  EXPECT_EQ(ToError({RefusalKind::kRole, "c", ""}).code(), ErrorCode::kForbidden);
  const Error invalid = ToError({RefusalKind::kInvalid, "d", "reason"});
  EXPECT_EQ(invalid.code(), ErrorCode::kValidationFailed);
  EXPECT_EQ(invalid.message(), "d");
  EXPECT_EQ(invalid.fields().at("reason"), "d");
  EXPECT_TRUE(ToError({RefusalKind::kRole, "c", ""}).fields().empty());
}

TEST(WorkflowState, StateOfAStoredDossier) {
  const std::vector<catalog::Step> steps = {{"Tiếp nhận", Role::kReception, "", 4},
                                            {"Thẩm định", Role::kSpecialist, "X", 12},
                                            {"Ký duyệt", Role::kLeader, "X", 4},
                                            {"Trả kết quả", Role::kReception, "", 4}};
  Dossier d;
  d.status = Status::kSubmitted;
  // Online, asked for a supplement before acceptance: no step yet.
  std::vector<Event> events = {{At("2026-03-02T08:00"), Action::kSubmit},
                               {At("2026-03-02T09:00"), Action::kRequestSupplement},
                               {At("2026-03-03T09:00"), Action::kReceiveSupplement}};
  WorkflowState s = StateOf(d, events, steps);
  EXPECT_EQ(s.step, std::nullopt);
  EXPECT_EQ(s.step_count, 4);
  EXPECT_TRUE(s.supplement_requested_before_acceptance);
  EXPECT_EQ(s.reschedules, 0);
  // Accepted, forwarded to the specialist, paused there once, rescheduled once.
  d.status = Status::kProcessing;
  d.received_at = At("2026-03-03T10:00");
  d.current_step = 1;
  d.due_at = At("2026-03-06T10:00");
  events.push_back({At("2026-03-03T10:00"), Action::kAccept, "", "", std::nullopt, 0});
  events.push_back({At("2026-03-03T11:00"), Action::kForward, "", "", 0, 1});
  events.push_back({At("2026-03-03T14:00"), Action::kRequestSupplement, "", "", 1, 1});
  events.push_back({At("2026-03-04T14:00"), Action::kReceiveSupplement, "", "", 1, 1});
  events.push_back({At("2026-03-04T15:00"), Action::kReschedule, "", "", 1, 1});
  s = StateOf(d, events, steps);
  EXPECT_EQ(s.status, Status::kProcessing);
  EXPECT_EQ(s.step, 1);
  EXPECT_EQ(s.step_role, Role::kSpecialist);
  EXPECT_EQ(s.reschedules, 1);
  EXPECT_TRUE(s.supplement_requested_before_acceptance);
  EXPECT_EQ(Local(*s.due_at), "2026-03-06T10:00");
}

// An assigned step (docs/workflow.md, "Assignment"): its actors are the assignee alone; the
// reception's own actions stay the reception's.
TEST(WorkflowAssignment, OnlyTheAssigneeActsOnAnAssignedStep) {
  WorkflowState state = StateAt(Status::kProcessing, Pos::kMiddle);  // specialist's step
  state.assignee = "chuyenvien.b";
  state.assignee_label = "Trần Văn B (chuyenvien.b)";
  const Actor other{{Role::kSpecialist}, false, true, "chuyenvien.a"};
  const Actor assignee{{Role::kSpecialist}, false, true, "chuyenvien.b"};
  const Actor leader{{Role::kLeader}, false, true, "lanhdao"};
  const Actor reception{{Role::kReception}, true, false, "tiepnhan"};
  for (Action action : {Action::kForward, Action::kSendBack, Action::kRefuse, Action::kStop}) {
    for (const Actor& blocked : {other, leader}) {
      const Outcome out = Decide(state, blocked, ValidRequest(action), Rules2025(), Calendar());
      ASSERT_TRUE(std::holds_alternative<Refusal>(out)) << Name(action);
      EXPECT_EQ(std::get<Refusal>(out).kind, RefusalKind::kRole);
      EXPECT_EQ(std::get<Refusal>(out).message,
                "Bước này đã được giao cho Trần Văn B (chuyenvien.b); chỉ người được giao mới "
                "được " +
                    std::string(ActionLabel(action)) + ".");
    }
    EXPECT_TRUE(std::holds_alternative<Transition>(
        Decide(state, assignee, ValidRequest(action), Rules2025(), Calendar())))
        << Name(action);
  }
  // The reception withdraws whoever holds the step.
  EXPECT_TRUE(std::holds_alternative<Transition>(
      Decide(state, reception, ValidRequest(Action::kWithdraw), Rules2025(), Calendar())));
  // Paused at the step: the reception still receives the supplement, another specialist not.
  state.status = Status::kSupplementRequested;
  EXPECT_TRUE(std::holds_alternative<Transition>(
      Decide(state, reception, ValidRequest(Action::kReceiveSupplement), Rules2025(), Calendar())));
  const Outcome out =
      Decide(state, other, ValidRequest(Action::kReceiveSupplement), Rules2025(), Calendar());
  ASSERT_TRUE(std::holds_alternative<Refusal>(out));
  EXPECT_EQ(std::get<Refusal>(out).kind, RefusalKind::kRole);
  // Unassigned: any specialist of the step's agency, as before.
  state.status = Status::kProcessing;
  state.assignee.reset();
  EXPECT_TRUE(std::holds_alternative<Transition>(
      Decide(state, other, ValidRequest(Action::kForward), Rules2025(), Calendar())));
}

std::string Names(const std::vector<Action>& actions) {
  std::string out;
  for (Action a : actions) out += std::string(out.empty() ? "" : " ") + std::string(Name(a));
  return out;
}

TEST(WorkflowAllowedActions, AreTheActionsDecideWouldAcceptGivenTheirInput) {
  const std::int64_t now = At("2026-03-02T09:00");
  const Actor specialist{{Role::kSpecialist}, false, true, "chuyenvien.a"};
  const Actor reception{{Role::kReception}, true, true, "tiepnhan"};
  const Actor viewer{{Role::kViewer}, true, true, "xem"};
  WorkflowState state = StateAt(Status::kProcessing, Pos::kMiddle);
  EXPECT_EQ(Names(AllowedActions(state, specialist, now, Rules2025(), Calendar())),
            "forward send_back request_supplement refuse reschedule stop");
  // The 2018 rules have no stop; a second reschedule is refused.
  state.reschedules = 1;
  EXPECT_EQ(Names(AllowedActions(state, specialist, now, Rules2018(), Calendar())),
            "forward send_back request_supplement refuse");
  // The reception at the receiving agency, not the step's role: withdraw only.
  const Actor counter{{Role::kReception}, true, false, "tiepnhan"};
  EXPECT_EQ(Names(AllowedActions(state, counter, now, Rules2025(), Calendar())), "withdraw");
  // Assigned to another officer: nothing for the specialist.
  state.assignee = "chuyenvien.b";
  EXPECT_EQ(Names(AllowedActions(state, specialist, now, Rules2025(), Calendar())), "");
  // An online submission before acceptance, at the counter; nothing for a viewer.
  const WorkflowState submitted = StateAt(Status::kSubmitted, Pos::kNone);
  EXPECT_EQ(Names(AllowedActions(submitted, reception, now, Rules2025(), Calendar())),
            "accept request_supplement refuse withdraw");
  EXPECT_EQ(Names(AllowedActions(submitted, viewer, now, Rules2025(), Calendar())), "");
  // The result is ready: the counter returns it.
  EXPECT_EQ(Names(AllowedActions(StateAt(Status::kResultReady, Pos::kReturn), reception, now,
                                 Rules2025(), Calendar())),
            "return_result");
}

}  // namespace
}  // namespace egov::core::dossier
