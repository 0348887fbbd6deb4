// Civil dates, Vietnam-local times, ISO text and epoch conversion.
#include "core/calendar/date.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace egov::core::calendar {
namespace {

TEST(DateTest, DaysFromCivilKnownValues) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1900, 1, 1), -25567);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
}

TEST(DateTest, CivilRoundTripOverWholeRange) {
  const std::int64_t first = DaysFromCivil(kMinYear, 1, 1);
  const std::int64_t last = DaysFromCivil(kMaxYear, 12, 31);
  Date expected{kMinYear, 1, 1};
  for (std::int64_t d = first; d <= last; ++d) {
    const Date date = CivilFromDays(d);
    ASSERT_EQ(date, expected) << d;
    ASSERT_TRUE(IsValidDate(date));
    ASSERT_EQ(DaysFromCivil(date), d);
    // The next date by hand.
    if (++expected.day > DaysInMonth(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
}

TEST(DateTest, Weekdays) {
  EXPECT_EQ(WeekdayOf({1970, 1, 1}), Weekday::kThursday);
  EXPECT_EQ(WeekdayOf({1900, 1, 1}), Weekday::kMonday);
  EXPECT_EQ(WeekdayOf({2026, 1, 10}), Weekday::kSaturday);
  EXPECT_EQ(WeekdayOf({2026, 2, 17}), Weekday::kTuesday);
  EXPECT_EQ(WeekdayOf({2199, 12, 31}), Weekday::kTuesday);
  EXPECT_TRUE(IsWeekend({2026, 4, 26}));
  EXPECT_FALSE(IsWeekend({2026, 4, 27}));
}

TEST(DateTest, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2025, 2), 28);
  EXPECT_EQ(DaysInMonth(2025, 13), 0);
}

TEST(DateTest, AddDays) {
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(AddDays({2025, 12, 31}, 1), (Date{2026, 1, 1}));
  EXPECT_EQ(AddDays({2026, 3, 1}, -1), (Date{2026, 2, 28}));
  EXPECT_THROW(AddDays({2199, 12, 31}, 1), Error);
  EXPECT_THROW(AddDays({1900, 1, 1}, -1), Error);
}

TEST(DateTest, ParseAndFormatIso) {
  EXPECT_EQ(ParseIsoDate("2026-01-10"), (Date{2026, 1, 10}));
  EXPECT_EQ(FormatIsoDate({2026, 1, 10}), "2026-01-10");
  EXPECT_EQ(FormatIsoDate({1900, 1, 1}), "1900-01-01");
  EXPECT_EQ(FormatVietnameseDate({2025, 2, 31}), "31/2/2025");
}

TEST(DateTest, RejectsInvalidDates) {
  for (const char* text :
       {"2025-02-31", "2025-13-01", "2025-00-10", "2025-01-00", "1899-12-31", "2200-01-01",
        "2023-02-29", "", "2025-1-1", "2025/01/01", "20250101", "2025-01-01 ", " 2025-01-01",
        "２０２５-01-01", "2025-01-0a", "+025-01-01", "2025-01-01T00:00"}) {
    EXPECT_THROW(ParseIsoDate(text), Error) << text;
  }
  try {
    ParseIsoDate("2025-02-31");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
    EXPECT_EQ(e.message(), "Ngày không hợp lệ: 31/2/2025");
  }
  EXPECT_NO_THROW(ParseIsoDate("2024-02-29"));
  EXPECT_THROW(CheckDate({2025, 2, 29}), Error);
}

TEST(DateTest, ParseAndFormatLocalDateTime) {
  const LocalDateTime t = ParseLocalDateTime("2026-02-13T16:05");
  EXPECT_EQ(t.date, (Date{2026, 2, 13}));
  EXPECT_EQ(t.minute_of_day, 16 * 60 + 5);
  EXPECT_EQ(FormatLocalDateTime(t), "2026-02-13T16:05");
  EXPECT_EQ(FormatLocalDateTime(ParseLocalDateTime("2026-01-01T00:00")), "2026-01-01T00:00");
  EXPECT_EQ(FormatLocalDateTime(ParseLocalDateTime("2026-12-31T23:59")), "2026-12-31T23:59");
}

TEST(DateTest, RejectsInvalidTimes) {
  for (const char* text :
       {"2026-02-13T24:01", "2026-02-13T24:00", "2026-02-13T12:60", "2026-02-13 12:00",
        "2026-02-13T1:00", "2026-02-13T12:00:00", "2026-02-31T12:00", "2026-02-13T", "",
        "2026-02-13T-1:00", "2026-02-13t12:00", "2026-02-13T12:00Z", "2200-01-01T00:00"}) {
    EXPECT_THROW(ParseLocalDateTime(text), Error) << text;
  }
  EXPECT_THROW(MakeLocalDateTime({2026, 1, 1}, 24, 1), Error);
  EXPECT_THROW(MakeLocalDateTime({2026, 1, 1}, 0, -1), Error);
}

TEST(DateTest, MessagesTruncateLongInput) {
  try {
    ParseIsoDate(std::string(10'000, 'x'));
    FAIL();
  } catch (const Error& e) {
    EXPECT_LT(e.message().size(), 200u);
  }
}

TEST(DateTest, UtcMillisUseFixedUtcPlus7) {
  // 2026-01-01T07:00 in Vietnam is 2026-01-01T00:00Z.
  const LocalDateTime t = ParseLocalDateTime("2026-01-01T07:00");
  EXPECT_EQ(ToUtcMillis(t), 1767225600000);
  EXPECT_EQ(FromUtcMillis(1767225600000), t);
  // 1970-01-01T00:00Z is 07:00 local; a negative instant rounds down to its minute.
  EXPECT_EQ(FormatLocalDateTime(FromUtcMillis(0)), "1970-01-01T07:00");
  EXPECT_EQ(FormatLocalDateTime(FromUtcMillis(-1)), "1970-01-01T06:59");
  EXPECT_EQ(FormatLocalDateTime(FromUtcMillis(59'999)), "1970-01-01T07:00");
  // Midnight local is 17:00Z of the day before.
  EXPECT_EQ(FormatLocalDateTime(FromUtcMillis(ToUtcMillis(ParseLocalDateTime("2024-03-01T00:00")))),
            "2024-03-01T00:00");
  EXPECT_THROW(FromUtcMillis(std::int64_t{1} << 50), Error);
}

TEST(DateTest, LocalMinutesRoundTrip) {
  for (const char* text : {"1900-01-01T00:00", "1969-12-31T23:59", "2199-12-31T23:59"}) {
    const LocalDateTime t = ParseLocalDateTime(text);
    EXPECT_EQ(FromLocalMinutes(ToLocalMinutes(t)), t) << text;
  }
}

}  // namespace
}  // namespace egov::core::calendar
