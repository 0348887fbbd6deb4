// The dossier workflow table and its interpreter (see workflow.hpp and docs/workflow.md).
#include "core/dossier/workflow.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/text/fold.hpp"

namespace egov::core::dossier {

namespace {

using enum Status;
using Act = Action;
using Clock = ClockState;

// clang-format off
constexpr Rule kRules[] = {
  // An online submission, before acceptance: the counter's, and the clock has not started.
  {kSubmitted, StepAt::kNone, Act::kAccept, Who::kReception, kProcessing, NextStep::kFirst, Clock::kRunning, true},
  {kSubmitted, StepAt::kNone, Act::kRequestSupplement, Who::kReception, kSupplementRequested, NextStep::kNone, Clock::kNotStarted, false},
  {kSubmitted, StepAt::kNone, Act::kRefuse, Who::kReception, kRefused, NextStep::kNone, Clock::kStopped, false},
  {kSubmitted, StepAt::kNone, Act::kWithdraw, Who::kReception, kWithdrawn, NextStep::kNone, Clock::kStopped, false},
  {kSupplementRequested, StepAt::kNone, Act::kReceiveSupplement, Who::kReception, kSubmitted, NextStep::kNone, Clock::kNotStarted, false},
  {kSupplementRequested, StepAt::kNone, Act::kRefuse, Who::kReception, kRefused, NextStep::kNone, Clock::kStopped, false},
  {kSupplementRequested, StepAt::kNone, Act::kWithdraw, Who::kReception, kWithdrawn, NextStep::kNone, Clock::kStopped, false},
  // Processing: the steps before the return step.
  {kProcessing, StepAt::kHasNext, Act::kForward, Who::kStepActor, kProcessing, NextStep::kNext, Clock::kRunning, true},
  {kProcessing, StepAt::kNotFirst, Act::kSendBack, Who::kStepActor, kProcessing, NextStep::kPrevious, Clock::kRunning, true},
  {kProcessing, StepAt::kBeforeReturn, Act::kComplete, Who::kStepActor, kResultReady, NextStep::kReturn, Clock::kStopped, true},
  {kProcessing, StepAt::kProcessing, Act::kRequestSupplement, Who::kStepActor, kSupplementRequested, NextStep::kSame, Clock::kPaused, false},
  {kProcessing, StepAt::kProcessing, Act::kReschedule, Who::kStepActor, kProcessing, NextStep::kSame, Clock::kRunning, false},
  {kProcessing, StepAt::kProcessing, Act::kRefuse, Who::kStepActor, kRefused, NextStep::kSame, Clock::kStopped, false},
  {kProcessing, StepAt::kProcessing, Act::kWithdraw, Who::kReception, kWithdrawn, NextStep::kSame, Clock::kStopped, false},
  {kProcessing, StepAt::kProcessing, Act::kStop, Who::kStepActor, kStopped, NextStep::kSame, Clock::kStopped, false},
  // Paused for a supplement, at the step that asked.
  {kSupplementRequested, StepAt::kProcessing, Act::kReceiveSupplement, Who::kStepActorOrReception, kProcessing, NextStep::kSame, Clock::kRunning, false},
  {kSupplementRequested, StepAt::kProcessing, Act::kRefuse, Who::kStepActor, kRefused, NextStep::kSame, Clock::kStopped, false},
  {kSupplementRequested, StepAt::kProcessing, Act::kWithdraw, Who::kReception, kWithdrawn, NextStep::kSame, Clock::kStopped, false},
  {kSupplementRequested, StepAt::kProcessing, Act::kStop, Who::kStepActor, kStopped, NextStep::kSame, Clock::kStopped, false},
  // The result is ready: the counter hands it over.
  {kResultReady, StepAt::kReturn, Act::kReturnResult, Who::kStepActor, kReturned, NextStep::kSame, Clock::kStopped, false},
};
// clang-format on

}  // namespace

bool AppliesAt(StepAt at, const std::optional<int>& step, int count) {
  if (!step) return at == StepAt::kNone;
  const int i = *step;
  switch (at) {
    case StepAt::kNone: return false;
    case StepAt::kProcessing: return i >= 0 && i < count - 1;
    case StepAt::kHasNext: return i >= 0 && i < count - 2;
    case StepAt::kNotFirst: return i > 0 && i < count - 1;
    case StepAt::kBeforeReturn: return i == count - 2;
    case StepAt::kReturn: return i == count - 1;
  }
  return false;
}

namespace {

std::optional<int> NextOf(NextStep next, const std::optional<int>& step, int count) {
  switch (next) {
    case NextStep::kNone: return std::nullopt;
    case NextStep::kSame: return step;
    case NextStep::kFirst: return 0;
    case NextStep::kNext: return *step + 1;
    case NextStep::kPrevious: return *step - 1;
    case NextStep::kReturn: return count - 1;
  }
  return step;
}

bool IsReception(const Actor& actor) {
  return actor.at_receiving_agency && actor.roles.contains(access::Role::kReception);
}

bool IsStepActor(const Actor& actor, access::Role step_role) {
  if (!actor.at_step_agency) return false;
  if (actor.roles.contains(step_role)) return true;
  return step_role != access::Role::kReception && actor.roles.contains(access::Role::kLeader);
}

bool MayAct(Who who, const Actor& actor, access::Role step_role) {
  switch (who) {
    case Who::kReception: return IsReception(actor);
    case Who::kStepActor: return IsStepActor(actor, step_role);
    case Who::kStepActorOrReception: return IsReception(actor) || IsStepActor(actor, step_role);
  }
  return false;
}

std::string WhoText(Who who, access::Role step_role) {
  const std::string reception = "công chức tiếp nhận của cơ quan tiếp nhận hồ sơ";
  std::string step = fmt::format("người có vai trò {} tại cơ quan đang giải quyết bước này",
                                 access::RoleLabel(step_role));
  if (step_role != access::Role::kReception) step += " (hoặc lãnh đạo cơ quan đó)";
  switch (who) {
    case Who::kReception: return reception;
    case Who::kStepActor: return step;
    case Who::kStepActorOrReception: return step + " hoặc " + reception;
  }
  return reception;
}

Refusal Refuse(RefusalKind kind, std::string message, std::string field = {}) {
  return Refusal{kind, std::move(message), std::move(field)};
}

bool Blank(std::string_view text) { return text::NormalizeSpaces(text).empty(); }

std::string FormatMinuteOf(std::int64_t at) {
  const calendar::LocalDateTime t = calendar::FromUtcMillis(at);
  return fmt::format("{:02d}:{:02d} ngày {}", t.minute_of_day / 60, t.minute_of_day % 60,
                     calendar::FormatVietnameseDate(t.date));
}

// A due time may be any minute of a working period of a working day, its end included (a
// deadline that fills a period ends there: 11:30, 17:00).
bool WithinWorkingHours(const calendar::LocalDateTime& t, const calendar::WorkingCalendar& c) {
  if (!c.IsWorkingDay(t.date)) return false;
  for (const calendar::WorkingPeriod& p : c.hours().periods()) {
    if (t.minute_of_day >= p.begin_minute && t.minute_of_day <= p.end_minute) return true;
  }
  return false;
}

// The reschedule rule of the rule set: only until `notice` working days before the due time
// in force, to a later time within working hours.
std::optional<Refusal> CheckReschedule(const WorkflowState& state, const Request& request,
                                       const RuleSet& rules,
                                       const calendar::WorkingCalendar& calendar) {
  if (!request.new_due_at) {
    return Refuse(RefusalKind::kInvalid, "Cần chọn ngày giờ hẹn trả kết quả mới.", "new_due_at");
  }
  if (!state.due_at) {  // a processing dossier always has one: a programming error upstream
    return Refuse(RefusalKind::kStatus, "Hồ sơ chưa có thời hạn giải quyết để hẹn lại.");
  }
  const calendar::LocalDateTime now = calendar::FromUtcMillis(request.now);
  const calendar::LocalDateTime due = calendar::FromUtcMillis(*state.due_at);
  const std::int64_t notice =
      std::int64_t{rules.reschedule_notice_working_days} * calendar.hours().minutes_per_day();
  if (calendar.WorkingMinutesBetween(now, due) < notice) {
    return Refuse(RefusalKind::kInvalid,
                  fmt::format("Chỉ được xin lỗi và hẹn lại chậm nhất {} ngày làm việc trước "
                              "thời hạn giải quyết ({}).",
                              rules.reschedule_notice_working_days, FormatMinuteOf(*state.due_at)),
                  "new_due_at");
  }
  const calendar::LocalDateTime wanted = calendar::FromUtcMillis(*request.new_due_at);
  if (wanted <= due) {
    return Refuse(
        RefusalKind::kInvalid,
        fmt::format("Ngày hẹn mới phải sau thời hạn hiện tại ({}).", FormatMinuteOf(*state.due_at)),
        "new_due_at");
  }
  if (!WithinWorkingHours(wanted, calendar)) {
    return Refuse(RefusalKind::kInvalid,
                  "Ngày hẹn mới phải là một ngày làm việc, trong giờ làm việc của cơ quan.",
                  "new_due_at");
  }
  return std::nullopt;
}

std::optional<Refusal> CheckInput(const WorkflowState& state, const Request& request,
                                  const RuleSet& rules, const calendar::WorkingCalendar& calendar) {
  switch (request.action) {
    case Action::kRequestSupplement:
    case Action::kRefuse:
    case Action::kReschedule:
    case Action::kWithdraw:
    case Action::kStop:
      if (Blank(request.reason)) {
        return Refuse(RefusalKind::kInvalid,
                      fmt::format("Cần ghi rõ lý do {}.", ActionLabel(request.action)), "reason");
      }
      break;
    default: break;
  }
  if (request.action == Action::kRequestSupplement) {
    bool blank = request.missing.empty();
    for (const std::string& item : request.missing) blank = blank || Blank(item);
    if (blank) {
      return Refuse(RefusalKind::kInvalid,
                    "Cần liệt kê đầy đủ, một lần, từng giấy tờ còn thiếu (không để trống).",
                    "missing");
    }
  }
  if (request.action == Action::kReschedule) {
    return CheckReschedule(state, request, rules, calendar);
  }
  return std::nullopt;
}

// The lines a note adds after its reason (ParseNote reads them back). The reason and the
// items have their spaces normalised, so none holds a line break.
constexpr std::string_view kMissingLine = "\nCần bổ sung:";
constexpr std::string_view kItemPrefix = "\n- ";
constexpr std::string_view kNewDueLine = "\nHẹn trả kết quả mới: ";

std::string NoteOf(const Request& request) {
  std::string note = text::NormalizeSpaces(request.reason);
  if (request.action == Action::kRequestSupplement) {
    note += kMissingLine;
    for (const std::string& item : request.missing) {
      note += std::string(kItemPrefix) + text::NormalizeSpaces(item);
    }
  }
  if (request.action == Action::kReschedule && request.new_due_at) {
    note += std::string(kNewDueLine) + FormatMinuteOf(*request.new_due_at);
  }
  return note;
}

}  // namespace

NoteParts ParseNote(std::string_view note) {
  NoteParts parts;
  std::size_t end = std::min(note.find(kMissingLine), note.find(kNewDueLine));
  parts.reason = std::string(note.substr(0, end));
  if (end == std::string_view::npos || note.compare(end, kMissingLine.size(), kMissingLine) != 0) {
    return parts;
  }
  std::string_view rest = note.substr(end + kMissingLine.size());
  while (rest.starts_with(kItemPrefix)) {
    rest.remove_prefix(kItemPrefix.size());
    std::size_t next = rest.find('\n');
    parts.missing.emplace_back(rest.substr(0, next));
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next);
  }
  return parts;
}

std::string_view Name(ClockState clock) {
  switch (clock) {
    case ClockState::kNotStarted: return "not_started";
    case ClockState::kRunning: return "running";
    case ClockState::kPaused: return "paused";
    case ClockState::kStopped: return "stopped";
  }
  return "stopped";
}

std::span<const Rule> Rules() { return kRules; }

bool IsWorkflowAction(Action action) {
  return action != Action::kSubmit && action != Action::kIntake && action != Action::kFile &&
         action != Action::kAssign;
}

std::string_view ActionLabel(Action action) {
  switch (action) {
    case Action::kSubmit: return "nộp trực tuyến";
    case Action::kIntake: return "tiếp nhận tại quầy";
    case Action::kAccept: return "tiếp nhận hồ sơ nộp trực tuyến";
    case Action::kForward: return "chuyển bước tiếp theo";
    case Action::kSendBack: return "trả lại bước trước";
    case Action::kRequestSupplement: return "yêu cầu bổ sung hồ sơ";
    case Action::kReceiveSupplement: return "nhận hồ sơ bổ sung";
    case Action::kRefuse: return "từ chối giải quyết";
    case Action::kReschedule: return "xin lỗi và hẹn lại ngày trả kết quả";
    case Action::kComplete: return "hoàn thành giải quyết";
    case Action::kReturnResult: return "trả kết quả";
    case Action::kWithdraw: return "rút hồ sơ";
    case Action::kStop: return "dừng giải quyết";
    case Action::kFile: return "đính kèm tệp";
    case Action::kAssign: return "giao xử lý";
  }
  return "";
}

WorkflowState StateOf(const Dossier& dossier, std::span<const Event> events,
                      std::span<const catalog::Step> steps) {
  WorkflowState state;
  state.status = dossier.status;
  state.step_count = static_cast<int>(steps.size());
  if (dossier.received_at) state.step = dossier.current_step;
  if (state.step && *state.step >= 0 && *state.step < state.step_count) {
    state.step_role = steps[static_cast<std::size_t>(*state.step)].role;
  }
  state.due_at = dossier.due_at;
  state.assignee = dossier.assignee;
  bool received = false;
  for (const Event& e : events) {
    if (e.action == Action::kIntake || e.action == Action::kAccept) received = true;
    if (e.action == Action::kReschedule) ++state.reschedules;
    if (e.action == Action::kRequestSupplement && !received) {
      state.supplement_requested_before_acceptance = true;
    }
  }
  return state;
}

Error ToError(const Refusal& refusal) {
  ErrorCode code = ErrorCode::kConflict;
  switch (refusal.kind) {
    case RefusalKind::kStatus:
    case RefusalKind::kConflict: code = ErrorCode::kConflict; break;
    case RefusalKind::kRole: code = ErrorCode::kForbidden; break;
    case RefusalKind::kInvalid: code = ErrorCode::kValidationFailed; break;
  }
  std::map<std::string, std::string> fields;
  if (!refusal.field.empty()) fields[refusal.field] = refusal.message;
  return Error(code, refusal.message, {}, std::move(fields));
}

Outcome Decide(const WorkflowState& state, const Actor& actor, const Request& request,
               const RuleSet& rules, const calendar::WorkingCalendar& calendar) {
  if (!IsWorkflowAction(request.action)) {
    return Refuse(
        RefusalKind::kInvalid,
        fmt::format("\"{}\" không phải là một thao tác xử lý hồ sơ.", Name(request.action)),
        "action");
  }
  const Rule* rule = nullptr;
  bool status_allows = false;  // some row has this status and action, at another step
  for (const Rule& r : kRules) {
    if (r.status != state.status || r.action != request.action) continue;
    status_allows = true;
    if (AppliesAt(r.at, state.step, state.step_count)) rule = &r;
  }
  if (!rule) {
    if (status_allows && state.step) {
      return Refuse(RefusalKind::kStatus,
                    fmt::format("Không thể {} ở bước hiện tại của quy trình (bước {} trên {}).",
                                ActionLabel(request.action), *state.step + 1, state.step_count));
    }
    return Refuse(RefusalKind::kStatus,
                  fmt::format("Không thể {} khi hồ sơ ở trạng thái \"{}\".",
                              ActionLabel(request.action), StatusLabel(state.status)));
  }
  if (request.action == Action::kStop && !rules.has_stop) {
    return Refuse(RefusalKind::kStatus,
                  fmt::format("Hồ sơ tiếp nhận theo {} không áp dụng thông báo dừng giải quyết.",
                              rules.name));
  }
  if (!MayAct(rule->who, actor, state.step_role)) {
    return Refuse(RefusalKind::kRole,
                  fmt::format("Chỉ {} mới được {}.", WhoText(rule->who, state.step_role),
                              ActionLabel(request.action)));
  }
  // An assigned step: its actors are the assignee alone (the reception's own actions stay the
  // reception's). A leader reassigns the step rather than acting in the assignee's place.
  if (state.assignee && *state.assignee != actor.username &&
      !(rule->who == Who::kStepActorOrReception && IsReception(actor)) &&
      rule->who != Who::kReception) {
    return Refuse(RefusalKind::kRole,
                  fmt::format("Bước này đã được giao cho {}; chỉ người được giao mới được {}.",
                              state.assignee_label.empty() ? *state.assignee : state.assignee_label,
                              ActionLabel(request.action)));
  }
  if (request.action == Action::kReschedule && state.reschedules >= rules.max_reschedules) {
    return Refuse(RefusalKind::kConflict,
                  "Hồ sơ đã được xin lỗi và hẹn lại một lần; không được hẹn lại lần nữa.");
  }
  if (request.action == Action::kRequestSupplement && !state.step &&
      state.supplement_requested_before_acceptance) {
    return Refuse(RefusalKind::kConflict,
                  "Hồ sơ này đã được yêu cầu bổ sung một lần trước khi tiếp nhận; chỉ được "
                  "hướng dẫn bổ sung một lần.");
  }
  if (auto invalid = CheckInput(state, request, rules, calendar)) return *invalid;

  Transition t;
  t.action = request.action;
  t.status = rule->next_status;
  t.from_step = state.step;
  t.step = NextOf(rule->next_step, state.step, state.step_count);
  t.clock = rule->clock;
  t.step_starts = rule->step_starts;
  if (request.new_due_at && request.action == Action::kReschedule) {
    t.new_due_at = calendar::ToUtcMillis(calendar::FromUtcMillis(*request.new_due_at));
  }
  t.note = NoteOf(request);
  return t;
}

std::vector<Action> AllowedActions(const WorkflowState& state, const Actor& actor, std::int64_t now,
                                   const RuleSet& rules,
                                   const calendar::WorkingCalendar& calendar) {
  std::vector<Action> out;
  for (Action action : AllActions()) {
    if (!IsWorkflowAction(action)) continue;
    Request request;
    request.action = action;
    request.now = now;
    const Outcome outcome = Decide(state, actor, request, rules, calendar);
    const auto* refusal = std::get_if<Refusal>(&outcome);
    if (!refusal || refusal->kind == RefusalKind::kInvalid) out.push_back(action);
  }
  return out;
}

Event EventOf(const Transition& transition, std::int64_t at, std::string actor,
              std::string agency_code) {
  return Event{at,
               transition.action,
               std::move(actor),
               std::move(agency_code),
               transition.from_step,
               transition.step,
               transition.note};
}

}  // namespace egov::core::dossier
