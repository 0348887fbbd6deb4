// Vietnamese lunar calendar against published values, and a full-range round trip.
#include "core/calendar/lunar.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace egov::core::calendar {
namespace {

Date Tet(int year) { return LunarToSolar(LunarDate{1, 1, year, false}); }

// Tết (mùng 1 tháng Giêng) in Vietnam, UTC+7.
TEST(LunarTest, TetMatchesPublishedVietnameseDates) {
  // Years where Vietnam and China (UTC+8) differ (DOMAIN.md §3): 1985 a month apart
  // (China: 20/2/1985), 2007 one day (China: 18/2/2007).
  EXPECT_EQ(Tet(1985), (Date{1985, 1, 21}));
  EXPECT_EQ(Tet(2007), (Date{2007, 2, 17}));
  // 2030 and 2053: the new moon falls at 23:08 (2/2/2030) and 23:32 (18/2/2053) Vietnam
  // time, 00:08 / 00:32 of the next day in China. Vietnam celebrates one day before China
  // (China: 3/2/2030, 19/2/2053). Sources: Hồ Ngọc Đức's "calrules" page; Vietnamese
  // press on the 2030/2053 differences (scienceinfo.net, viet-jo.com quoting the
  // Vietnamese government office in 2006).
  EXPECT_EQ(Tet(2030), (Date{2030, 2, 2}));
  EXPECT_EQ(Tet(2053), (Date{2053, 2, 18}));
  // Official schedules of ../reference/holidays.md.
  EXPECT_EQ(Tet(2020), (Date{2020, 1, 25}));
  EXPECT_EQ(Tet(2021), (Date{2021, 2, 12}));
  EXPECT_EQ(Tet(2022), (Date{2022, 2, 1}));
  EXPECT_EQ(Tet(2023), (Date{2023, 1, 22}));
  EXPECT_EQ(Tet(2024), (Date{2024, 2, 10}));
  EXPECT_EQ(Tet(2025), (Date{2025, 1, 29}));
  EXPECT_EQ(Tet(2026), (Date{2026, 2, 17}));
}

TEST(LunarTest, SolarToLunarOfTet) {
  EXPECT_EQ(SolarToLunar({2030, 2, 2}), (LunarDate{1, 1, 2030, false}));
  EXPECT_EQ(SolarToLunar({2030, 2, 3}), (LunarDate{2, 1, 2030, false}));
  EXPECT_EQ(SolarToLunar({2030, 2, 1}), (LunarDate{29, 12, 2029, false}));
  EXPECT_EQ(SolarToLunar({1985, 1, 21}), (LunarDate{1, 1, 1985, false}));
  EXPECT_EQ(SolarToLunar({2026, 2, 16}), (LunarDate{29, 12, 2025, false}));
  EXPECT_EQ(SolarToLunar({2024, 2, 9}), (LunarDate{30, 12, 2023, false}));
}

// Giỗ Tổ Hùng Vương (10/3 âm lịch) as given by the official schedules.
TEST(LunarTest, HungKingsDay) {
  EXPECT_EQ(LunarToSolar({10, 3, 2020, false}), (Date{2020, 4, 2}));
  EXPECT_EQ(LunarToSolar({10, 3, 2023, false}), (Date{2023, 4, 29}));
  EXPECT_EQ(LunarToSolar({10, 3, 2024, false}), (Date{2024, 4, 18}));
  EXPECT_EQ(LunarToSolar({10, 3, 2025, false}), (Date{2025, 4, 7}));
  EXPECT_EQ(LunarToSolar({10, 3, 2026, false}), (Date{2026, 4, 26}));
}

// Leap months: the algorithm's values, cross-checked with independent published tables
// (Vietnamese calendars for 2020, 2023, 2025; Korean and Vietnamese tables for 2028).
TEST(LunarTest, LeapMonths) {
  EXPECT_EQ(LeapMonthOf(2020), 4);
  EXPECT_EQ(LeapMonthOf(2023), 2);
  EXPECT_EQ(LeapMonthOf(2025), 6);
  EXPECT_EQ(LeapMonthOf(2028), 5);
  EXPECT_EQ(LeapMonthOf(2024), 0);
  EXPECT_EQ(LeapMonthOf(2026), 0);
  // The leap month follows the ordinary month of the same number.
  const Date month4 = LunarToSolar({1, 4, 2020, false});
  const Date leap4 = LunarToSolar({1, 4, 2020, true});
  EXPECT_EQ(month4, (Date{2020, 4, 23}));
  EXPECT_EQ(leap4, (Date{2020, 5, 23}));
  EXPECT_EQ(SolarToLunar(leap4), (LunarDate{1, 4, 2020, true}));
  EXPECT_EQ(SolarToLunar({2025, 7, 25}), (LunarDate{1, 6, 2025, true}));
}

TEST(LunarTest, RejectsNonExistentLunarDates) {
  // No leap month that year, or a different one.
  EXPECT_THROW(LunarToSolar({1, 4, 2024, true}), Error);
  EXPECT_THROW(LunarToSolar({1, 5, 2020, true}), Error);
  // 12th month of 2025 (Ất Tỵ) has 29 days: Tết 2026 has no "30 Tết".
  EXPECT_EQ(LunarMonthLength(2025, 12, false), 29);
  EXPECT_EQ(LunarToSolar({29, 12, 2025, false}), (Date{2026, 2, 16}));
  EXPECT_THROW(LunarToSolar({30, 12, 2025, false}), Error);
  EXPECT_THROW(LunarToSolar({0, 1, 2025, false}), Error);
  EXPECT_THROW(LunarToSolar({31, 1, 2025, false}), Error);
  EXPECT_THROW(LunarToSolar({1, 13, 2025, false}), Error);
  EXPECT_THROW(LunarToSolar({1, 0, 2025, false}), Error);
  EXPECT_THROW(LunarToSolar({1, 1, 2200, false}), Error);
  EXPECT_THROW(LunarToSolar({1, 1, 1800, false}), Error);
  EXPECT_THROW(LunarMonthLength(2024, 4, true), Error);
  try {
    LunarToSolar({1, 4, 2024, true});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
    EXPECT_EQ(e.message(),
              "Ngày âm lịch không tồn tại: ngày 1 tháng 4 nhuận năm 2024 (năm 2024 âm lịch "
              "không có tháng 4 nhuận)");
  }
  EXPECT_THROW(SolarToLunar({2025, 2, 29}), Error);
  EXPECT_THROW(SolarToLunar({2200, 1, 1}), Error);
}

// Every day from Tết 1900 to the end of 2199 converts to a lunar date and back, and lunar
// days advance by one (or start a new month of 29 or 30 days) from each day to the next.
TEST(LunarTest, RoundTripOverWholeRange) {
  const std::int64_t first = DaysFromCivil(1900, 1, 31);
  const std::int64_t last = DaysFromCivil(kMaxYear, 12, 31);
  LunarDate previous = SolarToLunar(CivilFromDays(first - 1));
  EXPECT_EQ(SolarToLunar(CivilFromDays(first)), (LunarDate{1, 1, 1900, false}));
  int months = 0;
  int leap_months = 0;
  for (std::int64_t d = first; d <= last; ++d) {
    const Date date = CivilFromDays(d);
    const LunarDate lunar = SolarToLunar(date);
    ASSERT_EQ(LunarToSolar(lunar), date) << FormatIsoDate(date);
    if (lunar.day == 1) {
      ASSERT_TRUE(previous.day == 29 || previous.day == 30) << FormatIsoDate(date);
      ++months;
      if (lunar.leap) {
        ++leap_months;
        ASSERT_EQ(lunar.month, previous.month) << FormatIsoDate(date);
        ASSERT_FALSE(previous.leap);
      } else {
        ASSERT_EQ(lunar.month, previous.month % 12 + 1) << FormatIsoDate(date);
        ASSERT_EQ(lunar.year, previous.year + (lunar.month == 1 ? 1 : 0));
      }
    } else {
      ASSERT_EQ(lunar.day, previous.day + 1) << FormatIsoDate(date);
      ASSERT_EQ(lunar.month, previous.month);
      ASSERT_EQ(lunar.leap, previous.leap);
    }
    previous = lunar;
  }
  // 300 years of 12 months plus 7 leap months in every 19 years (Metonic cycle): ~110.
  EXPECT_GT(leap_months, 105);
  EXPECT_LT(leap_months, 115);
  EXPECT_GT(months, 3700);
}

}  // namespace
}  // namespace egov::core::calendar
