// Work queues, assignment and the caller's allowed actions (see dossiers.hpp and
// docs/workflow.md, "Work queues" and "Assignment").
#include <algorithm>
#include <iterator>
#include <map>

#include "core/calendar/date.hpp"
#include "core/dossier/rule_set.hpp"
#include "core/dossier/workflow.hpp"
#include "core/error.hpp"
#include "service/dossier/dossiers.hpp"
#include "service/dossier/steps.hpp"
#include "store/access/users.hpp"

namespace egov::service::dossier {

namespace wf = core::dossier;
using core::access::Role;
using core::dossier::Mark;
using core::dossier::Status;

namespace {

Error NotFound() { return Error(ErrorCode::kNotFound, "Không tìm thấy hồ sơ."); }

bool IsOpen(Status status) {
  return status == Status::kProcessing || status == Status::kSupplementRequested ||
         status == Status::kResultReady;
}

// The working calendars of the agencies of one request, by their working hours' text.
class CalendarsByHours {
 public:
  explicit CalendarsByHours(std::shared_ptr<const core::calendar::WorkingCalendar> base)
      : base_(std::move(base)) {}
  const core::calendar::WorkingCalendar& Of(const std::string& hours) {
    auto it = by_hours_.find(hours);
    if (it == by_hours_.end()) {
      it = by_hours_
               .emplace(hours,
                        base_->WithHours(hours.empty() ? core::calendar::WorkingHours::Default()
                                                       : core::calendar::ParseWorkingHours(hours)))
               .first;
    }
    return it->second;
  }

 private:
  std::shared_ptr<const core::calendar::WorkingCalendar> base_;
  std::map<std::string, core::calendar::WorkingCalendar> by_hours_;
};

}  // namespace

DossierView& Dossiers::ForCaller(DossierView& view, const core::access::Caller& caller) const {
  const auto& d = view.dossier;
  const auto base = calendar_.Calendar();
  const ProcessCalendars calendars(*base, HoursOf(view.steps, d), view.steps);
  const auto p = WithSteps(view.procedure, view.steps);
  const auto state = wf::StateOf(d, view.events, p.steps);
  const auto now = clock_.NowMillis();
  view.allowed_actions = wf::AllowedActions(state, ActorOf(caller, d, state, view.steps), now,
                                            wf::RuleSetAt(d.received_at.value_or(d.submitted_at)),
                                            calendars.receiving());
  // Overdue does not depend on the working hours (the due minute has passed).
  view.overdue = d.received_at &&
                 wf::MarkOf(d.status, d.step_due_at, now, calendars.receiving()) == Mark::kOverdue;
  return view;
}

TaskList Dossiers::Queue(const core::access::Caller& caller, store::dossier::TaskQuery query,
                         const TaskQuery& q) const {
  if (q.mark == Mark::kPaused || q.mark == Mark::kNone) {
    throw FieldError("mark", "phải là overdue hoặc due_soon.");
  }
  const auto now = clock_.NowMillis();
  CalendarsByHours calendars(calendar_.Calendar());
  store::Session s(db_);
  if (q.mark == Mark::kOverdue) query.due_before = wf::MinuteOf(now);
  if (q.mark == Mark::kDueSoon) {
    // The window ends 8 working hours from now in each step agency's hours: read every row
    // due by the latest end among the agencies asked, then keep each by its own agency's.
    query.due_from = wf::MinuteOf(now);
    std::int64_t until = wf::MinuteOf(now);
    for (const auto& hours : store::dossier::WorkingHoursUnder(
             s, query.subtree_path.empty() ? caller.agency_path : query.subtree_path,
             query.subtree_path.empty() ? std::optional<std::int64_t>(caller.agency_id)
                                        : std::nullopt)) {
      until = std::max(until, wf::DueSoonUntil(now, calendars.Of(hours)));
    }
    query.due_to = until;
    query.page = 1;
    query.per_page = 0;
  }
  auto rows = store::dossier::ListTasks(s, query);
  TaskList out;
  out.total = rows.total;
  for (auto& row : rows.items) {
    const Mark mark = wf::MarkOf(row.status, row.has_step ? row.step_due_at : std::nullopt, now,
                                 calendars.Of(row.step_working_hours));
    if (q.mark && mark != *q.mark) continue;
    out.items.push_back({std::move(row), mark});
  }
  if (q.mark == Mark::kDueSoon) {  // paged here
    out.total = static_cast<std::int64_t>(out.items.size());
    const auto first =
        std::min<std::size_t>(out.items.size(), static_cast<std::size_t>(q.page - 1) * q.per_page);
    const auto last =
        std::min<std::size_t>(out.items.size(), first + static_cast<std::size_t>(q.per_page));
    out.items = std::vector<Task>(std::make_move_iterator(out.items.begin() + first),
                                  std::make_move_iterator(out.items.begin() + last));
  }
  return out;
}

namespace {
store::dossier::TaskQuery MineOf(const core::access::Caller& caller) {
  store::dossier::TaskQuery query;
  query.agency_id = caller.agency_id;
  query.roles = caller.roles;
  query.username = caller.username;
  query.reception = caller.Has(Role::kReception);
  return query;
}
store::dossier::TaskQuery UnitOf(const core::access::Caller& caller) {
  store::dossier::TaskQuery query;
  query.subtree_path = caller.agency_path;
  return query;
}
}  // namespace

TaskList Dossiers::Tasks(const core::access::Caller& caller, const TaskQuery& q) const {
  auto query = MineOf(caller);
  query.page = q.page;
  query.per_page = q.per_page;
  return Queue(caller, std::move(query), q);
}

TaskList Dossiers::UnitTasks(const core::access::Caller& caller, const TaskQuery& q) const {
  core::access::RequireAnyRole(caller, {Role::kLeader});
  auto query = UnitOf(caller);
  if (q.assignee == "none") {
    query.unassigned_only = true;
  } else if (!q.assignee.empty()) {
    query.assignee = q.assignee;
  }
  query.page = q.page;
  query.per_page = q.per_page;
  return Queue(caller, std::move(query), q);
}

TaskCounts Dossiers::CountTasks(const core::access::Caller& caller) const {
  const auto now = clock_.NowMillis();
  const auto base = calendar_.Calendar();
  store::Session s(db_);
  TaskCounts out;
  auto mine = MineOf(caller);
  out.mine = store::dossier::CountTasks(s, mine);
  if (out.mine > 0) {
    auto overdue = mine;
    overdue.due_before = wf::MinuteOf(now);
    out.overdue = store::dossier::CountTasks(s, overdue);
    // Every task that is not paused is held at the caller's agency: its hours are theirs.
    auto soon = mine;
    soon.due_from = wf::MinuteOf(now);
    const auto hours = store::dossier::WorkingHoursUnder(s, caller.agency_path, caller.agency_id);
    soon.due_to = wf::DueSoonUntil(
        now, base->WithHours(hours.empty() || hours.front().empty()
                                 ? core::calendar::WorkingHours::Default()
                                 : core::calendar::ParseWorkingHours(hours.front())));
    out.due_soon = store::dossier::CountTasks(s, soon);
  }
  if (caller.Has(Role::kReception)) {
    out.online = store::dossier::CountAwaitingAcceptance(s, caller.agency_id);
  }
  if (caller.Has(Role::kLeader)) out.unit = store::dossier::CountTasks(s, UnitOf(caller));
  return out;
}

DossierView Dossiers::Assign(const core::access::Caller& caller, const std::string& code,
                             const std::optional<std::string>& username,
                             const std::optional<std::int64_t>& version) {
  const auto now = clock_.NowMillis();
  std::optional<core::dossier::Dossier> before;
  {
    store::Session s(db_);
    before = store::dossier::FindByCode(s, code);
  }
  if (!before) throw NotFound();
  const auto pinned = catalog_.Definition(before->procedure_code, before->procedure_version);

  store::WriteTransaction tx(db_);
  auto d = store::dossier::FindByCode(tx.session(), code);
  if (!d) throw NotFound();
  bool stored = true;
  const auto steps = StepsOf(tx.session(), *d, pinned, &stored);
  if (!Sees(caller, *d, steps)) throw NotFound();
  const bool has_step =
      d->received_at && d->current_step >= 0 && d->current_step < static_cast<int>(steps.size());
  const auto* step = has_step ? &steps[static_cast<std::size_t>(d->current_step)] : nullptr;
  if (!caller.Has(Role::kLeader) || (step && !caller.Sees(step->agency_path))) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ lãnh đạo cơ quan đang giải quyết bước này (hoặc cơ quan cấp trên) mới được "
                "giao xử lý hồ sơ.");
  }
  if (!step || !IsOpen(d->status)) {
    throw Error(ErrorCode::kConflict,
                std::string("Không thể giao xử lý khi hồ sơ ở trạng thái \"") +
                    std::string(wf::StatusLabel(d->status)) + "\".");
  }
  if (version && *version != d->version) {
    throw Error(ErrorCode::kConflict,
                "Hồ sơ vừa được người khác cập nhật; hãy tải lại hồ sơ rồi thực hiện lại.",
                "dossier version changed",
                {{"version", "không còn là phiên bản hiện tại của hồ sơ."}});
  }
  std::string note;
  if (username) {
    auto user = store::access::FindUserByUsername(tx.session(), *username);
    if (!user || !user->active || user->agency_id != step->agency_id ||
        !user->roles.contains(step->role)) {
      throw FieldError("username", "phải là một cán bộ đang hoạt động có vai trò " +
                                       std::string(core::access::RoleLabel(step->role)) + " của " +
                                       step->agency_code + " (bước \"" + step->name + "\").");
    }
    note = "Giao cho " + user->full_name;
  } else {
    note = "Bỏ giao xử lý";
    if (d->assignee) {
      auto user = store::access::FindUserByUsername(tx.session(), *d->assignee);
      note += " (trước đây: " + (user ? user->full_name : *d->assignee) + ")";
    }
  }
  d->assignee = username;
  if (!store::dossier::UpdateState(tx, *d, now)) {
    throw Error(ErrorCode::kConflict,
                "Hồ sơ vừa được người khác cập nhật; hãy tải lại hồ sơ rồi thực hiện lại.");
  }
  core::dossier::Event event{now,
                             wf::Action::kAssign,
                             caller.username,
                             caller.agency_code,
                             d->current_step,
                             d->current_step,
                             note};
  event.due_at = d->due_at;
  event.step_due_at = d->step_due_at;
  event.to_user = username;
  store::dossier::InsertEvent(tx, d->id, event);
  if (!stored) store::dossier::InsertSteps(tx, d->id, steps);
  tx.Commit();
  store::Session s(db_);
  auto view = View(s, *store::dossier::FindByCode(s, code));
  return ForCaller(view, caller);
}

std::vector<store::dossier::Officer> Dossiers::Officers(const core::access::Caller& caller,
                                                        const std::string& code, bool next) const {
  const auto view = Get(caller, code);
  const auto& d = view.dossier;
  const int index = d.current_step + (next ? 1 : 0);
  if (!d.received_at || !IsOpen(d.status) || index < 0 ||
      index >= static_cast<int>(view.steps.size())) {
    throw Error(ErrorCode::kConflict,
                next ? "Hồ sơ không còn bước tiếp theo." : "Hồ sơ không có bước đang giải quyết.");
  }
  const auto& step = view.steps[static_cast<std::size_t>(index)];
  store::Session s(db_);
  return store::dossier::ListOfficers(s, step.agency_id, step.role);
}

}  // namespace egov::service::dossier
