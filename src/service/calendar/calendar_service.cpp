// The calendar in the database: shipped schedules, edits, the shared WorkingCalendar (see
// calendar_service.hpp).
#include "service/calendar/calendar_service.hpp"

#include <algorithm>
#include <boost/describe/class.hpp>
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "core/error.hpp"
#include "core/text/fold.hpp"
#include "json/write.hpp"
#include "service/audit/audit.hpp"
#include "service/calendar/schedule_data.hpp"
#include "store/access/agencies.hpp"
#include "store/calendar/schedules.hpp"

namespace egov::service::calendar {

namespace cal = core::calendar;

namespace {

constexpr const char* kShippedBy = "shipped";
constexpr std::size_t kMaxFieldMessages = 50;

// Per-field messages of one PUT, reported together so a screen can mark every bad row.
class Problems {
 public:
  void Add(const std::string& field, const std::string& message) {
    if (first_.empty()) first_ = message;
    if (fields_.size() < kMaxFieldMessages) fields_.emplace(field, message);
  }
  void ThrowIfAny() const {
    if (first_.empty()) return;
    throw Error(ErrorCode::kValidationFailed, "Lịch nghỉ không hợp lệ: " + first_, {}, fields_);
  }

 private:
  std::string first_;
  std::map<std::string, std::string> fields_;
};

// The number of days of each kind, named as DayKindName names them, every kind in a fixed
// order.
boost::json::object CountsJson(const cal::YearSchedule& schedule) {
  std::map<cal::DayKind, std::int64_t> counts;
  for (const cal::ScheduledDay& d : schedule.days) ++counts[d.kind];
  boost::json::object out;
  for (cal::DayKind k : {cal::DayKind::kHoliday, cal::DayKind::kCompensatory, cal::DayKind::kDayOff,
                         cal::DayKind::kWorkingDay}) {
    out[cal::DayKindName(k)] = counts[k];
  }
  return out;
}

// The audit details of the calendar's changes.
struct LoadDetails {
  std::vector<int> years;
};
BOOST_DESCRIBE_STRUCT(LoadDetails, (), (years))

struct UpdateDetails {
  int year = 0;
  std::string_view source;
  std::int64_t days = 0;
  boost::json::object kinds;
  std::optional<std::int64_t> previous;  // the days before; null: no schedule before
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(UpdateDetails, (), (year, source, days, kinds, previous, version))

}  // namespace

void CheckYear(int year) {
  if (year < cal::kMinYear || year > cal::kMaxYear) {
    throw FieldError("year", "năm phải là số nguyên từ 1900 đến 2199.");
  }
}

CalendarService::CalendarService(store::Database& db, const core::Clock& clock)
    : db_(db), clock_(clock) {}

std::vector<int> CalendarService::LoadShippedSchedules() {
  const std::vector<cal::YearSchedule> shipped = ShippedSchedules();
  std::set<int> present;
  {
    store::Session s(db_);
    for (const auto& stored : store::calendar::ListSchedules(s)) {
      present.insert(stored.schedule.year);
    }
  }
  bool missing = false;
  for (const auto& schedule : shipped) missing = missing || !present.contains(schedule.year);
  if (!missing) return {};  // the usual start: no write at all

  const std::int64_t now = clock_.NowMillis();
  std::vector<int> loaded;
  store::WriteTransaction tx(db_);
  for (const auto& schedule : shipped) {
    if (store::calendar::InsertScheduleIfAbsent(tx, schedule, now, kShippedBy)) {
      loaded.push_back(schedule.year);
    }
  }
  if (!loaded.empty()) {
    store::calendar::BumpCalendarVersion(tx);
    audit::Append(tx, audit::Actor::System("egov"),
                  {"calendar.load", "calendar", "shipped", json::WriteText(LoadDetails{loaded})},
                  now);
  }
  tx.Commit();
  if (!loaded.empty()) Invalidate();
  return loaded;
}

HolidaySchedule CalendarService::Holidays(int year) const {
  CheckYear(year);
  std::optional<store::calendar::StoredSchedule> stored;
  {
    store::Session s(db_);
    stored = store::calendar::FindSchedule(s, year);
  }
  if (!stored) return {cal::StatutorySchedule(year), false, 0, ""};
  return {std::move(stored->schedule), true, stored->updated_at, std::move(stored->updated_by)};
}

HolidaySchedule CalendarService::PutHolidays(const core::access::Caller& caller, int year,
                                             const std::optional<std::string>& source,
                                             const std::vector<DayInput>& days) {
  core::access::RequireAnyRole(caller, {core::access::Role::kAdmin});
  // The calendar applies to every agency of the installation: only an administrator of a
  // root agency (path "/id/") may change it, not the admin of one commune.
  if (std::count(caller.agency_path.begin(), caller.agency_path.end(), '/') != 2) {
    throw Error(ErrorCode::kForbidden,
                "Chỉ quản trị viên của cơ quan cấp cao nhất mới được sửa lịch làm việc chung.");
  }
  CheckYear(year);
  const std::string year_text = std::to_string(year);
  if (days.size() > kMaxDaysPerYear) {
    throw FieldError("days", "một năm có tối đa " + std::to_string(kMaxDaysPerYear) +
                                 " ngày trong lịch nghỉ (nhận được " + std::to_string(days.size()) +
                                 ").");
  }

  Problems problems;
  cal::YearSchedule schedule;
  schedule.year = year;
  std::optional<std::string> clean_source;
  if (source) {
    clean_source = core::text::NormalizeSpaces(*source);
    if (clean_source->empty()) {
      problems.Add("source", "nguồn (văn bản quyết định) không được để trống.");
    } else if (core::text::CodePointCount(*clean_source) > kMaxSourceLength) {
      problems.Add("source", "nguồn dài tối đa " + std::to_string(kMaxSourceLength) + " ký tự.");
    }
  }
  std::map<cal::Date, std::size_t> seen;  // date → index of its first entry
  for (std::size_t i = 0; i < days.size(); ++i) {
    const DayInput& in = days[i];
    const std::string at = "days[" + std::to_string(i) + "].";
    cal::ScheduledDay day;
    bool date_ok = false;
    try {
      day.date = cal::ParseIsoDate(in.date);
      date_ok = true;
    } catch (const Error& e) {
      problems.Add(at + "date", e.message() + " (định dạng YYYY-MM-DD).");
    }
    if (date_ok && day.date.year != year) {
      problems.Add(at + "date", "ngày " + cal::FormatVietnameseDate(day.date) +
                                    " không thuộc năm " + year_text + ".");
      date_ok = false;
    }
    if (date_ok) {
      auto [it, inserted] = seen.emplace(day.date, i);
      if (!inserted) {
        problems.Add(at + "date", "ngày " + cal::FormatVietnameseDate(day.date) + " đã có ở dòng " +
                                      std::to_string(it->second + 1) + ".");
      }
    }
    day.name = core::text::NormalizeSpaces(in.name);
    if (day.name.empty()) {
      problems.Add(at + "name", "tên ngày nghỉ không được để trống.");
    } else if (core::text::CodePointCount(day.name) > kMaxDayNameLength) {
      problems.Add(at + "name",
                   "tên ngày nghỉ dài tối đa " + std::to_string(kMaxDayNameLength) + " ký tự.");
    }
    const std::optional<cal::DayKind> kind = cal::ParseDayKind(in.kind);
    if (!kind) {
      problems.Add(at + "kind", "loại ngày \"" + in.kind.substr(0, 40) +
                                    "\" không hợp lệ (holiday, compensatory, day_off, "
                                    "working_day).");
    } else {
      day.kind = *kind;
      if (date_ok) {
        const bool weekend = cal::IsWeekend(day.date);
        const std::string when = cal::FormatVietnameseDate(day.date);
        if (day.kind == cal::DayKind::kWorkingDay && !weekend) {
          problems.Add(at + "kind", "ngày làm bù " + when + " phải là thứ Bảy hoặc Chủ nhật.");
        }
        if ((day.kind == cal::DayKind::kCompensatory || day.kind == cal::DayKind::kDayOff) &&
            weekend) {
          problems.Add(at + "kind", "ngày nghỉ bù hoặc nghỉ hoán đổi " + when +
                                        " phải là ngày từ thứ Hai đến thứ Sáu.");
        }
      }
    }
    schedule.days.push_back(std::move(day));
  }
  problems.ThrowIfAny();

  const std::int64_t now = clock_.NowMillis();
  store::WriteTransaction tx(db_);
  const auto previous = store::calendar::FindSchedule(tx.session(), year);
  schedule.source = clean_source ? *clean_source
                    : previous   ? previous->schedule.source
                                 : "Lịch do quản trị viên " + caller.username + " nhập";
  // The core's own checks, after ours: a safety net that states the same rules.
  schedule = cal::ValidateYearSchedule(std::move(schedule));
  store::calendar::ReplaceSchedule(tx, schedule, now, caller.username);
  const std::int64_t version = store::calendar::BumpCalendarVersion(tx);
  UpdateDetails details{year,
                        schedule.source,
                        static_cast<std::int64_t>(schedule.days.size()),
                        CountsJson(schedule),
                        std::nullopt,
                        version};
  if (previous) details.previous = static_cast<std::int64_t>(previous->schedule.days.size());
  audit::Append(tx, audit::Actor::Of(caller),
                {"calendar.update", "calendar", year_text, json::WriteText(details)}, now);
  tx.Commit();
  Invalidate();  // this process sees its own edit at once
  return {std::move(schedule), true, now, caller.username};
}

std::shared_ptr<const cal::WorkingCalendar> CalendarService::Calendar() const {
  std::shared_ptr<const Cached> current = cached_.load();
  if (current && clock_.MonotonicMillis() < next_check_at_.load()) return current->calendar;

  std::lock_guard<std::mutex> lock(refresh_mutex_);
  current = cached_.load();
  if (current && clock_.MonotonicMillis() < next_check_at_.load())
    return current->calendar;  // done
  const std::uint64_t generation = invalidations_.load();
  const std::int64_t check_started = clock_.MonotonicMillis();
  std::int64_t version = 0;
  std::vector<store::calendar::StoredSchedule> stored;
  {
    store::Session s(db_);
    version = store::calendar::CalendarVersion(s);
    if (!current || current->version != version) stored = store::calendar::ListSchedules(s);
  }
  if (!current || current->version != version) {
    std::vector<cal::YearSchedule> official;
    official.reserve(stored.size());
    for (auto& s : stored) official.push_back(std::move(s.schedule));
    auto next = std::make_shared<Cached>();
    next->version = version;
    next->calendar = std::make_shared<const cal::WorkingCalendar>(official);
    current = next;
    cached_.store(current);
  }
  next_check_at_.store(check_started + kRecheckMillis);
  // An edit by this process that committed while we read must not wait for the next period.
  if (invalidations_.load() != generation) next_check_at_.store(0);
  return current->calendar;
}

void CalendarService::Invalidate() {
  invalidations_.fetch_add(1);
  next_check_at_.store(0);
}

cal::WorkingHours CalendarService::WorkingHoursOf(const std::string& agency_code) const {
  std::optional<std::string> hours;
  {
    store::Session s(db_);
    hours = store::access::FindWorkingHours(s, agency_code);
  }
  if (!hours) {
    throw Error(ErrorCode::kNotFound,
                "Không tìm thấy cơ quan, đơn vị có mã \"" + agency_code.substr(0, 40) + "\".");
  }
  return cal::ParseWorkingHours(*hours);
}

std::vector<LunarDay> CalendarService::LunarDays(int year) const {
  CheckYear(year);
  std::vector<LunarDay> out;
  out.reserve(366);
  for (cal::Date d{year, 1, 1}; d.year == year;) {
    out.push_back({d, cal::SolarToLunar(d)});
    if (d.month == 12 && d.day == 31) break;
    d = cal::AddDays(d, 1);
  }
  return out;
}

}  // namespace egov::service::calendar
