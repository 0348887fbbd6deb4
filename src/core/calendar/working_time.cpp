// Working days (a precomputed rank/select table over 1900..2199) and deadlines in working
// minutes. The fast path maps an instant to W = working minutes since 1900-01-01T00:00:
//   W(t) = rank(day) × minutes_per_day + minutes worked that day before t,
// so a deadline is the earliest instant whose W is W(start) + minutes, found by
// select(⌊(W − 1) / minutes_per_day⌋) and a walk over at most a few periods of one day.
#include "core/calendar/working_time.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "core/error.hpp"

namespace egov::core::calendar {

struct WorkingCalendar::DayTable {
  std::int64_t first_day = 0;         // DaysFromCivil(1900-01-01)
  std::vector<std::uint8_t> working;  // per day: 1 when worked
  std::vector<std::int32_t> rank;     // rank[i]: working days among days [0, i); size n + 1
  std::vector<std::int32_t> select;   // select[k]: index of the k-th working day (0-based)
};

namespace {

[[noreturn]] void ThrowOutOfRange() {
  throw Error(ErrorCode::kValidationFailed,
              "Thời hạn vượt quá phạm vi lịch được hỗ trợ (năm 1900–2199)");
}

std::string FormatMinute(int minute) {
  return std::to_string(minute / 60) + ":" + (minute % 60 < 10 ? "0" : "") +
         std::to_string(minute % 60);
}

}  // namespace

// ---- WorkingHours ----

WorkingHours WorkingHours::Default() { return ParseWorkingHours(kDefaultWorkingHours); }

WorkingHours::WorkingHours(std::vector<WorkingPeriod> periods) : periods_(std::move(periods)) {
  if (periods_.empty()) {
    throw Error(ErrorCode::kValidationFailed, "Giờ làm việc phải có ít nhất một khoảng");
  }
  int previous_end = 0;
  for (const WorkingPeriod& p : periods_) {
    if (p.begin_minute < previous_end || p.begin_minute >= p.end_minute ||
        p.end_minute > kMinutesPerDay) {
      throw Error(ErrorCode::kValidationFailed,
                  "Giờ làm việc không hợp lệ: " + FormatMinute(p.begin_minute) + "–" +
                      FormatMinute(p.end_minute) +
                      " (các khoảng phải trong ngày, theo thứ tự, không chồng nhau)");
    }
    previous_end = p.end_minute;
    minutes_per_day_ += p.end_minute - p.begin_minute;
  }
}

WorkingHours ParseWorkingHours(std::string_view text) {
  const auto bad = [&text] {
    return Error(ErrorCode::kValidationFailed,
                 "Giờ làm việc không hợp lệ: \"" + std::string(text.substr(0, 60)) +
                     "\" (dạng HH:MM-HH:MM, cách nhau bởi dấu phẩy, ví dụ "
                     "07:30-11:30,13:00-17:00)");
  };
  // Two ASCII digits at `at`, else -1.
  const auto two = [](std::string_view s, std::size_t at) {
    if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return -1;
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
  };
  if (text.empty() || text.size() > 200) throw bad();
  std::vector<WorkingPeriod> periods;
  std::string_view rest = text;
  while (true) {
    const std::size_t comma = rest.find(',');
    const std::string_view part = rest.substr(0, comma);
    if (part.size() != 11 || part[2] != ':' || part[5] != '-' || part[8] != ':') throw bad();
    const int h1 = two(part, 0), m1 = two(part, 3), h2 = two(part, 6), m2 = two(part, 9);
    if (h1 < 0 || m1 < 0 || h2 < 0 || m2 < 0 || h1 > 23 || m1 > 59 || m2 > 59 || h2 > 24 ||
        (h2 == 24 && m2 != 0)) {
      throw bad();
    }
    periods.push_back({h1 * 60 + m1, h2 * 60 + m2});
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  try {
    return WorkingHours(std::move(periods));
  } catch (const Error&) {
    throw bad();
  }
}

int WorkingHours::WorkedBefore(int minute_of_day) const {
  int worked = 0;
  for (const WorkingPeriod& p : periods_) {
    if (minute_of_day <= p.begin_minute) break;
    worked += std::min(minute_of_day, p.end_minute) - p.begin_minute;
  }
  return worked;
}

int WorkingHours::EndOfWork(int worked) const {
  for (const WorkingPeriod& p : periods_) {
    const int length = p.end_minute - p.begin_minute;
    if (worked <= length) return p.begin_minute + worked;
    worked -= length;
  }
  return periods_.back().end_minute;  // unreachable for worked <= minutes_per_day()
}

bool WorkingHours::Contains(int minute_of_day) const {
  for (const WorkingPeriod& p : periods_) {
    if (minute_of_day >= p.begin_minute && minute_of_day < p.end_minute) return true;
  }
  return false;
}

// ---- Timeliness ----

std::string_view TimelinessName(Timeliness timeliness) {
  switch (timeliness) {
    case Timeliness::kEarly: return "early";
    case Timeliness::kOnTime: return "on_time";
    case Timeliness::kLate: return "late";
  }
  return "late";
}

Timeliness Classify(const LocalDateTime& completed_at, const LocalDateTime& due_at) {
  if (completed_at > due_at) return Timeliness::kLate;
  if (completed_at.date < due_at.date) return Timeliness::kEarly;
  return Timeliness::kOnTime;
}

// ---- WorkingCalendar ----

WorkingCalendar::WorkingCalendar(const std::vector<YearSchedule>& official, WorkingHours hours)
    : hours_(std::move(hours)) {
  std::map<int, const YearSchedule*> official_by_year;
  for (const YearSchedule& s : official) official_by_year[s.year] = &s;

  auto table = std::make_shared<DayTable>();
  table->first_day = DaysFromCivil(kMinYear, 1, 1);
  const std::int64_t end_day = DaysFromCivil(kMaxYear + 1, 1, 1);
  const auto n = static_cast<std::size_t>(end_day - table->first_day);
  table->working.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    table->working[i] =
        IsWeekend(CivilFromDays(table->first_day + static_cast<std::int64_t>(i))) ? 0 : 1;
  }
  for (int year = kMinYear; year <= kMaxYear; ++year) {
    const auto it = official_by_year.find(year);
    const YearSchedule schedule =
        it != official_by_year.end() ? *it->second : StatutorySchedule(year);
    for (const ScheduledDay& day : schedule.days) {
      if (!IsValidDate(day.date)) continue;  // validated schedules never hold one
      const auto index = static_cast<std::size_t>(DaysFromCivil(day.date) - table->first_day);
      table->working[index] = IsWorkingDayUnder(day.date, &day) ? 1 : 0;
    }
  }
  table->rank.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    table->rank[i + 1] = table->rank[i] + table->working[i];
    if (table->working[i]) table->select.push_back(static_cast<std::int32_t>(i));
  }
  days_ = std::move(table);
}

WorkingCalendar::WorkingCalendar(std::shared_ptr<const DayTable> days, WorkingHours hours)
    : days_(std::move(days)), hours_(std::move(hours)) {}

WorkingCalendar WorkingCalendar::WithHours(WorkingHours hours) const {
  return WorkingCalendar(days_, std::move(hours));
}

std::int64_t WorkingCalendar::DayIndex(const Date& date) const {
  CheckDate(date);
  return DaysFromCivil(date) - days_->first_day;
}

bool WorkingCalendar::IsWorkingDay(const Date& date) const {
  return days_->working[static_cast<std::size_t>(DayIndex(date))] != 0;
}

Date WorkingCalendar::NextWorkingDayFrom(const Date& date) const {
  const auto k = static_cast<std::size_t>(days_->rank[static_cast<std::size_t>(DayIndex(date))]);
  if (k >= days_->select.size()) ThrowOutOfRange();
  return CivilFromDays(days_->first_day + days_->select[k]);
}

LocalDateTime WorkingCalendar::Start(const LocalDateTime& from) const {
  if (IsWorkingDay(from.date)) {
    if (hours_.Contains(from.minute_of_day)) return from;
    for (const WorkingPeriod& p : hours_.periods()) {
      if (p.begin_minute > from.minute_of_day) return LocalDateTime{from.date, p.begin_minute};
    }
  }
  const std::int64_t next = DaysFromCivil(from.date) + 1;
  if (next >= DaysFromCivil(kMaxYear + 1, 1, 1)) ThrowOutOfRange();
  return LocalDateTime{NextWorkingDayFrom(CivilFromDays(next)), hours_.opening_minute()};
}

std::int64_t WorkingCalendar::WorkedUntil(const LocalDateTime& t) const {
  const auto index = static_cast<std::size_t>(DayIndex(t.date));
  const std::int64_t before =
      static_cast<std::int64_t>(days_->rank[index]) * hours_.minutes_per_day();
  if (!days_->working[index]) return before;
  return before + hours_.WorkedBefore(t.minute_of_day);
}

LocalDateTime WorkingCalendar::EarliestWithWorked(std::int64_t worked) const {
  const std::int64_t per_day = hours_.minutes_per_day();
  const std::int64_t k = (worked - 1) / per_day;  // 0-based working day holding it
  if (k < 0 || k >= static_cast<std::int64_t>(days_->select.size())) ThrowOutOfRange();
  const int within = static_cast<int>(worked - k * per_day);  // 1..per_day
  const std::int64_t day = days_->first_day + days_->select[static_cast<std::size_t>(k)];
  // EndOfWork may return 24:00 for a period ending at midnight: the next day's 00:00.
  return FromLocalMinutes(day * kMinutesPerDay + hours_.EndOfWork(within));
}

LocalDateTime WorkingCalendar::AddWorkingMinutes(const LocalDateTime& from,
                                                 std::int64_t minutes) const {
  if (minutes < 0) {
    throw Error(ErrorCode::kValidationFailed, "Thời hạn không được là số âm");
  }
  if (minutes == 0) return Start(from);
  // Guards the multiplication below against absurd inputs; the calendar holds far fewer.
  if (minutes > std::int64_t{1} << 40) ThrowOutOfRange();
  return EarliestWithWorked(WorkedUntil(from) + minutes);
}

LocalDateTime WorkingCalendar::AddWorkingHours(const LocalDateTime& from,
                                               std::int64_t hours) const {
  if (hours > (std::int64_t{1} << 30)) ThrowOutOfRange();
  return AddWorkingMinutes(from, hours * 60);
}

LocalDateTime WorkingCalendar::AddWorkingDays(const LocalDateTime& from, std::int64_t days) const {
  if (days > (std::int64_t{1} << 30)) ThrowOutOfRange();
  return AddWorkingMinutes(from, days * hours_.minutes_per_day());
}

LocalDateTime WorkingCalendar::SameDayDue(const LocalDateTime& from) const {
  constexpr int kSameDayCutoff = 15 * 60;  // received after 15:00: due the next working day
  CheckDate(from.date);
  Date first = from.date;
  if (from.minute_of_day > kSameDayCutoff) {
    if (first == Date{kMaxYear, 12, 31}) ThrowOutOfRange();
    first = AddDays(first, 1);
  }
  const Date day = NextWorkingDayFrom(first);
  return FromLocalMinutes(DaysFromCivil(day) * kMinutesPerDay + hours_.closing_minute());
}

std::int64_t WorkingCalendar::WorkingMinutesBetween(const LocalDateTime& a,
                                                    const LocalDateTime& b) const {
  return WorkedUntil(b) - WorkedUntil(a);
}

LocalDateTime WorkingCalendar::ExtendByPause(const LocalDateTime& due_at,
                                             const LocalDateTime& paused_at,
                                             const LocalDateTime& resumed_at) const {
  const std::int64_t paused = WorkingMinutesBetween(paused_at, resumed_at);
  if (paused <= 0) return due_at;
  return EarliestWithWorked(WorkedUntil(due_at) + paused);
}

}  // namespace egov::core::calendar
