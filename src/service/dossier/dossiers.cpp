// One-stop dossiers (see dossiers.hpp).
#include "service/dossier/dossiers.hpp"

#include <boost/json.hpp>

#include <map>

#include "core/calendar/date.hpp"
#include "core/dossier/citizen_notice.hpp"
#include "core/dossier/deadlines.hpp"
#include "core/dossier/dossier.hpp"
#include "core/dossier/rule_set.hpp"
#include "core/dossier/workflow.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"
#include "service/dossier/steps.hpp"
#include "service/security/crypto.hpp"
#include "store/access/agencies.hpp"
#include "store/access/users.hpp"
#include "store/errors.hpp"

namespace egov::service::dossier {

using core::catalog::Procedure;
using core::dossier::Action;
using core::dossier::Channel;
using core::dossier::Dossier;
using core::dossier::DossierStep;
using core::dossier::Status;

namespace {

std::string Clean(const std::string& field, const std::string& value, std::size_t max,
                  const std::string& label, bool required) {
  std::string clean = core::text::NormalizeSpaces(value);
  if (required && clean.empty()) throw FieldError(field, label + " không được để trống.");
  if (core::text::CodePointCount(clean) > max) {
    throw FieldError(field, label + " dài tối đa " + std::to_string(max) + " ký tự.");
  }
  return clean;
}

core::dossier::Applicant CheckApplicant(const core::dossier::Applicant& in) {
  core::dossier::Applicant a;
  a.full_name = Clean("applicant.full_name", in.full_name, 100, "Họ và tên", true);
  a.id_number = core::text::NormalizeSpaces(in.id_number);
  if (!core::dossier::IsCitizenId(a.id_number)) {
    throw FieldError("applicant.id_number", "số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.");
  }
  auto phone = core::dossier::NormalizePhone(in.phone);
  if (!phone) {
    throw FieldError(
        "applicant.phone",
        "số điện thoại không hợp lệ (10 số di động hoặc 11 số cố định, bắt đầu bằng 0).");
  }
  a.phone = *phone;
  a.email = core::text::NormalizeSpaces(in.email);
  if (!a.email.empty() && !core::dossier::IsEmail(a.email)) {
    throw FieldError("applicant.email", "địa chỉ thư điện tử không hợp lệ.");
  }
  a.address = Clean("applicant.address", in.address, 300, "Địa chỉ", true);
  return a;
}

// Every component the procedure requires must be handed in, at least in the required counts;
// names not in the procedure are refused.
void CheckComponents(const Procedure& p, const std::vector<core::catalog::Component>& given) {
  using core::catalog::kMaxCopies;
  std::map<std::string, const core::catalog::Component*> by_name;
  for (const auto& c : given) {
    if (c.original < 0 || c.certified < 0 || c.copy < 0 || c.original > kMaxCopies ||
        c.certified > kMaxCopies || c.copy > kMaxCopies) {
      throw FieldError("components", "số bản của \"" + c.name + "\" phải từ 0 đến 20.");
    }
    by_name[c.name] = &c;
  }
  std::string missing;
  for (const auto& required : p.components) {
    auto it = by_name.find(required.name);
    if (it == by_name.end() || it->second->original < required.original ||
        it->second->certified < required.certified || it->second->copy < required.copy) {
      missing += (missing.empty() ? "" : "; ") + required.name;
    }
  }
  if (!missing.empty()) {
    throw Error(ErrorCode::kValidationFailed, "Hồ sơ chưa đủ thành phần: " + missing + ".", {},
                {{"components", "thiếu hoặc chưa đủ số bản: " + missing}});
  }
  for (const auto& c : given) {
    bool known = false;
    for (const auto& required : p.components) known = known || required.name == c.name;
    if (!known) {
      throw FieldError("components",
                       "\"" + c.name + "\" không thuộc thành phần hồ sơ của thủ tục.");
    }
  }
}

std::string Yymmdd(std::int64_t now) {
  auto date = core::calendar::FromUtcMillis(now).date;
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d%02d%02d", date.year % 100, date.month, date.day);
  return buffer;
}

Error NotFound() { return Error(ErrorCode::kNotFound, "Không tìm thấy hồ sơ."); }

Error Changed() {
  return Error(ErrorCode::kConflict,
               "Hồ sơ vừa được người khác cập nhật; hãy tải lại hồ sơ rồi thực hiện lại.",
               "dossier version changed",
               {{"version", "không còn là phiên bản hiện tại của hồ sơ."}});
}

// The SHA-256 of an intake request in a canonical form (its fields in a fixed order), so that
// a resend matches whatever the order and spacing of its JSON. Built by hand on purpose: a
// positional array of the values, not a mapped shape, whose text must stay byte for byte
// what it is, since the hashes of keyed requests are stored (idempotency_hash) and a resent
// request after an upgrade must hash the same.
std::string RequestHash(const IntakeInput& in) {
  const auto& a = in.applicant;
  boost::json::array components;
  for (const auto& c : in.components) {
    components.push_back(
        boost::json::array{boost::json::string_view(c.name), c.original, c.certified, c.copy});
  }
  boost::json::array canonical{
      boost::json::string_view(in.procedure_code),
      boost::json::string_view(in.channel ? Name(*in.channel) : std::string_view()),
      boost::json::string_view(in.agency_code),
      boost::json::array{boost::json::string_view(a.full_name),
                         boost::json::string_view(a.id_number), boost::json::string_view(a.phone),
                         boost::json::string_view(a.email), boost::json::string_view(a.address)},
      std::move(components)};
  return security::Sha256Hex(boost::json::serialize(canonical));
}

// The first dossier of an Idempotency-Key, unless the key now comes with another request:
// answering that with the first dossier would hide that the second was never created.
void CheckReplay(const store::dossier::KeyedDossier& first, const std::string& request_hash) {
  if (first.request_hash && *first.request_hash != request_hash) {
    throw Error(ErrorCode::kValidationFailed,
                "Khóa Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.",
                "idempotency key replayed with another body",
                {{"Idempotency-Key",
                  "đã dùng cho một hồ sơ có nội dung khác; hồ sơ mới cần một khóa mới."}});
  }
}

// The payload of a citizen_notice job: {"dossier_code","event","event_id"} (docs/jobs.md).
std::string CitizenNoticePayload(const std::string& code, core::dossier::CitizenEvent event,
                                 std::int64_t event_id) {
  return boost::json::serialize(boost::json::object{
      {"dossier_code", code}, {"event", core::notify::Name(event)}, {"event_id", event_id}});
}

}  // namespace

Dossiers::Dossiers(store::Database& db, const core::Clock& clock,
                   calendar::CalendarService& calendar, catalog::Catalog& catalog,
                   store::FileStore& files, const jobs::JobQueue* citizen_notices)
    : db_(db),
      clock_(clock),
      calendar_(calendar),
      catalog_(catalog),
      files_(files),
      citizen_notices_(citizen_notices) {}

void Dossiers::NotifyCitizen(store::WriteTransaction& tx, const std::string& code, Action action,
                             std::int64_t event_id) const {
  const auto event = core::dossier::CitizenEventOf(action);
  if (!citizen_notices_ || !event) return;
  citizen_notices_->Enqueue(tx, core::dossier::kCitizenNoticeKind,
                            CitizenNoticePayload(code, *event, event_id));
}

core::calendar::WorkingHours Dossiers::HoursOf(const std::vector<DossierStep>& steps,
                                               const Dossier& d) const {
  for (const auto& step : steps) {
    if (step.agency_id == d.receiving_agency_id && !step.working_hours.empty()) {
      return core::calendar::ParseWorkingHours(step.working_hours);
    }
  }
  return calendar_.WorkingHoursOf(d.receiving_agency_code);
}

std::vector<DossierStep> Dossiers::StepsOf(store::Session& session, const Dossier& d,
                                           const Procedure& p, bool* stored) const {
  auto steps = store::dossier::ListSteps(session, d.id);
  if (stored) *stored = !steps.empty();
  if (!steps.empty()) return steps;
  core::access::Agency receiving;
  receiving.id = d.receiving_agency_id;
  receiving.code = d.receiving_agency_code;
  receiving.path = d.receiving_agency_path;
  return ResolveSteps(session, p, receiving, /*own_process=*/false);
}

DossierView Dossiers::Create(const IntakeInput& input, const std::string& created_by,
                             const std::string& actor, const core::access::Agency& agency,
                             bool submitted, const std::optional<std::string>& key) {
  const std::int64_t agency_id = agency.id;
  const std::string& agency_code = agency.code;
  if (key && (key->empty() || key->size() > 200)) {
    throw FieldError("Idempotency-Key", "phải dài từ 1 đến 200 ký tự.");
  }
  const std::string request_hash = key ? RequestHash(input) : std::string();
  if (key) {
    store::Session s(db_);
    if (auto first = store::dossier::FindByIdempotencyKey(s, created_by, *key)) {
      CheckReplay(*first, request_hash);
      return View(s, *store::dossier::FindByCode(s, first->code));
    }
  }
  if (input.procedure_code.empty()) throw FieldError("procedure_code", "cần chọn thủ tục.");
  Procedure p;
  try {
    p = catalog_.Definition(input.procedure_code, std::nullopt);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
    throw FieldError("procedure_code", "không tìm thấy thủ tục " + input.procedure_code + ".");
  }
  std::vector<DossierStep> steps;
  {
    store::Session s(db_);
    steps = ResolveSteps(s, p, agency);
  }
  Dossier d;
  d.applicant = CheckApplicant(input.applicant);
  CheckComponents(p, input.components);
  d.components = input.components;
  d.procedure_code = p.code;
  d.procedure_version = p.version;
  d.procedure_name = p.name;
  d.channel = *input.channel;
  d.receiving_agency_id = agency_id;
  d.receiving_agency_code = agency_code;
  d.competent_agency_id = CompetentAgency(steps, agency_id);
  d.current_agency_id = agency_id;
  d.created_by = created_by;
  d.idempotency_key = key;
  if (key) d.idempotency_hash = request_hash;
  d.public_token = security::RandomToken(24);
  const auto now = clock_.NowMillis();
  d.submitted_at = d.created_at = d.updated_at = now;
  core::dossier::Event event{
      now,          submitted ? Action::kSubmit : Action::kIntake,    actor, agency_code,
      std::nullopt, submitted ? std::nullopt : std::optional<int>(0), ""};
  if (submitted) {
    d.status = Status::kSubmitted;
  } else {
    // Received now: the due times from the core's deadline functions, recorded with the event.
    d.status = Status::kProcessing;
    const ProcessCalendars calendars(*calendar_.Calendar(), HoursOf(steps, d), steps);
    const auto schedule = core::dossier::Advance({}, event, WithSteps(p, steps), calendars.view());
    d.received_at = schedule.received_at;
    d.due_at = schedule.due_at;
    d.current_step = 0;
    d.step_due_at = schedule.step_due_at();
    d.current_agency_id = steps.front().agency_id;
    event.due_at = d.due_at;
    event.step_due_at = d.step_due_at;
  }
  const std::string folded = core::text::Fold(d.applicant.full_name + " " + d.applicant.id_number +
                                              " " + d.applicant.phone);
  bool raced = false;
  {
    store::WriteTransaction tx(db_);
    d.code = core::dossier::FormatDossierCode(
        agency_code, Yymmdd(now), store::dossier::NextNumber(tx, agency_id, Yymmdd(now)));
    try {
      d.id = store::dossier::Insert(tx, d, folded);
      store::dossier::InsertSteps(tx, d.id, steps);
      const auto event_id = store::dossier::InsertEvent(tx, d.id, event);
      NotifyCitizen(tx, d.code, event.action, event_id);
      tx.Commit();
    } catch (const store::UniqueViolation&) {
      raced = key.has_value();
      if (!raced) throw;
      // The same key came in concurrently and won: roll back (the number is not used)
      // and answer with the dossier it created.
    }
  }
  if (raced) {
    store::Session s(db_);
    auto first = store::dossier::FindByIdempotencyKey(s, created_by, *key);
    if (!first) throw Error(ErrorCode::kConflict, "Yêu cầu trùng lặp, vui lòng thử lại.");
    CheckReplay(*first, request_hash);
    return View(s, *store::dossier::FindByCode(s, first->code));
  }
  // Answer from what was just written: reading it back would only cost round trips.
  d.receiving_agency_name = agency.name;
  d.receiving_agency_path = agency.path;
  for (const auto& step : steps) {
    if (step.agency_id == d.competent_agency_id) d.competent_agency_code = step.agency_code;
    if (step.agency_id == d.current_agency_id) d.current_agency_code = step.agency_code;
  }
  if (d.current_agency_code.empty()) d.current_agency_code = agency_code;
  return {d, p, {event}, {}, std::move(steps), std::nullopt};
}

DossierView Dossiers::Intake(const core::access::Caller& caller, const IntakeInput& input,
                             const std::optional<std::string>& key) {
  core::access::RequireAnyRole(caller, {core::access::Role::kReception});
  if (input.channel != Channel::kDirect && input.channel != Channel::kPostal) {
    throw FieldError("channel", "kênh tiếp nhận phải là direct hoặc postal.");
  }
  core::access::Agency agency;
  agency.id = caller.agency_id;
  agency.code = caller.agency_code;
  agency.name = caller.agency_name;
  agency.path = caller.agency_path;
  auto view = Create(input, caller.username, caller.username, agency, false, key);
  return ForCaller(view, caller);
}

DossierView Dossiers::Submit(const IntakeInput& input, const std::optional<std::string>& key) {
  if (input.channel != Channel::kOnline)
    throw FieldError("channel", "kênh nộp trực tuyến phải là online.");
  if (input.agency_code.empty()) throw FieldError("agency_code", "cần chọn nơi tiếp nhận hồ sơ.");
  std::optional<core::access::Agency> agency;
  {
    store::Session s(db_);
    agency = store::access::FindAgencyByCode(s, input.agency_code);
  }
  if (!agency) throw FieldError("agency_code", "không tìm thấy nơi tiếp nhận hồ sơ.");
  // Only where the public list of receiving agencies offers this procedure: a citizen must not
  // file at the province, a department or any agency without a one-stop counter for it. (An
  // unknown procedure is refused by Create, naming procedure_code.)
  std::string level;
  try {
    level = catalog_.Definition(input.procedure_code, std::nullopt).level;
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kNotFound) throw;
  }
  bool offered = false;
  for (const auto& a : ReceivingAgencies(level)) offered = offered || a.code == agency->code;
  if (!offered) {
    throw FieldError("agency_code",
                     "cơ quan " + agency->code +
                         " không tiếp nhận hồ sơ trực tuyến của thủ tục này; hãy chọn một nơi "
                         "trong danh sách nơi tiếp nhận.");
  }
  // An online replay is recognised by key, agency and phone together, so a guessed or shared
  // key never returns another citizen's dossier (and its token).
  auto phone = core::dossier::NormalizePhone(input.applicant.phone);
  if (!phone) {
    throw FieldError(
        "applicant.phone",
        "số điện thoại không hợp lệ (10 số di động hoặc 11 số cố định, bắt đầu bằng 0).");
  }
  return Create(input, "online:" + agency->code + ":" + *phone, "công dân", *agency, true, key);
}

DossierView Dossiers::Act(const core::access::Caller& caller, const std::string& code,
                          const ActionInput& input) {
  namespace wf = core::dossier;
  // The texts, bounded and cleaned as every request body's; whether the action needs them is
  // Decide's question (after the status and the role).
  const std::string reason = Clean("reason", input.reason, 2000, "Lý do", false);
  if (input.missing.size() > 50) {
    throw FieldError("missing", "cần liệt kê từ 1 đến 50 giấy tờ còn thiếu.");
  }
  std::vector<std::string> missing;
  for (const auto& item : input.missing) {
    missing.push_back(Clean("missing", item, 500, "Tên giấy tờ", false));
  }
  // What never changes for a dossier is read before the write transaction: its pinned
  // procedure and the calendar (each may read the database on its own connection).
  std::optional<Dossier> before;
  {
    store::Session s(db_);
    before = store::dossier::FindByCode(s, code);
  }
  if (!before) throw NotFound();
  const Procedure pinned = catalog_.Definition(before->procedure_code, before->procedure_version);
  const auto base = calendar_.Calendar();
  const auto now = clock_.NowMillis();

  store::WriteTransaction tx(db_);
  auto d = store::dossier::FindByCode(tx.session(), code);
  if (!d) throw NotFound();
  bool stored = true;
  const auto steps = StepsOf(tx.session(), *d, pinned, &stored);
  if (!Sees(caller, *d, steps)) throw NotFound();
  if (input.version && *input.version != d->version) throw Changed();

  const Procedure p = WithSteps(pinned, steps);
  const ProcessCalendars calendars(*base, HoursOf(steps, *d), steps);
  const auto events = store::dossier::ListEvents(tx.session(), d->id);
  auto state = wf::StateOf(*d, events, p.steps);
  if (d->assignee && *d->assignee != caller.username) {
    auto holder = store::access::FindUserByUsername(tx.session(), *d->assignee);
    if (holder) state.assignee_label = holder->full_name + " (" + holder->username + ")";
  }
  const auto actor = ActorOf(caller, *d, state, steps);
  const wf::Request request{input.action, now, reason, missing, input.new_due_at};
  const auto outcome =
      wf::Decide(state, actor, request, wf::RuleSetAt(d->received_at.value_or(d->submitted_at)),
                 calendars.receiving());
  if (const auto* refusal = std::get_if<wf::Refusal>(&outcome)) throw wf::ToError(*refusal);
  const auto& t = std::get<wf::Transition>(outcome);

  // A forward may name the officer of the next step: one of its agency, with its role.
  if (input.to_user) {
    if (t.action != Action::kForward || !t.step) {
      throw FieldError("to_user", "chỉ chọn người nhận khi chuyển bước tiếp theo.");
    }
    const auto& next = steps[static_cast<std::size_t>(*t.step)];
    auto user = store::access::FindUserByUsername(tx.session(), *input.to_user);
    if (!user || !user->active || user->agency_id != next.agency_id ||
        !user->roles.contains(next.role)) {
      throw FieldError("to_user", "phải là một cán bộ có vai trò " +
                                      std::string(core::access::RoleName(next.role)) + " của " +
                                      next.agency_code + " (bước \"" + next.name + "\").");
    }
  }

  // The schedule so far: the visits and pauses replayed from the events, the due times as
  // they were recorded (a later calendar edit does not move them); then this event, whose
  // due times are computed now, in the calendar in force now, and recorded with it.
  std::vector<std::int64_t> reschedules;
  for (const auto& e : events) {
    if (e.action == Action::kReschedule && e.due_at) reschedules.push_back(*e.due_at);
  }
  auto schedule = wf::Replay(events, p, calendars.view(), reschedules);
  if (d->due_at) schedule.due_at = d->due_at;
  if (!schedule.visits.empty() && !schedule.visits.back().ended_at && d->step_due_at) {
    schedule.visits.back().due_at = *d->step_due_at;
  }
  auto event = wf::EventOf(t, now, caller.username, caller.agency_code);
  schedule = wf::Advance(std::move(schedule), event, p, calendars.view(), t.new_due_at);
  event.due_at = schedule.due_at;
  event.step_due_at = schedule.step_due_at();
  event.to_user = input.to_user;

  d->status = t.status;
  if (t.step) {
    d->current_step = *t.step;
    d->current_agency_id = steps[static_cast<std::size_t>(*t.step)].agency_id;
  }
  if (schedule.received_at) d->received_at = schedule.received_at;
  d->due_at = schedule.due_at;
  d->step_due_at = schedule.step_due_at();
  d->completed_at = schedule.completed_at;
  // The named officer holds the step until it is handed on.
  if (t.step_starts) d->assignee = input.to_user;
  if (!store::dossier::UpdateState(tx, *d, now)) throw Changed();
  const auto event_id = store::dossier::InsertEvent(tx, d->id, event);
  if (!stored) store::dossier::InsertSteps(tx, d->id, steps);
  NotifyCitizen(tx, d->code, event.action, event_id);
  tx.Commit();
  store::Session s(db_);
  auto view = View(s, *store::dossier::FindByCode(s, code));
  return ForCaller(view, caller);
}

DossierView Dossiers::View(store::Session& session, const Dossier& d) const {
  DossierView v{d,
                catalog_.Definition(d.procedure_code, d.procedure_version),
                store::dossier::ListEvents(session, d.id),
                store::dossier::ListFiles(session, d.id),
                {},
                std::nullopt};
  v.steps = StepsOf(session, d, v.procedure);
  if (d.status == Status::kReturned) v.rating = store::dossier::FindRating(session, d.id);
  if (d.completed_at && d.due_at) {
    v.timeliness = core::dossier::TimelinessOf(*d.completed_at, *d.due_at);
  }
  return v;
}

DossierView Dossiers::Get(const core::access::Caller& caller, const std::string& code) const {
  store::Session s(db_);
  auto d = store::dossier::FindByCode(s, code);
  if (!d) throw NotFound();
  auto view = View(s, *d);
  // Liên thông: an agency of the dossier's resolved process sees it too.
  if (!Sees(caller, *d, view.steps)) throw NotFound();
  return ForCaller(view, caller);
}

store::dossier::ListResult Dossiers::List(const core::access::Caller& caller,
                                          const ListQuery& q) const {
  store::dossier::ListFilter f;
  f.subtree_path = caller.agency_path;
  f.status = q.status;
  f.query_folded = core::text::Fold(Clean("q", q.q, 100, "Từ khóa", false));
  auto day_start = [](const std::string& field, const std::string& text) {
    try {
      return core::calendar::ToUtcMillis({core::calendar::ParseIsoDate(text), 0});
    } catch (const Error&) {  // name the parameter, as for every other field
      throw FieldError(field, "phải là một ngày có thật, dạng YYYY-MM-DD.");
    }
  };
  if (!q.received_from.empty()) f.received_from = day_start("received_from", q.received_from);
  if (!q.received_to.empty()) {
    f.received_to = day_start("received_to", q.received_to) + 24LL * 3600 * 1000;
  }
  f.overdue_only = q.overdue;
  // Overdue to the minute, as core::dossier::IsOverdue: the due minute has passed (a paused
  // dossier is supplement_requested, never processing, so never overdue).
  f.now = clock_.NowMillis() / 60'000 * 60'000;
  f.page = q.page;
  f.per_page = q.per_page;
  store::Session s(db_);
  return store::dossier::List(s, f);
}

void Dossiers::CheckCanAddFile(const core::access::Caller& caller, const std::string& code) const {
  core::access::RequireAnyRole(caller,
                               {core::access::Role::kReception, core::access::Role::kSpecialist});
  Get(caller, code);  // not_found unless the caller may see it
}

core::dossier::File Dossiers::AddFile(const core::access::Caller& caller, const std::string& code,
                                      const std::string& component, const std::string& file_name,
                                      std::string_view bytes) {
  core::access::RequireAnyRole(caller,
                               {core::access::Role::kReception, core::access::Role::kSpecialist});
  auto view = Get(caller, code);  // not_found unless the caller may see it
  bool known = false;
  for (const auto& c : view.procedure.components) known = known || c.name == component;
  if (!known) {
    throw FieldError("component",
                     "\"" + component + "\" không thuộc thành phần hồ sơ của thủ tục.");
  }
  if (bytes.empty()) throw FieldError("file", "tệp rỗng.");
  if (bytes.size() > kMaxFileBytes) {
    throw Error(ErrorCode::kPayloadTooLarge, "Tệp vượt quá 10 MiB.");
  }
  const std::string mime = store::SniffMimeType(bytes);
  if (mime != "application/pdf" && mime != "image/jpeg" && mime != "image/png") {
    throw Error(ErrorCode::kUnsupportedMedia,
                "Chỉ nhận tệp PDF, JPEG hoặc PNG (tệp này là " + mime + ").", {},
                {{"file", "loại tệp không được nhận: " + mime}});
  }
  core::dossier::File f{security::Sha256Hex(bytes),
                        component,
                        mime,
                        static_cast<std::int64_t>(bytes.size()),
                        Clean("file", file_name, 255, "Tên tệp", false),
                        clock_.NowMillis(),
                        caller.username};
  files_.Put(f.sha256, bytes);  // content-addressed: storing twice is harmless
  store::WriteTransaction tx(db_);
  store::dossier::InsertFile(tx, view.dossier.id, f);
  store::dossier::InsertEvent(tx, view.dossier.id,
                              {f.uploaded_at, Action::kFile, caller.username, caller.agency_code,
                               std::nullopt, std::nullopt, component});
  tx.Commit();
  return f;
}

StoredFile Dossiers::GetFile(const core::access::Caller& caller, const std::string& code,
                             const std::string& sha256) const {
  auto view = Get(caller, code);
  for (const auto& f : view.files) {
    if (f.sha256 != sha256) continue;
    auto bytes = files_.Get(sha256);
    if (!bytes) break;
    return {f, std::move(*bytes)};
  }
  throw Error(ErrorCode::kNotFound, "Không tìm thấy tệp của hồ sơ.");
}

std::vector<store::dossier::ReceivingAgency> Dossiers::ReceivingAgencies(
    const std::string& level) const {
  if (!level.empty() && level != "province" && level != "district" && level != "commune") {
    throw FieldError("level", "cấp thực hiện phải là province, district hoặc commune.");
  }
  store::Session s(db_);
  std::vector<store::dossier::ReceivingAgency> out;
  for (auto& a : store::dossier::ListReceivingAgencies(s)) {
    if (level.empty() || (level == "commune") == (a.kind == "commune")) out.push_back(std::move(a));
  }
  return out;
}

PublicView Dossiers::Lookup(const std::string& code) const {
  if (code.empty() || code.size() > 64) throw NotFound();
  store::Session s(db_);
  auto row = store::dossier::FindPublic(s, code);
  if (!row) throw NotFound();
  std::string label(core::dossier::StatusLabel(row->status));
  return {std::move(row->code),
          std::move(row->procedure_name),
          row->status,
          std::move(label),
          core::dossier::MaskName(row->applicant.full_name),
          row->received_at,
          row->due_at};
}

}  // namespace egov::service::dossier
