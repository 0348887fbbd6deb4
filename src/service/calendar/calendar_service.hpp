// The working-day calendar as the running system sees it (docs/calendar.md): the official
// schedules kept in the database (loaded from the shipped data, edited by admins), the
// schedule in force for a year, the shared WorkingCalendar that deadlines are computed with,
// and agencies' working hours.
//
// Deadlines are computed once, at the event that starts them (intake, forward, supplement
// received …), with the calendar in force at that moment, and stored with the event. An edit
// of a schedule changes only deadlines computed afterwards: nothing recomputes a stored due
// time.
//
// Thread-safety: every member may be called concurrently from any thread.
#pragma once

#include <atomic>
#include <boost/describe/class.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/access/roles.hpp"
#include "core/calendar/holidays.hpp"
#include "core/calendar/lunar.hpp"
#include "core/calendar/working_time.hpp"
#include "core/clock.hpp"
#include "store/database.hpp"

namespace egov::service::calendar {

// One day of a PUT, as received (validated by PutHolidays).
struct DayInput {
  std::string date;  // YYYY-MM-DD
  std::string name;
  std::string kind;  // holiday | compensatory | day_off | working_day
};
BOOST_DESCRIBE_STRUCT(DayInput, (), (date, name, kind))

// The schedule in force for a year.
struct HolidaySchedule {
  core::calendar::YearSchedule schedule;  // days sorted by date
  bool official = false;        // true: the database's official schedule; false: statutory rules
  std::int64_t updated_at = 0;  // official only: UTC epoch ms of the last write
  std::string updated_by;       // official only: a username, or "shipped"
};

struct LunarDay {
  core::calendar::Date date;
  core::calendar::LunarDate lunar;
};

// Limits of an edited schedule.
inline constexpr std::size_t kMaxDayNameLength = 200;  // characters
inline constexpr std::size_t kMaxSourceLength = 2000;  // characters
inline constexpr std::size_t kMaxDaysPerYear = 366;    // one entry per date at most
// How long a process trusts its calendar before checking the database's version again
// (milliseconds of the injected clock's monotonic scale).
inline constexpr std::int64_t kRecheckMillis = 1000;

class CalendarService {
 public:
  CalendarService(store::Database& db, const core::Clock& clock);

  // Stores each shipped official schedule (data/calendar/*.json) for a year that has no
  // schedule in the database yet; a year already there (loaded earlier, or edited by an
  // admin) is never touched. Idempotent and safe when several processes start at once.
  // Returns the years loaded now (audited as one "calendar.load" event when not empty).
  std::vector<int> LoadShippedSchedules();

  // The database's official schedule of `year`, else the statutory rules. Throws a
  // validation error (field "year") outside 1900..2199.
  HolidaySchedule Holidays(int year) const;

  // Replaces the official schedule of `year` (admin only: 403 otherwise) after validating
  // every day: a date of that year, a name of 1–200 characters, a known kind, no date twice,
  // a working_day on a Saturday or Sunday, a compensatory or day_off on Monday–Friday, at
  // most 366 days; `source` 1–2000 characters (absent: the previous source, or a note that
  // an admin entered it). Invalid input throws validation_failed with a message per field
  // ("days[3].date" …) and changes nothing. One write transaction: the days, the calendar
  // version, and a "calendar.update" audit event. Returns the new schedule.
  HolidaySchedule PutHolidays(const core::access::Caller& caller, int year,
                              const std::optional<std::string>& source,
                              const std::vector<DayInput>& days);

  // The working calendar of the database's schedules (statutory rules for other years), with
  // the default working hours; use WithHours(WorkingHoursOf(agency)) for an agency. Shared
  // and immutable. Rebuilt when the schedules change: this process's edits are seen at once,
  // another process's within kRecheckMillis (the version is read at most once per period).
  std::shared_ptr<const core::calendar::WorkingCalendar> Calendar() const;

  // The working hours of an agency (its `working_hours`, "07:30-11:30,13:00-17:00"). Throws
  // not_found for an unknown code.
  core::calendar::WorkingHours WorkingHoursOf(const std::string& agency_code) const;

  // The lunar date of every day of `year` (1900..2199), in date order.
  std::vector<LunarDay> LunarDays(int year) const;

 private:
  struct Cached {
    std::int64_t version = 0;
    std::shared_ptr<const core::calendar::WorkingCalendar> calendar;
  };

  // After a committed change: the next Calendar() reads the version again.
  void Invalidate();

  store::Database& db_;
  const core::Clock& clock_;
  mutable std::mutex refresh_mutex_;  // one version check / rebuild at a time
  mutable std::atomic<std::shared_ptr<const Cached>> cached_;
  // clock_.MonotonicMillis() before which cached_ is trusted without a database read.
  mutable std::atomic<std::int64_t> next_check_at_{0};
  // Counts Invalidate() calls, so a refresh racing with an edit does not hide it.
  std::atomic<std::uint64_t> invalidations_{0};
};

// Throws a validation error (field "year") unless 1900 <= year <= 2199.
void CheckYear(int year);

}  // namespace egov::service::calendar
