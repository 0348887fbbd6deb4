// Reminders' decisions on the 2026 calendar: working time only (a weekend, Tết, the lunch
// break, the closing minute), the share of an allotment to the minute, the horizon, and the
// texts.
#include "core/reminders/reminders.hpp"

#include <gtest/gtest.h>

#include "core/calendar/date.hpp"
#include "core/testing/calendar_2026.hpp"

namespace egov::core::reminders {
namespace {

using calendar::ParseIsoInstant;
const calendar::WorkingCalendar& Cal() { return testing::Calendar2026(); }
std::int64_t At(const char* iso) { return ParseIsoInstant(iso); }

TEST(RemindersTest, NamesRoundTrip) {
  for (auto k : {Kind::kStepDueSoon, Kind::kStepOverdue, Kind::kDossierOverdue,
                 Kind::kDocumentDueSoon, Kind::kDocumentOverdue}) {
    EXPECT_EQ(ParseKind(Name(k)), k);
  }
  EXPECT_EQ(ParseKind("Step_due_soon"), std::nullopt);
  EXPECT_TRUE(IsSharePercent(80));
  EXPECT_FALSE(IsSharePercent(0));
  EXPECT_FALSE(IsSharePercent(100));
}

TEST(RemindersTest, WorkingTimeOnlyAcrossAWeekendTetAndTheLunchBreak) {
  EXPECT_TRUE(InWorkingTime(Cal(), At("2026-02-13T16:59:00+07:00")));   // Friday before Tết
  EXPECT_FALSE(InWorkingTime(Cal(), At("2026-02-13T17:00:00+07:00")));  // closing: out
  EXPECT_FALSE(InWorkingTime(Cal(), At("2026-02-17T09:00:00+07:00")));  // Tết (Tuesday)
  EXPECT_FALSE(InWorkingTime(Cal(), At("2026-02-20T10:00:00+07:00")));  // Tết (Friday)
  EXPECT_FALSE(InWorkingTime(Cal(), At("2026-02-23T07:29:00+07:00")));  // before opening
  EXPECT_TRUE(InWorkingTime(Cal(), At("2026-02-23T07:30:00+07:00")));   // back to work
  EXPECT_FALSE(InWorkingTime(Cal(), At("2026-03-14T10:00:00+07:00")));  // Saturday
  EXPECT_FALSE(InWorkingTime(Cal(), At("2026-03-16T12:00:00+07:00")));  // lunch
  EXPECT_TRUE(InWorkingTime(Cal(), At("2026-03-16T13:00:00+07:00")));
  // An agency's own hours.
  const auto early = Cal().WithHours(calendar::ParseWorkingHours("07:00-11:00,13:30-17:30"));
  EXPECT_TRUE(InWorkingTime(early, At("2026-03-16T17:15:00+07:00")));
  EXPECT_FALSE(InWorkingTime(Cal(), At("2026-03-16T17:15:00+07:00")));
}

TEST(RemindersTest, DueSoonAtTheShareToTheMinute) {
  // A 64-hour step forwarded Mon 2/2 09:00, due Thu 12/2 09:00: 20 % is 768 minutes, left at
  // Tue 10/2 13:42 (90 on Thursday, 480 on Wednesday, 198 before 17:00 on Tuesday).
  const auto due = At("2026-02-12T09:00:00+07:00");
  EXPECT_FALSE(IsDueSoon(Cal(), At("2026-02-10T13:41:00+07:00"), due, 64 * 60, 80));
  EXPECT_TRUE(IsDueSoon(Cal(), At("2026-02-10T13:42:00+07:00"), due, 64 * 60, 80));
  EXPECT_TRUE(IsDueSoon(Cal(), At("2026-02-12T08:59:00+07:00"), due, 64 * 60, 80));
  EXPECT_FALSE(IsDueSoon(Cal(), due, due, 64 * 60, 80));  // due: overdue, not soon
  // At 50 %: 1,920 minutes left from Fri 6/2 09:00 (90 + 3 × 480 + 390 from Friday 09:00).
  EXPECT_FALSE(IsDueSoon(Cal(), At("2026-02-06T08:59:00+07:00"), due, 64 * 60, 50));
  EXPECT_TRUE(IsDueSoon(Cal(), At("2026-02-06T09:00:00+07:00"), due, 64 * 60, 50));
  EXPECT_FALSE(IsDueSoon(Cal(), At("2026-02-11T09:00:00+07:00"), due, 0, 80));  // no allotment
  // Across Tết: 4 hours from Fri 13/2 16:00 end Mon 23/2 10:30; 48 minutes left from 09:42,
  // and none of Tết's days counts.
  const auto after_tet = At("2026-02-23T10:30:00+07:00");
  EXPECT_FALSE(IsDueSoon(Cal(), At("2026-02-18T10:00:00+07:00"), after_tet, 240, 80));
  EXPECT_FALSE(IsDueSoon(Cal(), At("2026-02-23T09:41:00+07:00"), after_tet, 240, 80));
  EXPECT_TRUE(IsDueSoon(Cal(), At("2026-02-23T09:42:00+07:00"), after_tet, 240, 80));
}

TEST(RemindersTest, OverdueFromTheMinuteAfterTheDueMinute) {
  const auto due = At("2026-02-12T09:00:00+07:00");
  EXPECT_FALSE(IsOverdue(due, due));
  EXPECT_FALSE(IsOverdue(due + 59'999, due));
  EXPECT_TRUE(IsOverdue(due + 60'000, due));
}

TEST(RemindersTest, DeadlineDaysEndAtClosingAndAllotmentsCountWorkingMinutes) {
  EXPECT_EQ(EndOfDay(Cal(), {2026, 3, 16}), At("2026-03-16T17:00:00+07:00"));
  const auto own = Cal().WithHours(calendar::ParseWorkingHours("07:00-11:00,13:30-17:30"));
  EXPECT_EQ(EndOfDay(own, {2026, 3, 16}), At("2026-03-16T17:30:00+07:00"));
  // Directed Thu 12/3 10:00 with the deadline Mon 16/3: 330 + 480 + 480 minutes.
  EXPECT_EQ(WorkingMinutes(Cal(), At("2026-03-12T10:00:00+07:00"), At("2026-03-16T17:00:00+07:00")),
            1290);
}

TEST(RemindersTest, TheHorizonCoversTheLongestAllotmentsShare) {
  // 20 % of 90 days = 18 working days from Mon 2/3 08:00: Thu 26/3 08:00, plus a minute.
  EXPECT_EQ(DueSoonHorizon(Cal(), At("2026-03-02T08:00:00+07:00"), 80, 90),
            At("2026-03-26T08:01:00+07:00"));
}

TEST(RemindersTest, TextsNameTheDossierItsStepAndTheTime) {
  const auto n = Compose({Kind::kStepDueSoon, "000.02.99.H48-260202-0001",
                          "Cung cấp thông tin, dữ liệu đất đai", "Thẩm định hồ sơ, trình duyệt",
                          At("2026-02-12T09:00:00+07:00"), "/can-bo/ho-so/x"});
  EXPECT_EQ(n.title, "Sắp đến hạn xử lý hồ sơ 000.02.99.H48-260202-0001");
  EXPECT_EQ(n.body,
            "Bước “Thẩm định hồ sơ, trình duyệt” của hồ sơ 000.02.99.H48-260202-0001 (Cung cấp "
            "thông tin, dữ liệu đất đai) đến hạn lúc 09:00 ngày 12/02/2026. Đề nghị hoàn thành "
            "trước thời hạn.");
  const auto d = Compose({Kind::kDocumentOverdue, "45/UBND-VP", "V/v báo cáo tình hình", "",
                          At("2026-03-16T17:00:00+07:00"), "/can-bo/van-ban/3"});
  EXPECT_EQ(d.title, "Văn bản 45/UBND-VP đã quá hạn xử lý");
  EXPECT_EQ(d.body,
            "Văn bản 45/UBND-VP “V/v báo cáo tình hình” đã quá hạn xử lý từ 17:00 ngày "
            "16/03/2026. Đề nghị đôn đốc xử lý.");
  EXPECT_EQ(ComposeDigest(Kind::kStepOverdue, 12).title, "12 hồ sơ quá hạn bước xử lý");
}

TEST(RemindersTest, OneMailCarriesAScansNotices) {
  const auto one =
      ComposeMail({{"Hồ sơ X đã quá hạn", "Nội dung.", "https://egov.vn/can-bo/ho-so/X"}});
  EXPECT_EQ(one.subject, "Hồ sơ X đã quá hạn");
  EXPECT_EQ(one.body,
            "Kính gửi anh/chị,\n\n- Hồ sơ X đã quá hạn\n  Nội dung.\n  "
            "https://egov.vn/can-bo/ho-so/X\n\nThư này do hệ thống Egov gửi tự động; các thông "
            "báo cũng có trong mục Thông báo của phần mềm.\n");
  const auto two = ComposeMail({{"A", "a", ""}, {"B", "b", ""}});
  EXPECT_EQ(two.subject, "Egov: 2 thông báo nhắc việc");
  EXPECT_NE(two.body.find("- A\n  a\n- B\n  b\n"), std::string::npos);
}

}  // namespace
}  // namespace egov::core::reminders
