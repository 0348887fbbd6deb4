// Bulk synthetic dossiers (see seed.hpp).
#include "service/dossier/seed.hpp"

#include <algorithm>
#include <map>
#include <random>

#include "core/calendar/date.hpp"
#include "core/dossier/deadlines.hpp"
#include "core/dossier/dossier.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"
#include "service/catalog/procedure_json.hpp"
#include "service/dossier/steps.hpp"
#include "service/security/crypto.hpp"
#include "store/catalog/procedures.hpp"
#include "store/dossier/bulk.hpp"

namespace egov::service::dossier {

namespace {

// Synthetic names: common Vietnamese family, middle and given names (not real people).
constexpr const char* kFamily[] = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                                   "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                                   "Hồ",     "Ngô",  "Dương", "Lý"};
constexpr const char* kMiddle[] = {"Văn",   "Thị", "Đức",  "Minh", "Ngọc",
                                   "Thanh", "Hữu", "Quốc", "Thu",  "Xuân"};
constexpr const char* kGiven[] = {"An",    "Bình", "Chi",   "Dũng", "Hà",   "Hải",  "Hạnh",
                                  "Hòa",   "Hùng", "Hương", "Lan",  "Linh", "Long", "Mai",
                                  "Nam",   "Nga",  "Phúc",  "Quân", "Sơn",  "Tâm",  "Thảo",
                                  "Trang", "Tuấn", "Vân",   "Yến"};

bool LevelFits(const std::string& level, const std::string& kind) {
  if (level == "commune") return kind == "commune";
  return kind != "commune";
}

}  // namespace

std::int64_t SeedDossiers(store::Database& db, calendar::CalendarService& calendar_service,
                          const SeedOptions& options,
                          const std::function<void(std::int64_t)>& progress) {
  namespace cal = core::calendar;
  std::vector<store::dossier::ReceivingAgency> agencies;
  std::vector<core::catalog::Procedure> procedures;
  {
    store::Session s(db);
    agencies = store::dossier::ListReceivingAgencies(s);
    for (const auto& d : store::catalog::ExportLatest(s)) {
      auto p = catalog::ProcedureFromJson(d);
      auto versions = store::catalog::ListVersions(s, p.code);
      p.version = versions.empty() ? 1 : versions.back().version;
      procedures.push_back(std::move(p));
    }
  }
  if (agencies.empty() || procedures.empty()) {
    throw Error(ErrorCode::kConflict,
                "Cần có đơn vị có cán bộ tiếp nhận và danh mục thủ tục (chạy egov demo trước).");
  }
  // For each agency, the procedures of its level, and its calendar with its working hours.
  std::vector<std::vector<const core::catalog::Procedure*>> fitting(agencies.size());
  std::vector<cal::WorkingCalendar> calendars;
  for (size_t i = 0; i < agencies.size(); ++i) {
    for (const auto& p : procedures) {
      if (LevelFits(p.level, agencies[i].kind)) fitting[i].push_back(&p);
    }
    if (fitting[i].empty()) {
      for (const auto& p : procedures) fitting[i].push_back(&p);
    }
    calendars.push_back(
        calendar_service.Calendar()->WithHours(calendar_service.WorkingHoursOf(agencies[i].code)));
  }

  std::mt19937_64 random(options.seed);
  std::vector<std::int64_t> times(options.count);
  std::uniform_int_distribution<std::int64_t> when(options.from_ms, options.to_ms);
  for (auto& t : times) t = when(random);
  std::sort(times.begin(), times.end());

  std::map<std::pair<std::int64_t, std::string>, std::int64_t> counters;
  {
    store::Session s(db);  // continue after any dossiers already numbered
    for (const auto& c : store::dossier::ReadCounters(s)) counters[{c.agency_id, c.day}] = c.last;
  }
  // Each (procedure, agency)'s resolved steps, looked up once.
  std::map<std::pair<const core::catalog::Procedure*, std::size_t>,
           std::vector<core::dossier::DossierStep>>
      resolved;
  auto steps_of = [&](const core::catalog::Procedure& p, std::size_t ai) {
    auto it = resolved.find({&p, ai});
    if (it != resolved.end()) return it->second;
    core::access::Agency receiving;
    receiving.id = agencies[ai].id;
    receiving.code = agencies[ai].code;
    store::Session s(db);
    return resolved.emplace(std::pair{&p, ai}, ResolveSteps(s, p, receiving)).first->second;
  };
  std::vector<core::dossier::Dossier> batch;
  std::vector<std::vector<core::dossier::DossierStep>> batch_steps;
  std::vector<std::string> folded;
  std::int64_t done = 0;
  const std::int64_t now = options.to_ms;
  auto flush = [&] {
    store::WriteTransaction tx(db);
    store::dossier::BulkInsert(tx, batch, folded, batch_steps);
    tx.Commit();
    done += static_cast<std::int64_t>(batch.size());
    batch.clear();
    batch_steps.clear();
    folded.clear();
    if (progress) progress(done);
  };
  // Gives `d` a Vietnamese applicant living at `agency` and the procedure's components, and
  // queues it with its steps for the next batch.
  auto enqueue = [&](core::dossier::Dossier d, std::vector<core::dossier::DossierStep> steps,
                     const auto& agency, const core::catalog::Procedure& p) {
    std::string name = std::string(kFamily[random() % std::size(kFamily)]) + " " +
                       kMiddle[random() % std::size(kMiddle)] + " " +
                       kGiven[random() % std::size(kGiven)];
    char id[16], phone[16];
    std::snprintf(id, sizeof id, "0510%08llu",
                  static_cast<unsigned long long>(random() % 100000000));
    std::snprintf(phone, sizeof phone, "09%08llu",
                  static_cast<unsigned long long>(random() % 100000000));
    d.applicant = {name, id, phone, "",
                   "Thôn " + std::to_string(1 + random() % 12) + ", " + agency.name};
    d.components = p.components;
    d.created_by = "seed";
    folded.push_back(core::text::Fold(name + " " + id + " " + phone));
    batch.push_back(std::move(d));
    batch_steps.push_back(std::move(steps));
    if (batch.size() == 5000) flush();
  };
  for (std::int64_t t : times) {
    size_t ai = random() % agencies.size();
    const auto& agency = agencies[ai];
    const auto& p = *fitting[ai][random() % fitting[ai].size()];
    const auto& calendar = calendars[ai];
    cal::LocalDateTime at = calendar.Start(cal::FromUtcMillis(t));
    if (cal::ToUtcMillis(at) > options.to_ms) at = cal::FromUtcMillis(t);  // never in the future
    core::dossier::Dossier d;
    d.received_at = d.submitted_at = cal::ToUtcMillis(at);
    d.due_at = core::dossier::DueAt(p.time_limit, *d.received_at, calendar);
    d.step_due_at = d.due_at;
    // Most dossiers are returned before or on their due time; one in a hundred late.
    std::int64_t span = std::max<std::int64_t>(*d.due_at - *d.received_at, 60'000);
    std::int64_t completed =
        *d.received_at + static_cast<std::int64_t>(span * (0.3 + 0.7 * (random() % 1000) / 1000.0));
    if (random() % 100 == 0) completed = *d.due_at + span / 4;
    if (completed <= now) {
      d.status = core::dossier::Status::kReturned;
      d.completed_at = completed;
      d.current_step = static_cast<int>(p.steps.size()) - 1;
    } else {
      d.status = core::dossier::Status::kProcessing;
    }
    const auto date = at.date;
    char day[8];
    std::snprintf(day, sizeof day, "%02d%02d%02d", date.year % 100, date.month, date.day);
    std::int64_t number = ++counters[{agency.id, day}];
    d.code = core::dossier::FormatDossierCode(agency.code, day, number);
    d.public_token = security::RandomToken(24);
    d.procedure_code = p.code;
    d.procedure_version = p.version;
    d.procedure_name = p.name;
    d.channel =
        random() % 4 == 0 ? core::dossier::Channel::kOnline : core::dossier::Channel::kDirect;
    d.receiving_agency_id = agency.id;
    d.receiving_agency_code = agency.code;
    auto steps = steps_of(p, ai);
    d.competent_agency_id = CompetentAgency(steps, agency.id);
    d.current_agency_id =
        steps[static_cast<std::size_t>(d.current_step)].agency_id;  // step 0 or the return
    enqueue(std::move(d), std::move(steps), agency, p);
  }
  // The open dossiers of the work queues' benchmarks (SeedOptions::open).
  for (const auto& open : options.open) {
    std::size_t ai = agencies.size();
    for (std::size_t i = 0; i < agencies.size(); ++i) {
      if (agencies[i].code == open.agency) ai = i;
    }
    if (ai == agencies.size()) {
      throw FieldError("open", "\"" + open.agency + "\" không phải là nơi có cán bộ tiếp nhận.");
    }
    const auto& agency = agencies[ai];
    const auto& calendar = calendars[ai];
    // Procedures whose first step is the counter's at this agency and has a next step.
    std::vector<const core::catalog::Procedure*> forwardable;
    for (const auto* p : fitting[ai]) {
      const auto steps = steps_of(*p, ai);
      if (steps.size() >= 3 && steps[0].role == core::access::Role::kReception &&
          steps[0].agency_id == agency.id) {
        forwardable.push_back(p);
      }
    }
    if (forwardable.empty()) {
      throw FieldError("open", "không có thủ tục nào bắt đầu tại bộ phận tiếp nhận của \"" +
                                   open.agency + "\".");
    }
    std::uniform_int_distribution<std::int64_t> recent(options.to_ms - 20LL * 24 * 3600 * 1000,
                                                       options.to_ms);
    std::vector<std::int64_t> open_times(static_cast<std::size_t>(open.count));
    for (auto& t : open_times) t = recent(random);
    std::sort(open_times.begin(), open_times.end());
    for (std::int64_t t : open_times) {
      const auto& p = *forwardable[random() % forwardable.size()];
      cal::LocalDateTime at = calendar.Start(cal::FromUtcMillis(t));
      if (cal::ToUtcMillis(at) > options.to_ms) at = cal::FromUtcMillis(t);
      auto steps = steps_of(p, ai);
      core::dossier::Dossier d;
      d.status = core::dossier::Status::kProcessing;
      d.received_at = d.submitted_at = cal::ToUtcMillis(at);
      d.due_at = core::dossier::DueAt(p.time_limit, *d.received_at, calendar);
      d.step_due_at = cal::ToUtcMillis(calendar.AddWorkingHours(at, steps[0].hours));
      d.current_step = 0;
      const auto date = at.date;
      char day[8];
      std::snprintf(day, sizeof day, "%02d%02d%02d", date.year % 100, date.month, date.day);
      d.code = core::dossier::FormatDossierCode(agency.code, day, ++counters[{agency.id, day}]);
      d.public_token = security::RandomToken(24);
      d.procedure_code = p.code;
      d.procedure_version = p.version;
      d.procedure_name = p.name;
      d.channel = core::dossier::Channel::kDirect;
      d.receiving_agency_id = agency.id;
      d.receiving_agency_code = agency.code;
      d.competent_agency_id = CompetentAgency(steps, agency.id);
      d.current_agency_id = agency.id;
      enqueue(std::move(d), std::move(steps), agency, p);
    }
  }
  if (!batch.empty()) flush();
  store::WriteTransaction tx(db);
  for (const auto& [key, last] : counters) {
    store::dossier::RaiseCounter(tx, key.first, key.second, last);
  }
  tx.Commit();
  return done;
}

}  // namespace egov::service::dossier
