// The Vietnamese lunisolar calendar (âm lịch): conversion between civil (solar) dates and
// lunar dates by Hồ Ngọc Đức's astronomical algorithm, computed for UTC+7 (meridian 105°E).
//
// Chinese-calendar libraries compute for UTC+8 and disagree with Vietnam in some years
// (Tết 2007: 17/2 in Vietnam, 18/2 in China; 1985 a month apart). Months start on the day
// of the new moon (Vietnam time); the 11th month contains the winter solstice; in a year of
// 13 months the leap month (tháng nhuận) is the first month after the 11th without a major
// solar term (trung khí) and takes the number of the month before it.
//
// Supported range: solar dates 1900-01-01..2199-12-31 (lunar dates between them). Errors
// (invalid or non-existent dates) are egov::Error kValidationFailed with a Vietnamese
// message. Pure functions, thread-safe; each call costs a few dozen trigonometric series.
#pragma once

#include <compare>

#include "core/calendar/date.hpp"

namespace egov::core::calendar {

struct LunarDate {
  int day = 1;    // 1..30
  int month = 1;  // 1..12
  int year = kMinYear;
  bool leap = false;  // the leap (repeated) month of that number

  friend constexpr bool operator==(const LunarDate&, const LunarDate&) = default;
};

// The Vietnamese lunar date of a civil date. Throws egov::Error on an invalid date.
LunarDate SolarToLunar(const Date& date);

// The civil date of a lunar date. Throws egov::Error when the lunar date does not exist
// (month outside 1..12, a leap month the year does not have, day 30 of a 29-day month) or
// falls outside 1900..2199.
Date LunarToSolar(const LunarDate& lunar);

// The number (1..12) of the leap month of lunar year `lunar_year`, or 0 when it has none.
int LeapMonthOf(int lunar_year);

// Days (29 or 30) in the given lunar month; throws egov::Error if the month does not exist.
int LunarMonthLength(int lunar_year, int month, bool leap);

}  // namespace egov::core::calendar
