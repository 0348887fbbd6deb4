// Statutory holiday rules and validation of official schedules.
#include "core/calendar/holidays.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/error.hpp"

namespace egov::core::calendar {
namespace {

// date → kind name, for compact expectations.
std::map<std::string, std::string> Kinds(const YearSchedule& schedule) {
  std::map<std::string, std::string> out;
  for (const ScheduledDay& d : schedule.days) {
    out[FormatIsoDate(d.date)] = std::string(DayKindName(d.kind));
  }
  return out;
}

TEST(HolidaysTest, DayKindNames) {
  for (DayKind kind :
       {DayKind::kHoliday, DayKind::kCompensatory, DayKind::kDayOff, DayKind::kWorkingDay}) {
    EXPECT_EQ(ParseDayKind(DayKindName(kind)), kind);
  }
  EXPECT_EQ(DayKindName(DayKind::kWorkingDay), "working_day");
  EXPECT_FALSE(ParseDayKind("Holiday").has_value());
  EXPECT_FALSE(ParseDayKind("").has_value());
}

// 2026 by the rules alone: what the official schedule also has, minus the swaps.
TEST(HolidaysTest, Statutory2026) {
  const std::map<std::string, std::string> expected = {
      {"2026-01-01", "holiday"}, {"2026-02-16", "holiday"},      {"2026-02-17", "holiday"},
      {"2026-02-18", "holiday"}, {"2026-02-19", "holiday"},      {"2026-02-20", "holiday"},
      {"2026-04-26", "holiday"}, {"2026-04-27", "compensatory"}, {"2026-04-30", "holiday"},
      {"2026-05-01", "holiday"}, {"2026-09-01", "holiday"},      {"2026-09-02", "holiday"},
  };
  const YearSchedule s = StatutorySchedule(2026);
  EXPECT_EQ(Kinds(s), expected);
  EXPECT_EQ(s.days[1].name, "Tết Nguyên đán (29 tháng Chạp)");
  EXPECT_EQ(s.days[2].name, "Tết Nguyên đán (mùng 1)");
  EXPECT_EQ(s.days[7].name, "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)");
  EXPECT_FALSE(s.source.empty());
}

// Tết on a weekend: compensatory days follow the five-day block (Art. 111(3)).
TEST(HolidaysTest, CompensatoryDaysFollowTheBlock) {
  const std::map<std::string, std::string> expected = {
      {"2024-01-01", "holiday"},      {"2024-02-09", "holiday"},      {"2024-02-10", "holiday"},
      {"2024-02-11", "holiday"},      {"2024-02-12", "holiday"},      {"2024-02-13", "holiday"},
      {"2024-02-14", "compensatory"}, {"2024-02-15", "compensatory"}, {"2024-04-18", "holiday"},
      {"2024-04-30", "holiday"},      {"2024-05-01", "holiday"},      {"2024-09-02", "holiday"},
      {"2024-09-03", "holiday"},  // 1/9 is a Sunday: the adjacent day is 3/9
  };
  EXPECT_EQ(Kinds(StatutorySchedule(2024)), expected);
  // 2023: 1/1 on Sunday; Giỗ Tổ Sat 29/4 and 30/4 Sun → 2/5, 3/5; 2/9 Saturday → 4/9.
  const auto k2023 = Kinds(StatutorySchedule(2023));
  EXPECT_EQ(k2023.at("2023-01-02"), "compensatory");
  EXPECT_EQ(k2023.at("2023-05-02"), "compensatory");
  EXPECT_EQ(k2023.at("2023-05-03"), "compensatory");
  EXPECT_EQ(k2023.at("2023-09-01"), "holiday");
  EXPECT_EQ(k2023.at("2023-09-04"), "compensatory");
}

TEST(HolidaysTest, NationalDayIsOneDayBefore2021) {
  const auto k2020 = Kinds(StatutorySchedule(2020));
  EXPECT_EQ(k2020.count("2020-09-01"), 0u);
  EXPECT_EQ(k2020.count("2020-09-03"), 0u);
  EXPECT_EQ(k2020.at("2020-09-02"), "holiday");
  EXPECT_EQ(StatutorySchedule(2020).days.size(), 12u);  // 10 holidays + 2 compensatory
  const auto k2021 = Kinds(StatutorySchedule(2021));
  EXPECT_EQ(k2021.at("2021-09-01"), "holiday");
  EXPECT_EQ(k2021.at("2021-09-02"), "holiday");
}

// Every year: 10 or 11 holidays, every holiday on a distinct date, each weekend holiday
// matched by one compensatory weekday.
TEST(HolidaysTest, EveryYearIsConsistent) {
  for (int year = kMinYear; year <= kMaxYear; ++year) {
    const YearSchedule s = StatutorySchedule(year);
    int holidays = 0;
    int owed = 0;
    int compensatory = 0;
    for (std::size_t i = 0; i < s.days.size(); ++i) {
      const ScheduledDay& d = s.days[i];
      ASSERT_EQ(d.date.year, year);
      if (i > 0) {
        ASSERT_LT(s.days[i - 1].date, d.date) << year;
      }
      if (d.kind == DayKind::kHoliday) {
        ++holidays;
        if (IsWeekend(d.date)) ++owed;
        if (d.name.find(" và ") != std::string::npos) {  // two holidays on one date
          ++holidays;
          ++owed;
        }
      } else {
        ASSERT_EQ(d.kind, DayKind::kCompensatory);
        ASSERT_FALSE(IsWeekend(d.date));
        ++compensatory;
      }
    }
    ASSERT_EQ(holidays, year >= 2021 ? 11 : 10) << year;
    ASSERT_EQ(compensatory, owed) << year;
    ASSERT_NO_THROW(ValidateYearSchedule(s)) << year;
  }
  // 1947: Giỗ Tổ fell on 30/4 (a Wednesday); one entry, one extra day off on 2/5.
  const auto k1947 = Kinds(StatutorySchedule(1947));
  EXPECT_EQ(k1947.at("1947-04-30"), "holiday");
  EXPECT_EQ(k1947.at("1947-05-02"), "compensatory");
  EXPECT_THROW(StatutorySchedule(1899), Error);
  EXPECT_THROW(StatutorySchedule(2200), Error);
}

YearSchedule Official2026() {
  return YearSchedule{2026,
                      "Thông báo VPCP 13/10/2025",
                      {{{2026, 1, 10}, "Làm bù cho thứ Sáu 2/1", DayKind::kWorkingDay},
                       {{2026, 1, 1}, "Tết Dương lịch", DayKind::kHoliday},
                       {{2026, 1, 2}, "Nghỉ hoán đổi", DayKind::kDayOff}}};
}

TEST(HolidaysTest, ValidateSortsAndAccepts) {
  const YearSchedule s = ValidateYearSchedule(Official2026());
  ASSERT_EQ(s.days.size(), 3u);
  EXPECT_EQ(s.days[0].date, (Date{2026, 1, 1}));
  EXPECT_EQ(s.days[2].date, (Date{2026, 1, 10}));
}

TEST(HolidaysTest, ValidateRejectsBadSchedules) {
  const auto expect_error = [](YearSchedule s, const std::string& message) {
    try {
      ValidateYearSchedule(std::move(s));
      ADD_FAILURE() << "accepted: " << message;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
      EXPECT_EQ(e.message(), message);
    }
  };
  YearSchedule s = Official2026();
  s.days[0].kind = DayKind::kWorkingDay;
  s.days[0].date = {2026, 1, 9};  // a Friday
  expect_error(s, "Ngày làm bù 9/1/2026 phải là thứ Bảy hoặc Chủ nhật");
  s = Official2026();
  s.days[2].kind = DayKind::kCompensatory;
  s.days[2].date = {2026, 1, 3};  // a Saturday
  expect_error(s, "Ngày nghỉ bù/hoán đổi 3/1/2026 phải là ngày từ thứ Hai đến thứ Sáu");
  s = Official2026();
  s.days[1].date = {2026, 2, 30};
  expect_error(s, "Ngày không hợp lệ: 30/2/2026");
  s = Official2026();
  s.days[1].date = {2025, 1, 1};
  expect_error(s, "Ngày 1/1/2025 không thuộc năm 2026");
  s = Official2026();
  s.days[2].date = {2026, 1, 1};
  expect_error(s, "Ngày 1/1/2026 xuất hiện hai lần");
  s = Official2026();
  s.days[1].name.clear();
  expect_error(s, "Ngày 1/1/2026 thiếu tên");
  s = Official2026();
  s.source.clear();
  expect_error(s, "Lịch nghỉ năm 2026 thiếu nguồn (văn bản quyết định)");
  s = Official2026();
  s.year = 2300;
  expect_error(s, "Năm không hợp lệ: 2300 (chỉ hỗ trợ năm 1900–2199)");
}

TEST(HolidaysTest, WorkingDayUnderEntry) {
  const ScheduledDay make_up{{2026, 1, 10}, "Làm bù", DayKind::kWorkingDay};
  const ScheduledDay holiday{{2026, 4, 26}, "Giỗ Tổ", DayKind::kHoliday};
  EXPECT_TRUE(IsWorkingDayUnder({2026, 1, 10}, &make_up));
  EXPECT_FALSE(IsWorkingDayUnder({2026, 1, 10}, nullptr));
  EXPECT_FALSE(IsWorkingDayUnder({2026, 4, 26}, &holiday));
  EXPECT_TRUE(IsWorkingDayUnder({2026, 1, 9}, nullptr));
}

}  // namespace
}  // namespace egov::core::calendar
