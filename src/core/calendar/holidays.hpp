// Public-sector days off of one year: statutory holidays (Labour Code), compensatory days,
// swapped days off and make-up working Saturdays, as a YearSchedule.
//
// A year's official schedule (decided by the Government each year, shipped as data in
// data/calendar/ or edited in the database) overrides the statutory rules for that year.
// StatutorySchedule() is the fallback for a year without one; see docs/calendar.md for the
// default choices the law leaves to the Government (which Tết days, which day next to 2/9).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.hpp"

namespace egov::core::calendar {

enum class DayKind {
  kHoliday,       // "holiday": a statutory holiday (listed even when it falls on a weekend)
  kCompensatory,  // "compensatory": nghỉ bù, a weekday off for a holiday on a weekend
  kDayOff,        // "day_off": a weekday made a day off by a swap (hoán đổi ngày làm việc)
  kWorkingDay,    // "working_day": a Saturday or Sunday worked to repay a swap (làm bù)
};

// The stable snake_case name ("holiday", "compensatory", "day_off", "working_day").
std::string_view DayKindName(DayKind kind);
std::optional<DayKind> ParseDayKind(std::string_view name);

struct ScheduledDay {
  Date date;
  std::string name;  // Vietnamese, e.g. "Tết Nguyên đán (mùng 1)"
  DayKind kind = DayKind::kHoliday;

  friend bool operator==(const ScheduledDay&, const ScheduledDay&) = default;
};

// The days of one civil year that differ from the ordinary week (Mon–Fri worked, Sat–Sun
// off) plus the holidays themselves. `days` is sorted by date, one entry per date.
struct YearSchedule {
  int year = kMinYear;
  std::string source;  // the decision or notice, or "Bộ luật Lao động …" for the statutory rules
  std::vector<ScheduledDay> days;
};

// The statutory schedule of `year` (1900..2199): Labour Code 2019 Art. 112 from 2021
// (11 days: Quốc khánh 2/9 plus one adjacent day), Labour Code 2012 Art. 115 before
// (10 days: Quốc khánh one day; applied to every year before 2021), with compensatory days
// per Art. 111(3). Throws egov::Error for a year outside 1900..2199.
YearSchedule StatutorySchedule(int year);

// Checks an official schedule and returns it sorted by date. Throws egov::Error
// (kValidationFailed, Vietnamese message naming the date) when: the year is outside
// 1900..2199; a date is invalid or outside that year; a date appears twice; a name is empty
// or the source is empty; a "working_day" is not a Saturday or Sunday; a "compensatory" or
// "day_off" is not a weekday (Monday–Friday).
YearSchedule ValidateYearSchedule(YearSchedule schedule);

// Whether a day is worked, given the schedule entry for that date (nullptr when none).
bool IsWorkingDayUnder(const Date& date, const ScheduledDay* entry);

}  // namespace egov::core::calendar
