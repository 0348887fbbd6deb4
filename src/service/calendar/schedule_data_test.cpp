// Parsing of year-schedule JSON and the shipped official schedules (data/calendar).
#include "service/calendar/schedule_data.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/error.hpp"

namespace egov::service::calendar {
namespace {

namespace cal = core::calendar;

std::map<std::string, std::string> Kinds(const cal::YearSchedule& schedule) {
  std::map<std::string, std::string> out;
  for (const cal::ScheduledDay& d : schedule.days) {
    out[cal::FormatIsoDate(d.date)] = std::string(cal::DayKindName(d.kind));
  }
  return out;
}

TEST(ScheduleDataTest, ParsesAValidDocument) {
  const cal::YearSchedule s = ParseYearSchedule(R"({
    "year": 2026, "source": "Công văn VPCP 25/12/2025", "note": "ignored",
    "days": [
      {"date": "2026-01-10", "name": "Làm bù", "kind": "working_day"},
      {"date": "2026-01-01", "name": "Tết Dương lịch", "kind": "holiday"}
    ]})");
  EXPECT_EQ(s.year, 2026);
  EXPECT_EQ(s.source, "Công văn VPCP 25/12/2025");
  ASSERT_EQ(s.days.size(), 2u);
  EXPECT_EQ(s.days[0].date, (cal::Date{2026, 1, 1}));  // sorted
  EXPECT_EQ(s.days[0].name, "Tết Dương lịch");
  EXPECT_EQ(s.days[1].kind, cal::DayKind::kWorkingDay);
}

TEST(ScheduleDataTest, RejectsMalformedDocuments) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "Lịch nghỉ không hợp lệ: JSON sai cú pháp"},
      {"{", "Lịch nghỉ không hợp lệ: JSON sai cú pháp"},
      {"[]", "Lịch nghỉ không hợp lệ: tài liệu phải là một đối tượng JSON"},
      {R"({"source":"x","days":[]})", "Lịch nghỉ không hợp lệ: thiếu trường \"year\""},
      {R"({"year":"2026","source":"x","days":[]})",
       "Lịch nghỉ không hợp lệ: trường \"year\" phải là số nguyên từ 1900 đến 2199"},
      {R"({"year":2026.5,"source":"x","days":[]})",
       "Lịch nghỉ không hợp lệ: trường \"year\" phải là số nguyên từ 1900 đến 2199"},
      {R"({"year":1800,"source":"x","days":[]})",
       "Lịch nghỉ không hợp lệ: trường \"year\" phải là số nguyên từ 1900 đến 2199"},
      {R"({"year":2026,"days":[]})", "Lịch nghỉ không hợp lệ: thiếu trường \"source\""},
      {R"({"year":2026,"source":7,"days":[]})",
       "Lịch nghỉ không hợp lệ: trường \"source\" phải là chuỗi"},
      {R"({"year":2026,"source":"x","days":{}})",
       "Lịch nghỉ không hợp lệ: trường \"days\" phải là mảng"},
      {R"({"year":2026,"source":"x","days":[1]})",
       "Lịch nghỉ không hợp lệ: days[0]: phải là một đối tượng"},
      {R"({"year":2026,"source":"x","days":[{"name":"a","kind":"holiday"}]})",
       "Lịch nghỉ không hợp lệ: days[0]: thiếu trường \"date\""},
      {R"({"year":2026,"source":"x","days":[{"date":"2026-02-30","name":"a","kind":"holiday"}]})",
       "Lịch nghỉ không hợp lệ: days[0]: Ngày không hợp lệ: 30/2/2026"},
      {R"({"year":2026,"source":"x","days":[{"date":"2026-01-01","name":"a","kind":"off"}]})",
       "Lịch nghỉ không hợp lệ: days[0]: loại ngày \"off\" không hợp lệ (holiday, "
       "compensatory, day_off, working_day)"},
      {R"({"year":2026,"source":"x","days":[{"date":"2026-01-09","name":"a","kind":"working_day"}]})",
       "Ngày làm bù 9/1/2026 phải là thứ Bảy hoặc Chủ nhật"},
      {R"({"year":2026,"source":"","days":[]})",
       "Lịch nghỉ năm 2026 thiếu nguồn (văn bản quyết định)"},
  };
  for (const auto& [text, message] : cases) {
    try {
      ParseYearSchedule(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kValidationFailed) << text;
      EXPECT_EQ(e.message(), message) << text;
    }
  }
  // Invalid UTF-8 or enormous input never crashes.
  EXPECT_THROW(ParseYearSchedule("\xff\xfe"), Error);
  EXPECT_THROW(ParseYearSchedule(std::string(100'000, '[')), Error);
}

TEST(ScheduleDataTest, ShipsTheOfficialYears) {
  const std::vector<cal::YearSchedule> shipped = ShippedSchedules();
  ASSERT_EQ(shipped.size(), 4u);
  EXPECT_EQ(shipped[0].year, 2020);
  EXPECT_EQ(shipped[1].year, 2024);
  EXPECT_EQ(shipped[2].year, 2025);
  EXPECT_EQ(shipped[3].year, 2026);
  for (const cal::YearSchedule& s : shipped) EXPECT_FALSE(s.source.empty()) << s.year;
  EXPECT_FALSE(ShippedSchedule(2023).has_value());
  ASSERT_TRUE(ShippedSchedule(2026).has_value());
}

// DOMAIN.md §3, exactly: 2026 and 2025.
TEST(ScheduleDataTest, Schedule2026MatchesDomain) {
  const std::map<std::string, std::string> expected = {
      {"2026-01-01", "holiday"},      {"2026-01-02", "day_off"}, {"2026-01-10", "working_day"},
      {"2026-02-16", "holiday"},      {"2026-02-17", "holiday"}, {"2026-02-18", "holiday"},
      {"2026-02-19", "holiday"},      {"2026-02-20", "holiday"}, {"2026-04-26", "holiday"},
      {"2026-04-27", "compensatory"}, {"2026-04-30", "holiday"}, {"2026-05-01", "holiday"},
      {"2026-08-22", "working_day"},  {"2026-08-31", "day_off"}, {"2026-09-01", "holiday"},
      {"2026-09-02", "holiday"},
  };
  EXPECT_EQ(Kinds(*ShippedSchedule(2026)), expected);
}

TEST(ScheduleDataTest, Schedule2025MatchesDomain) {
  const std::map<std::string, std::string> expected = {
      {"2025-01-01", "holiday"}, {"2025-01-27", "holiday"},     {"2025-01-28", "holiday"},
      {"2025-01-29", "holiday"}, {"2025-01-30", "holiday"},     {"2025-01-31", "holiday"},
      {"2025-04-07", "holiday"}, {"2025-04-26", "working_day"}, {"2025-04-30", "holiday"},
      {"2025-05-01", "holiday"}, {"2025-05-02", "day_off"},     {"2025-09-01", "holiday"},
      {"2025-09-02", "holiday"},
  };
  EXPECT_EQ(Kinds(*ShippedSchedule(2025)), expected);
}

// The breaks of DOMAIN.md §3 as runs of consecutive days off in the shipped calendar.
TEST(ScheduleDataTest, BreaksOfDomainAreDaysOff) {
  const cal::WorkingCalendar calendar = ShippedCalendar();
  const auto off_from_to = [&](cal::Date first, cal::Date last) {
    EXPECT_TRUE(calendar.IsWorkingDay(cal::AddDays(first, -1))) << cal::FormatIsoDate(first);
    for (cal::Date d = first; d <= last; d = cal::AddDays(d, 1)) {
      EXPECT_FALSE(calendar.IsWorkingDay(d)) << cal::FormatIsoDate(d);
    }
    EXPECT_TRUE(calendar.IsWorkingDay(cal::AddDays(last, 1))) << cal::FormatIsoDate(last);
  };
  off_from_to({2026, 1, 1}, {2026, 1, 4});
  off_from_to({2026, 2, 14}, {2026, 2, 22});
  off_from_to({2026, 4, 25}, {2026, 4, 27});
  off_from_to({2026, 4, 30}, {2026, 5, 3});
  off_from_to({2026, 8, 29}, {2026, 9, 2});
  off_from_to({2025, 1, 25}, {2025, 2, 2});
  off_from_to({2025, 4, 30}, {2025, 5, 4});
  off_from_to({2025, 8, 30}, {2025, 9, 2});
  off_from_to({2020, 1, 23}, {2020, 1, 29});
  off_from_to({2024, 4, 27}, {2024, 5, 1});
  EXPECT_TRUE(calendar.IsWorkingDay({2026, 1, 10}));
  EXPECT_TRUE(calendar.IsWorkingDay({2026, 8, 22}));
  EXPECT_TRUE(calendar.IsWorkingDay({2025, 4, 26}));
  EXPECT_TRUE(calendar.IsWorkingDay({2024, 5, 4}));
}

TEST(ScheduleDataTest, ScheduleInForcePrefersOfficial) {
  const std::vector<cal::YearSchedule> shipped = ShippedSchedules();
  EXPECT_EQ(ScheduleInForce(2026, shipped).source, ShippedSchedule(2026)->source);
  EXPECT_EQ(ScheduleInForce(2027, shipped).days, cal::StatutorySchedule(2027).days);
  EXPECT_THROW(ScheduleInForce(2200, shipped), Error);
}

}  // namespace
}  // namespace egov::service::calendar
