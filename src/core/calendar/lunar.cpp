// Hồ Ngọc Đức's lunar-calendar algorithm ("Âm lịch Việt Nam", informatik.uni-leipzig.de/
// ~duc/amlich/calrules.html), transcribed from its published reference implementation with
// the time zone fixed at +7. Day numbers are Julian Day Numbers (JDN, integer, noon-based).
#include "core/calendar/lunar.hpp"

#include <cmath>
#include <numbers>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace egov::core::calendar {
namespace {

constexpr double kTimeZone = 7.0;  // hours east of Greenwich
constexpr double kPi = std::numbers::pi;
constexpr double kDegree = kPi / 180.0;
// JDN of 1970-01-01, to translate DaysFromCivil.
constexpr std::int64_t kUnixEpochJdn = 2440588;
// Mean synodic month, days; and the epoch of new moon k = 0 (1900-01-01 13:52 UT).
constexpr double kSynodicMonth = 29.530588853;
constexpr double kNewMoonEpoch = 2415021.076998695;

std::int64_t Floor(double x) { return static_cast<std::int64_t>(std::floor(x)); }

std::int64_t JdnFromDate(const Date& date) { return DaysFromCivil(date) + kUnixEpochJdn; }
Date DateFromJdn(std::int64_t jdn) { return CivilFromDays(jdn - kUnixEpochJdn); }

// Julian day (UT, fractional) of the k-th new moon after 1900-01-01 (Meeus, simplified).
double NewMoon(std::int64_t k_int) {
  const double k = static_cast<double>(k_int);
  const double t = k / 1236.85;  // Julian centuries since 1900-01-01 12:00
  const double t2 = t * t;
  const double t3 = t2 * t;
  double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * kDegree);
  const double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;     // sun
  const double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;  // moon
  const double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  double c1 = (0.1734 - 0.000393 * t) * std::sin(m * kDegree) + 0.0021 * std::sin(2 * kDegree * m);
  c1 = c1 - 0.4068 * std::sin(mpr * kDegree) + 0.0161 * std::sin(kDegree * 2 * mpr);
  c1 = c1 - 0.0004 * std::sin(kDegree * 3 * mpr);
  c1 = c1 + 0.0104 * std::sin(kDegree * 2 * f) - 0.0051 * std::sin(kDegree * (m + mpr));
  c1 = c1 - 0.0074 * std::sin(kDegree * (m - mpr)) + 0.0004 * std::sin(kDegree * (2 * f + m));
  c1 = c1 - 0.0004 * std::sin(kDegree * (2 * f - m)) - 0.0006 * std::sin(kDegree * (2 * f + mpr));
  c1 = c1 + 0.0010 * std::sin(kDegree * (2 * f - mpr)) + 0.0005 * std::sin(kDegree * (2 * mpr + m));
  double delta_t;  // ΔT, days
  if (t < -11) {
    delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
  } else {
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2;
  }
  return jd1 + c1 - delta_t;
}

// Apparent longitude of the sun, radians in [0, 2π), at Julian day `jdn` (UT).
double SunLongitude(double jdn) {
  const double t = (jdn - 2451545.0) / 36525;  // Julian centuries since J2000
  const double t2 = t * t;
  const double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(kDegree * m);
  dl +=
      (0.019993 - 0.000101 * t) * std::sin(kDegree * 2 * m) + 0.000290 * std::sin(kDegree * 3 * m);
  double l = (l0 + dl) * kDegree;
  l -= kPi * 2 * static_cast<double>(Floor(l / (kPi * 2)));
  return l;
}

// The sun's longitude sector (0..11, 30° each; 0 = spring equinox) at local midnight
// starting day `day_number`.
int SunSector(std::int64_t day_number) {
  return static_cast<int>(
      Floor(SunLongitude(static_cast<double>(day_number) - 0.5 - kTimeZone / 24) / kPi * 6));
}

// JDN of the local day containing the k-th new moon.
std::int64_t NewMoonDay(std::int64_t k) { return Floor(NewMoon(k) + 0.5 + kTimeZone / 24); }

// JDN of the first day of the 11th lunar month that starts in (civil) `year`, i.e. the month
// containing the winter solstice of that year.
std::int64_t LunarMonth11(int year) {
  const std::int64_t off = JdnFromDate(Date{year, 12, 31}) - 2415021;
  const std::int64_t k = Floor(static_cast<double>(off) / kSynodicMonth);
  std::int64_t nm = NewMoonDay(k);
  if (SunSector(nm) >= 9) nm = NewMoonDay(k - 1);  // it starts after the solstice sector
  return nm;
}

// In a 13-month year starting at month 11 `a11`, the offset (from month 11) of the leap
// month: the first month whose start lies in the same sun sector as the next month's start,
// i.e. that contains no major solar term.
int LeapMonthOffset(std::int64_t a11) {
  const std::int64_t k = Floor((static_cast<double>(a11) - kNewMoonEpoch) / kSynodicMonth + 0.5);
  int i = 1;
  int arc = SunSector(NewMoonDay(k + i));
  int last = 0;
  do {
    last = arc;
    ++i;
    arc = SunSector(NewMoonDay(k + i));
  } while (arc != last && i < 14);
  return i - 1;
}

// Index k of the month starting `month_start` (a new-moon day).
std::int64_t MonthIndex(std::int64_t month_start) {
  return Floor(0.5 + (static_cast<double>(month_start) - kNewMoonEpoch) / kSynodicMonth);
}

// JDN of day 1 of the given lunar month, or nullopt when that month does not exist
// (month outside 1..12, or a leap month the year lacks).
std::optional<std::int64_t> MonthStart(int lunar_year, int month, bool leap) {
  if (month < 1 || month > 12) return std::nullopt;
  std::int64_t a11;
  std::int64_t b11;
  if (month < 11) {
    a11 = LunarMonth11(lunar_year - 1);
    b11 = LunarMonth11(lunar_year);
  } else {
    a11 = LunarMonth11(lunar_year);
    b11 = LunarMonth11(lunar_year + 1);
  }
  const std::int64_t k = MonthIndex(a11);
  int off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {  // 13 months between two 11th months
    const int leap_off = LeapMonthOffset(a11);
    int leap_month = leap_off - 2;
    if (leap_month <= 0) leap_month += 12;
    if (leap && month != leap_month) return std::nullopt;
    if (leap || off >= leap_off) off += 1;
  } else if (leap) {
    return std::nullopt;
  }
  return NewMoonDay(k + off);
}

std::string LunarText(int day, int month, int year, bool leap) {
  return "ngày " + std::to_string(day) + " tháng " + std::to_string(month) +
         (leap ? " nhuận" : "") + " năm " + std::to_string(year);
}

}  // namespace

LunarDate SolarToLunar(const Date& date) {
  CheckDate(date);
  const std::int64_t day_number = JdnFromDate(date);
  // The month holding the day: NewMoonDay(k) <= day_number < NewMoonDay(k + 1). The
  // reference implementation tries only k and k + 1 from the mean-lunation estimate and
  // answers "day 0" when the true new moon is late enough (e.g. 7/5/2054); search instead.
  std::int64_t k = Floor((static_cast<double>(day_number) - kNewMoonEpoch) / kSynodicMonth);
  while (NewMoonDay(k) > day_number) --k;
  while (NewMoonDay(k + 1) <= day_number) ++k;
  const std::int64_t month_start = NewMoonDay(k);
  std::int64_t a11 = LunarMonth11(date.year);
  std::int64_t b11 = a11;
  int lunar_year;
  if (a11 >= month_start) {
    lunar_year = date.year;
    a11 = LunarMonth11(date.year - 1);
  } else {
    lunar_year = date.year + 1;
    b11 = LunarMonth11(date.year + 1);
  }
  LunarDate lunar;
  lunar.day = static_cast<int>(day_number - month_start + 1);
  const int diff = static_cast<int>(Floor(static_cast<double>(month_start - a11) / 29));
  lunar.month = diff + 11;
  if (b11 - a11 > 365) {
    const int leap_diff = LeapMonthOffset(a11);
    if (diff >= leap_diff) {
      lunar.month = diff + 10;
      lunar.leap = diff == leap_diff;
    }
  }
  if (lunar.month > 12) lunar.month -= 12;
  if (lunar.month >= 11 && diff < 4) lunar_year -= 1;
  lunar.year = lunar_year;
  return lunar;
}

Date LunarToSolar(const LunarDate& lunar) {
  const auto invalid = [&](const std::string& why) {
    return Error(ErrorCode::kValidationFailed,
                 "Ngày âm lịch không tồn tại: " +
                     LunarText(lunar.day, lunar.month, lunar.year, lunar.leap) + why);
  };
  if (lunar.year < kMinYear - 1 || lunar.year > kMaxYear) {
    throw invalid(" (chỉ hỗ trợ năm 1900–2199)");
  }
  if (lunar.month < 1 || lunar.month > 12) throw invalid(" (tháng phải từ 1 đến 12)");
  if (lunar.day < 1 || lunar.day > 30) throw invalid(" (ngày phải từ 1 đến 30)");
  const std::optional<std::int64_t> start = MonthStart(lunar.year, lunar.month, lunar.leap);
  if (!start) {
    throw invalid(" (năm " + std::to_string(lunar.year) + " âm lịch không có tháng " +
                  std::to_string(lunar.month) + " nhuận)");
  }
  const std::int64_t length = NewMoonDay(MonthIndex(*start) + 1) - *start;
  if (lunar.day > length) {
    throw invalid(" (tháng này chỉ có " + std::to_string(length) + " ngày)");
  }
  const Date date = DateFromJdn(*start + lunar.day - 1);
  if (!IsValidDate(date)) throw invalid(" (ngoài phạm vi 1900–2199)");
  return date;
}

int LeapMonthOf(int lunar_year) {
  for (int month = 1; month <= 12; ++month) {
    if (MonthStart(lunar_year, month, true)) return month;
  }
  return 0;
}

int LunarMonthLength(int lunar_year, int month, bool leap) {
  const std::optional<std::int64_t> start = MonthStart(lunar_year, month, leap);
  if (!start) {
    throw Error(ErrorCode::kValidationFailed, "Tháng âm lịch không tồn tại: tháng " +
                                                  std::to_string(month) + (leap ? " nhuận" : "") +
                                                  " năm " + std::to_string(lunar_year));
  }
  return static_cast<int>(NewMoonDay(MonthIndex(*start) + 1) - *start);
}

}  // namespace egov::core::calendar
