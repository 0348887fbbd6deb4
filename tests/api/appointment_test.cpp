// Appointments to the minute over real HTTP on both engines, with the real egov started on the
// test clock (`--test-clock-file`) and moved to chosen instants: across a weekend, across
// Tết 2026, on a make-up Saturday, a same-day procedure by and after 15:00, an online
// submission accepted outside working hours, and intakes either side of midnight Vietnam
// time. Expected times are written by hand from CONTRACT.md "Deadline rules" with the default
// working hours (07:30–11:30, 13:00–17:00: 480 working minutes a day) and the shipped 2026
// schedule (data/calendar/2026.json: Tết 16/2–20/2, Saturday 10/1 worked), for real
// procedures of the demo catalog:
//   1.004873 Cấp Giấy xác nhận tình trạng hôn nhân — commune, 3 days, first step 4 hours;
//   1.012789 Cung cấp thông tin, dữ liệu đất đai — district, 10 days, first step 4 hours;
//   1.001193 Đăng ký khai sinh and 2.000815 Chứng thực bản sao — commune, same day.
// Each scenario sets the time, then signs in and acts at once: the clock runs on in real
// time from the instant set, and every instant is chosen at the start of its minute.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_api.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;

constexpr const char* kTraSon = "000.21.99.H48";  // UBND xã Trà Sơn (tiepnhan.traso)

class AppointmentTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto r = RunEgov({"demo", "--no-dossiers", "--db", db_.url()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    server_ = std::make_unique<EgovServer>(db_.url(),
                                           std::vector<std::string>{"--public-rate-limit", "0"},
                                           "2026-02-13T16:59:00+07:00");
    c_ = std::make_unique<HttpClient>(server_->host(), server_->port());
  }

  // Moves the server to `instant`, then signs `user` in (a session of that time).
  Headers At(const std::string& instant, const std::string& user = "tiepnhan.traso") {
    server_->SetTime(instant);
    return SignIn(*c_, user);
  }
  json::object Body(const std::string& procedure_code, const std::string& channel = "direct") {
    json::array components = CatalogComponents(*c_, procedure_code);
    return json::object{
        {"procedure_code", procedure_code},
        {"channel", channel},
        {"applicant", json::object{{"full_name", "Hồ Văn Lực"},
                                   {"id_number", "051090004321"},
                                   {"phone", "0905 123 456"},
                                   {"address", "Thôn Trà Ong, xã Trà Sơn, huyện Trà Bồng"}}},
        {"components", std::move(components)}};
  }
  // Intake at the counter of the signed-in officer; the created dossier.
  json::object Intake(const Headers& who, const std::string& procedure_code) {
    auto r = c_->Post("/api/v1/dossiers", json::serialize(Body(procedure_code)), "application/json",
                      who);
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.json().as_object();
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  static std::string Due(const json::object& d) { return Str(d.at("due_at")); }
  static std::string StepDue(const json::object& d) {
    return Str(d.at("current_step").at("due_at"));
  }
  // "2026-03-13T16:00" of "2026-03-13T16:00:07+07:00": the minute the clock read.
  static std::string Minute(const json::value& v) { return Str(v).substr(0, 16); }

  TestDatabase db_{GetParam()};
  std::unique_ptr<EgovServer> server_;
  std::unique_ptr<HttpClient> c_;
};

INSTANTIATE_TEST_SUITE_P(Engines, AppointmentTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(AppointmentTest, AcrossAWeekend) {
  // Fri 13/3 16:00: 60 min that day; Mon 16/3 480, Tue 17/3 480; Wed 18/3 the last 420:
  // 07:30–11:30 and 13:00–16:00. The first step's 4 hours: 60 min Friday, Monday to 10:30.
  auto d = Intake(At("2026-03-13T16:00:00+07:00"), "1.004873");
  EXPECT_EQ(Str(d.at("code")), "000.21.99.H48-260313-0001");
  EXPECT_EQ(Minute(d.at("received_at")), "2026-03-13T16:00");
  EXPECT_EQ(Due(d), "2026-03-18T16:00:00+07:00");
  EXPECT_EQ(StepDue(d), "2026-03-16T10:30:00+07:00");
  // The dossier read back carries the same recorded times.
  auto again = c_->Get("/api/v1/dossiers/" + Str(d.at("code")), At("2026-03-13T16:01:00+07:00"));
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(Due(again.json().as_object()), "2026-03-18T16:00:00+07:00");
}

TEST_P(AppointmentTest, AcrossTetTwentyTwentySix) {
  // Fri 13/2 16:59, the last working minute before Tết: 1 min; Sat 14/2 – Sun 22/2 are off.
  // 3 days: Mon 23/2 480, Tue 24/2 480, Wed 25/2 479 (to 16:59); first step: 1 + 239 min.
  auto commune = Intake(At("2026-02-13T16:59:00+07:00"), "1.004873");
  EXPECT_EQ(Str(commune.at("code")), "000.21.99.H48-260213-0001");
  EXPECT_EQ(Due(commune), "2026-02-25T16:59:00+07:00");
  EXPECT_EQ(StepDue(commune), "2026-02-23T11:29:00+07:00");
  // 10 days at the district's one-stop shop: 1 min, then 9 full days (23/2–27/2, 2/3–5/3)
  // and 479 min of Fri 6/3.
  auto district = Intake(At("2026-02-13T16:59:00+07:00", "tiepnhan"), "1.012789");
  EXPECT_EQ(Str(district.at("code")), "000.01.99.H48-260213-0001");
  EXPECT_EQ(Due(district), "2026-03-06T16:59:00+07:00");
  EXPECT_EQ(StepDue(district), "2026-02-23T11:29:00+07:00");
  // Same day, received after 15:00 on the Friday before Tết: the first working day after.
  auto birth = Intake(At("2026-02-13T15:30:00+07:00"), "1.001193");
  EXPECT_EQ(Due(birth), "2026-02-23T17:00:00+07:00");
}

TEST_P(AppointmentTest, OnAMakeUpSaturday) {
  // Sat 10/1/2026 is worked (for Fri 2/1). From 09:00: 150 + 240 = 390 min; Mon 12/1 480,
  // Tue 13/1 480; Wed 14/1 the last 90: 07:30–09:00.
  auto d = Intake(At("2026-01-10T09:00:00+07:00"), "1.004873");
  EXPECT_EQ(Str(d.at("code")), "000.21.99.H48-260110-0001");
  EXPECT_EQ(Due(d), "2026-01-14T09:00:00+07:00");
  EXPECT_EQ(StepDue(d), "2026-01-10T14:30:00+07:00");  // 150 min to 11:30, 90 from 13:00
  EXPECT_EQ(Due(Intake(At("2026-01-10T10:00:00+07:00"), "2.000815")), "2026-01-10T17:00:00+07:00");
  // An ordinary Saturday is not worked: due at the close of Monday 19/1.
  EXPECT_EQ(Due(Intake(At("2026-01-17T10:00:00+07:00"), "2.000815")), "2026-01-19T17:00:00+07:00");
}

TEST_P(AppointmentTest, SameDayByFifteenHundredElseTheNextWorkingDay) {
  EXPECT_EQ(Due(Intake(At("2026-03-10T15:00:00+07:00"), "2.000815")), "2026-03-10T17:00:00+07:00");
  EXPECT_EQ(Due(Intake(At("2026-03-10T15:01:00+07:00"), "2.000815")), "2026-03-11T17:00:00+07:00");
  // Friday after 15:00: Monday.
  EXPECT_EQ(Due(Intake(At("2026-03-13T15:01:00+07:00"), "2.000815")), "2026-03-16T17:00:00+07:00");
}

TEST_P(AppointmentTest, OnlineSubmissionOutsideWorkingHoursCountsFromAcceptance) {
  // Submitted on Saturday night: the code carries that date; no appointment until accepted.
  server_->SetTime("2026-03-14T21:30:00+07:00");
  auto body = Body("1.004873", "online");
  body["agency_code"] = kTraSon;
  auto submitted = c_->Post("/api/v1/public/submissions", json::serialize(body));
  ASSERT_EQ(submitted.status, 201u) << submitted.body;
  const std::string code = Str(submitted.json().at("code"));
  EXPECT_EQ(code, "000.21.99.H48-260314-0001");
  EXPECT_TRUE(c_->Get("/api/v1/public/dossiers/" + code).json().at("due_at").is_null());
  // Accepted on Monday 16/3 at 06:45, before opening: counted from 07:30, three full days
  // (a total that ends at a period's end stays there: 17:00).
  auto who = At("2026-03-16T06:45:00+07:00");
  auto accepted =
      c_->Post("/api/v1/dossiers/" + code + "/actions",
               json::serialize(json::object{{"action", "accept"}}), "application/json", who);
  ASSERT_EQ(accepted.status, 200u) << accepted.body;
  auto d = accepted.json().as_object();
  EXPECT_EQ(Minute(d.at("received_at")), "2026-03-16T06:45");
  EXPECT_EQ(Due(d), "2026-03-18T17:00:00+07:00");
  EXPECT_EQ(StepDue(d), "2026-03-16T11:30:00+07:00");
  auto lookup = c_->Get("/api/v1/public/dossiers/" + code).json();
  EXPECT_EQ(Str(lookup.at("due_at")), "2026-03-18T17:00:00+07:00");
}

TEST_P(AppointmentTest, AcrossMidnightVietnamTime) {
  // 23:59 on Monday 16/3 is 16:59 UTC; 00:00 on Tuesday 17/3 is 17:00 UTC on 16/3. The code's
  // YYMMDD is the Vietnam date, numbered from 0001 each day; both count from Tue 07:30, three
  // full days to Thu 19/3 17:00.
  auto who = At("2026-03-16T23:59:00+07:00");
  auto before = Intake(who, "1.004873");
  server_->SetTime("2026-03-17T00:00:00+07:00");
  auto after = Intake(who, "1.004873");
  EXPECT_EQ(Str(before.at("code")), "000.21.99.H48-260316-0001");
  EXPECT_EQ(Str(after.at("code")), "000.21.99.H48-260317-0001");
  EXPECT_EQ(Minute(after.at("received_at")), "2026-03-17T00:00");
  EXPECT_EQ(Due(before), "2026-03-19T17:00:00+07:00");
  EXPECT_EQ(Due(after), "2026-03-19T17:00:00+07:00");
  // The list's date filter is in Vietnam time too.
  auto listed = c_->Get("/api/v1/dossiers?received_from=2026-03-17&received_to=2026-03-17", who);
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_EQ(listed.json().at("total"), 1);
  EXPECT_EQ(Str(listed.json().at("items").at(0).at("code")), "000.21.99.H48-260317-0001");
}

TEST_P(AppointmentTest, AnAgencysHoursAreCheckedAsTheCalendarReadsThemAndUsedAtIntake) {
  auto admin = At("2026-03-10T17:15:00+07:00", "quantri");
  auto agency = [](const std::string& hours) {
    return json::serialize(json::object{{"code", "000.40.99.H48"},
                                        {"name", "UBND xã Thử Nghiệm"},
                                        {"parent_code", "000.00.99.H48"},
                                        {"kind", "commune"},
                                        {"working_hours", hours}});
  };
  // Forms a looser parser once let through, each refused before anything is written.
  for (const char* bad : {" 7:30-11:30", "+7:30-11:30", "7:30-11:30", "07:30-11:30,",
                          "07:30-11:30, 13:00-17:00", "13:00-17:00,07:30-11:30"}) {
    auto r = c_->Post("/api/v1/agencies", agency(bad), "application/json", admin);
    EXPECT_EQ(r.status, 422u) << bad << " " << r.body;
    EXPECT_EQ(Str(r.json().at("error").at("code")), "validation_failed") << bad;
    EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("working_hours")) << r.body;
  }
  EXPECT_EQ(c_->Get("/api/v1/agencies", admin).body.find("000.40.99.H48"), std::string::npos);
  auto patch = c_->Send(boost::beast::http::verb::patch, "/api/v1/agencies/000.21.99.H48",
                        R"({"working_hours":"+7:30-11:30"})",
                        {{"Content-Type", "application/json"},
                         {"Cookie", admin["Cookie"]},
                         {"X-CSRF-Token", admin["X-CSRF-Token"]}});
  EXPECT_EQ(patch.status, 422u) << patch.body;

  // Hours that are accepted are the ones intake counts with.
  auto created =
      c_->Post("/api/v1/agencies", agency("08:00-12:00,13:30-17:30"), "application/json", admin);
  ASSERT_EQ(created.status, 201u) << created.body;
  auto user = c_->Post("/api/v1/users",
                       json::serialize(json::object{{"username", "tiepnhan.thunghiem"},
                                                    {"full_name", "Công chức Một cửa thử nghiệm"},
                                                    {"password", "Mật khẩu thử nghiệm 2026"},
                                                    {"agency_code", "000.40.99.H48"},
                                                    {"roles", json::array{"reception"}}}),
                       "application/json", admin);
  ASSERT_EQ(user.status, 201u) << user.body;
  server_->SetTime("2026-03-10T17:15:00+07:00");
  auto login = c_->Post("/api/v1/auth/login",
                        json::serialize(json::object{{"username", "tiepnhan.thunghiem"},
                                                     {"password", "Mật khẩu thử nghiệm 2026"}}));
  ASSERT_EQ(login.status, 200u) << login.body;
  std::string cookie = login.header("set-cookie");
  Headers reception{{"Cookie", cookie.substr(0, cookie.find(';'))},
                    {"X-CSRF-Token", Str(login.json().at("csrf_token"))}};
  // Tue 17:15 is inside 13:30–17:30: 15 min; Wed 11/3 480, Thu 12/3 480; Fri 13/3 the last
  // 465: 08:00–12:00 and 13:30–17:15. (With the default hours it would be Fri 17:00.)
  auto d = Intake(reception, "1.004873");
  EXPECT_EQ(Str(d.at("code")), "000.40.99.H48-260310-0001");
  EXPECT_EQ(Due(d), "2026-03-13T17:15:00+07:00");
  EXPECT_EQ(StepDue(d), "2026-03-11T11:45:00+07:00");  // 15 min Tuesday, 225 from 08:00
}

}  // namespace
}  // namespace egov::testing
