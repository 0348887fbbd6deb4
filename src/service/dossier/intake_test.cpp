// Appointments of intake and acceptance at chosen instants: the dossier service on a real
// SQLite database (temporary folder, migrated, the demo world loaded) with a FakeClock that the
// test sets. Expected times are worked out by hand from CONTRACT.md "Deadline rules" with the
// default working hours (07:30–11:30, 13:00–17:00) and the shipped 2026 schedule.
#include "service/dossier/dossiers.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "core/calendar/date.hpp"
#include "core/dossier/states.hpp"
#include "core/testing/fake_clock.hpp"
#include "service/access/auth.hpp"
#include "service/access/directory.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/demo/demo.hpp"
#include "service/security/crypto.hpp"
#include "store/access/users.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace egov::service::dossier {
namespace {

using core::calendar::FormatVietnamInstant;
using core::calendar::ParseIsoInstant;

class IntakeTest : public ::testing::Test {
 protected:
  static std::string MakeDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egov-intake-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }
  static access::AccessSettings CheapHashing() {
    access::AccessSettings settings;
    settings.hashing = {1, 8192};  // the demo's users are created, never logged in
    return settings;
  }

  void SetUp() override {
    security::InitCrypto();
    store::Migrate(db_);
    calendar_.LoadShippedSchedules();
    demo::LoadDemo(db_, directory_, catalog_, clock_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  core::access::Caller CallerOf(const std::string& username) {
    store::Session s(db_);
    auto user = store::access::FindUserByUsername(s, username);
    if (!user) throw std::runtime_error("no demo user " + username);
    return access::CallerFromUser(*user);
  }
  IntakeInput Input(const std::string& procedure_code,
                    core::dossier::Channel channel = core::dossier::Channel::kDirect) {
    IntakeInput input;
    input.procedure_code = procedure_code;
    input.channel = channel;
    input.applicant = {"Nguyễn Thị Ánh Tuyết", "051090001234", "0912345678", "",
                       "Thôn 1, xã Trà Sơn, huyện Trà Bồng"};
    input.components = catalog_.Definition(procedure_code, std::nullopt).components;
    return input;
  }
  // Intake at the counter of `username` at `instant` (ISO 8601).
  DossierView IntakeAt(const std::string& instant, const std::string& procedure_code,
                       const std::string& username = "tiepnhan.traso") {
    clock_.Set(ParseIsoInstant(instant));
    return dossiers_.Intake(CallerOf(username), Input(procedure_code), std::nullopt);
  }
  static std::string Due(const DossierView& v) { return FormatVietnamInstant(*v.dossier.due_at); }
  static std::string StepDue(const DossierView& v) {
    return FormatVietnamInstant(*v.dossier.step_due_at);
  }

  std::string dir_ = MakeDir();
  // Accept nests sessions (the write transaction, the agency's hours, the catalog).
  store::Database db_{"sqlite:" + dir_ + "/egov.db", 4};
  core::testing::FakeClock clock_{ParseIsoInstant("2026-01-05T08:00:00+07:00")};
  access::AccessSettings settings_ = CheapHashing();
  access::Directory directory_{db_, clock_, settings_, {}};
  calendar::CalendarService calendar_{db_, clock_};
  catalog::Catalog catalog_{db_, clock_};
  store::FileStore files_{dir_ + "/files"};
  Dossiers dossiers_{db_, clock_, calendar_, catalog_, files_};
};

// 1.004873 (Cấp Giấy xác nhận tình trạng hôn nhân): 3 working days = 1440 working minutes;
// its first step (reception) has 4 working hours.
TEST_F(IntakeTest, ThreeDaysFromAFridayEveningSkipTheWeekend) {
  // Fri 13/3 16:00: 60 min that day; Mon 16/3 480, Tue 17/3 480; Wed 18/3 the last 420 min:
  // 07:30–11:30 (240) and 13:00–16:00 (180).
  auto v = IntakeAt("2026-03-13T16:00:00+07:00", "1.004873");
  EXPECT_EQ(FormatVietnamInstant(*v.dossier.received_at), "2026-03-13T16:00:00+07:00");
  EXPECT_EQ(Due(v), "2026-03-18T16:00:00+07:00");
  EXPECT_EQ(StepDue(v), "2026-03-16T10:30:00+07:00");  // 60 min Friday, 180 min Monday
  EXPECT_EQ(v.dossier.code, "000.21.99.H48-260313-0001");
}

TEST_F(IntakeTest, TetTwentyTwentySixIsNotCounted) {
  // Fri 13/2 16:59: 1 min; then Sat 14/2 – Sun 22/2 off (weekends and Tết 16/2–20/2);
  // Mon 23/2 480, Tue 24/2 480, Wed 25/2 479: 07:30–11:30 and 13:00–16:59.
  auto v = IntakeAt("2026-02-13T16:59:00+07:00", "1.004873");
  EXPECT_EQ(Due(v), "2026-02-25T16:59:00+07:00");
  EXPECT_EQ(StepDue(v), "2026-02-23T11:29:00+07:00");
  // A same-day procedure received after 15:00 that Friday is due at the close of the next
  // working day, after Tết.
  auto same_day = IntakeAt("2026-02-13T15:30:00+07:00", "1.001193");
  EXPECT_EQ(Due(same_day), "2026-02-23T17:00:00+07:00");
}

TEST_F(IntakeTest, AMakeUpSaturdayIsAWorkingDay) {
  // Sat 10/1/2026 is worked (for Fri 2/1). From 09:00: 150 + 240 = 390 min that day; Mon
  // 12/1 480, Tue 13/1 480; Wed 14/1 the last 90 min: 07:30–09:00.
  auto v = IntakeAt("2026-01-10T09:00:00+07:00", "1.004873");
  EXPECT_EQ(Due(v), "2026-01-14T09:00:00+07:00");
  EXPECT_EQ(Due(IntakeAt("2026-01-10T10:00:00+07:00", "2.000815")), "2026-01-10T17:00:00+07:00");
  // An ordinary Saturday is not: the same-day procedure is due Monday 19/1.
  EXPECT_EQ(Due(IntakeAt("2026-01-17T10:00:00+07:00", "2.000815")), "2026-01-19T17:00:00+07:00");
}

TEST_F(IntakeTest, SameDayByFifteenHundredOrTheNextWorkingDay) {
  EXPECT_EQ(Due(IntakeAt("2026-03-10T15:00:00+07:00", "2.000815")), "2026-03-10T17:00:00+07:00");
  EXPECT_EQ(Due(IntakeAt("2026-03-10T15:01:00+07:00", "2.000815")), "2026-03-11T17:00:00+07:00");
}

TEST_F(IntakeTest, OnlineSubmissionCountsFromItsAcceptance) {
  // Submitted on Saturday night: the code carries that date, no appointment yet.
  clock_.Set(ParseIsoInstant("2026-03-14T21:30:00+07:00"));
  auto input = Input("1.004873", core::dossier::Channel::kOnline);
  input.agency_code = "000.21.99.H48";
  auto submitted = dossiers_.Submit(input, std::nullopt);
  EXPECT_EQ(submitted.dossier.code, "000.21.99.H48-260314-0001");
  EXPECT_FALSE(submitted.dossier.due_at.has_value());
  // Accepted Monday 16/3 at 06:45, before opening: counted from 07:30, three full days.
  clock_.Set(ParseIsoInstant("2026-03-16T06:45:00+07:00"));
  auto accepted = dossiers_.Act(CallerOf("tiepnhan.traso"), submitted.dossier.code,
                                {.action = core::dossier::Action::kAccept});
  EXPECT_EQ(FormatVietnamInstant(*accepted.dossier.received_at), "2026-03-16T06:45:00+07:00");
  EXPECT_EQ(Due(accepted), "2026-03-18T17:00:00+07:00");
  EXPECT_EQ(StepDue(accepted), "2026-03-16T11:30:00+07:00");
}

TEST_F(IntakeTest, TheCodeCarriesTheVietnamDateAcrossMidnight) {
  // 23:59 on Monday 16/3 and 00:00 on Tuesday 17/3 Vietnam time (17:00 UTC on 16/3): two
  // dates, two first numbers; both counted from Tuesday 07:30.
  auto before = IntakeAt("2026-03-16T23:59:00+07:00", "1.004873");
  clock_.Advance(60'000);
  EXPECT_EQ(FormatVietnamInstant(clock_.NowMillis()), "2026-03-17T00:00:00+07:00");
  auto after = dossiers_.Intake(CallerOf("tiepnhan.traso"), Input("1.004873"), std::nullopt);
  EXPECT_EQ(before.dossier.code, "000.21.99.H48-260316-0001");
  EXPECT_EQ(after.dossier.code, "000.21.99.H48-260317-0001");
  EXPECT_EQ(Due(before), "2026-03-19T17:00:00+07:00");
  EXPECT_EQ(Due(after), "2026-03-19T17:00:00+07:00");
}

TEST_F(IntakeTest, ACalendarEditChangesOnlyLaterAppointments) {
  auto earlier = IntakeAt("2026-03-13T16:00:00+07:00", "1.004873");
  // An admin declares Tuesday 17/3 a day off (an emergency closure).
  core::access::Caller admin = CallerOf("quantri.tinh");
  std::vector<calendar::DayInput> days;
  for (const auto& d : calendar_.Holidays(2026).schedule.days) {
    days.push_back({core::calendar::FormatIsoDate(d.date), d.name,
                    std::string(core::calendar::DayKindName(d.kind))});
  }
  days.push_back({"2026-03-17", "Nghỉ đột xuất", "day_off"});
  calendar_.PutHolidays(admin, 2026, std::nullopt, days);
  auto later = IntakeAt("2026-03-13T16:00:01+07:00", "1.004873");
  EXPECT_EQ(Due(earlier), "2026-03-18T16:00:00+07:00");
  EXPECT_EQ(Due(later), "2026-03-19T16:00:00+07:00");  // one working day later
  store::Session s(db_);
  auto stored = store::dossier::FindByCode(s, earlier.dossier.code);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(FormatVietnamInstant(*stored->due_at), "2026-03-18T16:00:00+07:00");
}

}  // namespace
}  // namespace egov::service::dossier
