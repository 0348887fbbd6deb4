// Civil (proleptic Gregorian) dates and Vietnam-local date-times at minute resolution, with
// strict ISO parsing/formatting and conversion to/from UTC epoch milliseconds.
//
// Vietnam time is a fixed UTC+7 (no daylight saving). Business dates and working hours are
// Vietnam time; instants are stored as UTC epoch milliseconds (ARCHITECTURE.md, Runtime).
// Supported years: kMinYear..kMaxYear (1900..2199); anything else is rejected with an
// egov::Error (kValidationFailed) carrying a Vietnamese message. All functions are pure and
// thread-safe.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace egov::core::calendar {

inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2199;
inline constexpr int kMinutesPerDay = 24 * 60;
// Vietnam's offset from UTC, in minutes (UTC+7, meridian 105°E).
inline constexpr int kVietnamUtcOffsetMinutes = 7 * 60;

// A civil date. Plain aggregate: may hold an invalid value until checked with IsValidDate().
struct Date {
  int year = kMinYear;
  int month = 1;
  int day = 1;

  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

enum class Weekday { kSunday = 0, kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday };

bool IsLeapYear(int year);
// Days in `month` (1..12) of `year`; 0 for a month outside 1..12.
int DaysInMonth(int year, int month);
// True when the date exists and its year lies in kMinYear..kMaxYear.
bool IsValidDate(const Date& date);
// Throws egov::Error "Ngày không hợp lệ: D/M/YYYY" unless IsValidDate(date).
void CheckDate(const Date& date);

// Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil; defined for any
// year that fits, no validation.
std::int64_t DaysFromCivil(int year, int month, int day);
inline std::int64_t DaysFromCivil(const Date& d) { return DaysFromCivil(d.year, d.month, d.day); }
// Inverse of DaysFromCivil (no range check).
Date CivilFromDays(std::int64_t days);

Weekday WeekdayOf(const Date& date);
inline bool IsWeekend(const Date& date) {
  const Weekday w = WeekdayOf(date);
  return w == Weekday::kSaturday || w == Weekday::kSunday;
}

// `date` moved by `days` calendar days; throws egov::Error if the result leaves 1900..2199.
Date AddDays(const Date& date, std::int64_t days);

// Strict `YYYY-MM-DD` (exactly 10 characters, ASCII digits). Throws egov::Error.
Date ParseIsoDate(std::string_view text);
// `YYYY-MM-DD`.
std::string FormatIsoDate(const Date& date);
// `D/M/YYYY`, the Vietnamese way of writing a date in messages.
std::string FormatVietnameseDate(const Date& date);

// A Vietnam-local wall-clock time, minute resolution.
struct LocalDateTime {
  Date date;
  int minute_of_day = 0;  // 0..1439, minutes since local midnight

  friend constexpr auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

// A LocalDateTime from its parts; throws egov::Error on an invalid date or time.
LocalDateTime MakeLocalDateTime(const Date& date, int hour, int minute);
// Strict `YYYY-MM-DDTHH:MM` (HH 00..23, MM 00..59). Throws egov::Error.
LocalDateTime ParseLocalDateTime(std::string_view text);
// `YYYY-MM-DDTHH:MM`.
std::string FormatLocalDateTime(const LocalDateTime& time);

// Minutes since 1970-01-01T00:00 Vietnam time: a linear scale for local arithmetic.
inline std::int64_t ToLocalMinutes(const LocalDateTime& t) {
  return DaysFromCivil(t.date) * kMinutesPerDay + t.minute_of_day;
}
// Inverse of ToLocalMinutes (no range check).
LocalDateTime FromLocalMinutes(std::int64_t local_minutes);

// UTC epoch milliseconds of a Vietnam-local time.
std::int64_t ToUtcMillis(const LocalDateTime& time);
// The Vietnam-local minute containing `utc_millis` (rounded down to the minute); throws
// egov::Error if that lies outside 1900..2199.
LocalDateTime FromUtcMillis(std::int64_t utc_millis);
// An instant as ISO 8601 in Vietnam time, to the second: "2026-02-25T10:00:00+07:00".
std::string FormatVietnamInstant(std::int64_t utc_millis);
// UTC epoch milliseconds of an ISO 8601 instant with seconds and an explicit offset:
// "2026-02-13T16:59:00+07:00", "2026-02-13T09:59:00Z" (optional fraction ".123", at most
// milliseconds). Throws egov::Error (kValidationFailed) on any other text.
std::int64_t ParseIsoInstant(std::string_view text);

}  // namespace egov::core::calendar
