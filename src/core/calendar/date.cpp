// Civil dates and Vietnam-local times: arithmetic, validation, ISO text, epoch conversion.
#include "core/calendar/date.hpp"

#include <cstdio>

#include "core/error.hpp"

namespace egov::core::calendar {
namespace {

// Floor division for a positive divisor.
constexpr std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` ASCII digits at `pos`; false if any is not a digit.
bool ReadNumber(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!IsDigit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

// Shortens untrusted input before quoting it back in a message.
std::string Quote(std::string_view text) {
  constexpr std::size_t kMax = 40;
  return std::string(text.substr(0, kMax)) + (text.size() > kMax ? "…" : "");
}

[[noreturn]] void ThrowBadDateText(std::string_view text) {
  throw Error(ErrorCode::kValidationFailed,
              "Ngày không hợp lệ: \"" + Quote(text) + "\" (định dạng YYYY-MM-DD)");
}

[[noreturn]] void ThrowBadTimeText(std::string_view text) {
  throw Error(ErrorCode::kValidationFailed,
              "Thời điểm không hợp lệ: \"" + Quote(text) + "\" (định dạng YYYY-MM-DDTHH:MM)");
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(const Date& d) {
  return d.year >= kMinYear && d.year <= kMaxYear && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= DaysInMonth(d.year, d.month);
}

void CheckDate(const Date& date) {
  if (!IsValidDate(date)) {
    std::string message = "Ngày không hợp lệ: " + FormatVietnameseDate(date);
    if (date.year < kMinYear || date.year > kMaxYear) message += " (chỉ hỗ trợ năm 1900–2199)";
    throw Error(ErrorCode::kValidationFailed, message);
  }
}

// http://howardhinnant.github.io/date_algorithms.html#days_from_civil
std::int64_t DaysFromCivil(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = FloorDiv(y, 400);
  const std::int64_t yoe = y - era * 400;                          // [0, 399]
  const std::int64_t mp = (month + 9) % 12;                        // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;           // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

// http://howardhinnant.github.io/date_algorithms.html#civil_from_days
Date CivilFromDays(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = FloorDiv(z, 146097);
  const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Date{year, month, day};
}

Weekday WeekdayOf(const Date& date) {
  // 1970-01-01 was a Thursday.
  const std::int64_t days = DaysFromCivil(date);
  return static_cast<Weekday>(((days + 4) % 7 + 7) % 7);
}

Date AddDays(const Date& date, std::int64_t days) {
  CheckDate(date);
  const Date result = CivilFromDays(DaysFromCivil(date) + days);
  CheckDate(result);
  return result;
}

Date ParseIsoDate(std::string_view text) {
  Date date;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadNumber(text, 0, 4, date.year) ||
      !ReadNumber(text, 5, 2, date.month) || !ReadNumber(text, 8, 2, date.day)) {
    ThrowBadDateText(text);
  }
  CheckDate(date);
  return date;
}

std::string FormatIsoDate(const Date& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::string FormatVietnameseDate(const Date& date) {
  return std::to_string(date.day) + "/" + std::to_string(date.month) + "/" +
         std::to_string(date.year);
}

LocalDateTime MakeLocalDateTime(const Date& date, int hour, int minute) {
  CheckDate(date);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", hour, minute);
    throw Error(ErrorCode::kValidationFailed, std::string("Giờ không hợp lệ: ") + buffer);
  }
  return LocalDateTime{date, hour * 60 + minute};
}

LocalDateTime ParseLocalDateTime(std::string_view text) {
  int hour = 0;
  int minute = 0;
  if (text.size() != 16 || text[10] != 'T' || text[13] != ':' || !ReadNumber(text, 11, 2, hour) ||
      !ReadNumber(text, 14, 2, minute)) {
    ThrowBadTimeText(text);
  }
  const Date date = ParseIsoDate(text.substr(0, 10));
  return MakeLocalDateTime(date, hour, minute);
}

std::string FormatLocalDateTime(const LocalDateTime& time) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d", time.minute_of_day / 60,
                time.minute_of_day % 60);
  return FormatIsoDate(time.date) + buffer;
}

LocalDateTime FromLocalMinutes(std::int64_t local_minutes) {
  const std::int64_t days = FloorDiv(local_minutes, kMinutesPerDay);
  return LocalDateTime{CivilFromDays(days),
                       static_cast<int>(local_minutes - days * kMinutesPerDay)};
}

std::int64_t ToUtcMillis(const LocalDateTime& time) {
  return (ToLocalMinutes(time) - kVietnamUtcOffsetMinutes) * 60'000;
}

LocalDateTime FromUtcMillis(std::int64_t utc_millis) {
  const LocalDateTime local =
      FromLocalMinutes(FloorDiv(utc_millis, 60'000) + kVietnamUtcOffsetMinutes);
  CheckDate(local.date);
  return local;
}

std::string FormatVietnamInstant(std::int64_t utc_millis) {
  // Written digit by digit: every dossier in every answer carries a few of these.
  const LocalDateTime local = FromUtcMillis(utc_millis);  // years 1900-2199: four digits
  const int seconds =
      static_cast<int>(FloorDiv(utc_millis, 1000) - FloorDiv(utc_millis, 60'000) * 60);
  std::string out = "0000-00-00T00:00:00+07:00";
  auto put = [&out](std::size_t at, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10) {
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    }
  };
  put(0, local.date.year, 4);
  put(5, local.date.month, 2);
  put(8, local.date.day, 2);
  put(11, local.minute_of_day / 60, 2);
  put(14, local.minute_of_day % 60, 2);
  put(17, seconds, 2);
  return out;
}

std::int64_t ParseIsoInstant(std::string_view text) {
  const auto bad = [text] {
    return Error(ErrorCode::kValidationFailed,
                 "Thời điểm không hợp lệ: \"" + Quote(text) +
                     "\" (định dạng YYYY-MM-DDTHH:MM:SS+07:00 hoặc …Z)");
  };
  int hour = 0, minute = 0, second = 0;
  if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      !ReadNumber(text, 11, 2, hour) || !ReadNumber(text, 14, 2, minute) ||
      !ReadNumber(text, 17, 2, second) || second > 59) {
    throw bad();
  }
  std::size_t pos = 19;
  int millis = 0;
  if (text[pos] == '.') {
    std::size_t digits = 0;
    for (++pos; pos < text.size() && IsDigit(text[pos]); ++pos, ++digits) {
      if (digits >= 3) throw bad();
      millis = millis * 10 + (text[pos] - '0');
    }
    if (digits == 0) throw bad();
    for (; digits < 3; ++digits) millis *= 10;
  }
  int offset_minutes = 0;
  const std::string_view zone = text.substr(pos);
  if (zone != "Z") {
    int offset_hour = 0, offset_minute = 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
        !ReadNumber(zone, 1, 2, offset_hour) || !ReadNumber(zone, 4, 2, offset_minute) ||
        offset_hour > 14 || offset_minute > 59) {
      throw bad();
    }
    offset_minutes = (zone[0] == '-' ? -1 : 1) * (offset_hour * 60 + offset_minute);
  }
  LocalDateTime local;
  try {
    local = MakeLocalDateTime(ParseIsoDate(text.substr(0, 10)), hour, minute);
  } catch (const Error&) {
    throw bad();
  }
  // ToUtcMillis reads `local` as Vietnam time; correct for the offset actually written.
  return ToUtcMillis(local) + (kVietnamUtcOffsetMinutes - offset_minutes) * 60'000LL +
         second * 1000LL + millis;
}

}  // namespace egov::core::calendar
