// Working time and deadlines (CONTRACT.md, "Deadline rules"): which days are worked, the
// working hours of an agency, and due times counted in working minutes, hours or days.
//
// All times are Vietnam-local (UTC+7) at minute resolution (LocalDateTime). The calendar
// covers 1900-01-01..2199-12-31; a computation that would leave it throws egov::Error.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/calendar/date.hpp"
#include "core/calendar/holidays.hpp"

namespace egov::core::calendar {

// The working hours an agency has unless it sets its own, as stored and sent in the API:
// 07:30–11:30 and 13:00–17:00, 480 minutes (8 hours). The one place they are written (the
// schema's column default, in the migrations, repeats them).
inline constexpr std::string_view kDefaultWorkingHours = "07:30-11:30,13:00-17:00";

// One working period of a day: [begin_minute, end_minute) in minutes since local midnight.
struct WorkingPeriod {
  int begin_minute = 0;
  int end_minute = 0;

  friend bool operator==(const WorkingPeriod&, const WorkingPeriod&) = default;
};

// An agency's working hours, the same on every working day. Immutable value.
class WorkingHours {
 public:
  // ParseWorkingHours(kDefaultWorkingHours).
  static WorkingHours Default();

  // Throws egov::Error unless the periods are non-empty, each non-empty, inside 00:00–24:00,
  // sorted and not overlapping.
  explicit WorkingHours(std::vector<WorkingPeriod> periods);

  const std::vector<WorkingPeriod>& periods() const { return periods_; }
  // Working minutes in one working day (480 by default): "one working day" for --days.
  int minutes_per_day() const { return minutes_per_day_; }
  int opening_minute() const { return periods_.front().begin_minute; }
  int closing_minute() const { return periods_.back().end_minute; }

  // Working minutes of one working day before `minute_of_day` (0..minutes_per_day()).
  int WorkedBefore(int minute_of_day) const;
  // The minute of day at which the `worked`-th working minute (1..minutes_per_day()) ends;
  // a total that fills a period ends at that period's end (11:30, 17:00).
  int EndOfWork(int worked) const;
  // True when `minute_of_day` lies in a period (begin inclusive, end exclusive).
  bool Contains(int minute_of_day) const;

 private:
  std::vector<WorkingPeriod> periods_;
  int minutes_per_day_ = 0;
};

// An agency's working hours as stored and sent in the API: "07:30-11:30,13:00-17:00"
// (periods HH:MM-HH:MM of exactly two ASCII digits each, comma-separated, sorted, not
// overlapping; "24:00" allowed as an end; no spaces, signs or trailing comma). The only
// parser of that text: agency creation and edits validate with it, deadlines use it. Throws
// egov::Error (kValidationFailed, Vietnamese message) on any other text.
WorkingHours ParseWorkingHours(std::string_view text);

// How a completed step or dossier compares with its due time (DOMAIN.md §2).
enum class Timeliness {
  kEarly,   // "early" (trước hạn): completed on a day before the due day
  kOnTime,  // "on_time" (đúng hạn): on the due day, at or before due_at
  kLate,    // "late" (quá hạn): after due_at
};
std::string_view TimelinessName(Timeliness timeliness);
Timeliness Classify(const LocalDateTime& completed_at, const LocalDateTime& due_at);

// Working days and working time of one calendar (statutory rules plus official schedules)
// and one set of working hours.
//
// Construction precomputes, for every day of 1900..2199, whether it is worked and how many
// working days precede it (a rank), and the list of working days (a select table), about
// 1 MB shared between copies. After construction the object is immutable: every const member
// may be called concurrently from any number of threads without locking. Every query is
// O(1): IsWorkingDay is a table lookup, and a deadline maps a time to its count of working
// minutes since 1900 and back.
class WorkingCalendar {
 public:
  // `official`: official schedules (already validated), each overriding the statutory rules
  // for its year; at most one per year (a later one for the same year wins). Other years use
  // StatutorySchedule().
  explicit WorkingCalendar(const std::vector<YearSchedule>& official = {},
                           WorkingHours hours = WorkingHours::Default());

  // The same days with other working hours (an agency's own), sharing the day tables.
  WorkingCalendar WithHours(WorkingHours hours) const;

  const WorkingHours& hours() const { return hours_; }

  // Throws egov::Error for an invalid date or one outside 1900..2199.
  bool IsWorkingDay(const Date& date) const;
  // The first working day on or after `date`.
  Date NextWorkingDayFrom(const Date& date) const;

  // `from` when it lies inside working hours on a working day, else the beginning of the
  // next working period (e.g. 17:00 → next working day 07:30; 11:45 → 13:00).
  LocalDateTime Start(const LocalDateTime& from) const;

  // The instant at which `minutes` working minutes (≥ 0), counted from Start(from), have
  // passed: walks forward through working periods only; a total that ends exactly at the end
  // of a period stays there (17:00, not the next day's 07:30). With 0 minutes: Start(from).
  LocalDateTime AddWorkingMinutes(const LocalDateTime& from, std::int64_t minutes) const;
  // --hours H: H × 60 working minutes.
  LocalDateTime AddWorkingHours(const LocalDateTime& from, std::int64_t hours) const;
  // --days N: N × hours().minutes_per_day() working minutes.
  LocalDateTime AddWorkingDays(const LocalDateTime& from, std::int64_t days) const;
  // --same-day: the close of the first working day whose 15:00 is at or after `from`.
  LocalDateTime SameDayDue(const LocalDateTime& from) const;

  // Working minutes between two instants: positive when a < b, negative when b < a.
  std::int64_t WorkingMinutesBetween(const LocalDateTime& a, const LocalDateTime& b) const;

  // A due time after a pause from `paused_at` to `resumed_at` (a supplement request): moved
  // later by the working time spent paused; unchanged when that is zero.
  LocalDateTime ExtendByPause(const LocalDateTime& due_at, const LocalDateTime& paused_at,
                              const LocalDateTime& resumed_at) const;

 private:
  struct DayTable;

  WorkingCalendar(std::shared_ptr<const DayTable> days, WorkingHours hours);

  // Index of `date` in the day table (days since 1900-01-01); throws when out of range.
  std::int64_t DayIndex(const Date& date) const;
  // Working minutes from 1900-01-01T00:00 to `t`.
  std::int64_t WorkedUntil(const LocalDateTime& t) const;
  // The earliest instant at which WorkedUntil() reaches `worked` (> 0).
  LocalDateTime EarliestWithWorked(std::int64_t worked) const;

  std::shared_ptr<const DayTable> days_;
  WorkingHours hours_;
};

}  // namespace egov::core::calendar
