// The working-day calendar on both engines: the shipped schedules loaded once and never over
// an admin's edit; the service's shared calendar following edits (in this process at once,
// in another within a second); and over real HTTP and the real command line: reading a
// year, an admin's edit changing deadlines computed afterwards, a non-admin refused, bad
// input refused (each changing nothing), the audit chain intact.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/json.hpp>
#include <thread>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/testing/fake_clock.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/security/crypto.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
namespace cal = core::calendar;
using verb = boost::beast::http::verb;
using service::calendar::CalendarService;
using service::calendar::DayInput;

constexpr const char* kProvince = "000.00.00.H48";
constexpr const char* kDistrict = "000.00.53.H48";
constexpr const char* kPassword = "Mật khẩu thử nghiệm 2026";

core::access::Caller Admin() {
  core::access::Caller c;
  c.user_id = 1;
  c.username = "quantri";
  c.agency_code = kProvince;
  c.agency_path = "/1/";
  c.roles = {core::access::Role::kAdmin};
  return c;
}

std::vector<DayInput> InputOf(const cal::YearSchedule& s) {
  std::vector<DayInput> out;
  for (const auto& d : s.days) {
    out.push_back({cal::FormatIsoDate(d.date), d.name, std::string(cal::DayKindName(d.kind))});
  }
  return out;
}

std::int64_t Scalar(store::Database& db, const std::string& sql) {
  store::Session s(db);
  long long value = 0;
  s.sql() << sql, soci::into(value);
  return value;
}

// ---- The service, in process ----

class CalendarServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    service::security::InitCrypto();
    db_ = std::make_unique<store::Database>(test_db_.url(), 2);
    store::Migrate(*db_);
  }
  TestDatabase test_db_{GetParam()};
  std::unique_ptr<store::Database> db_;
  core::testing::FakeClock clock_{cal::ToUtcMillis({{2026, 3, 2}, 9 * 60})};
};

INSTANTIATE_TEST_SUITE_P(Engines, CalendarServiceTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(CalendarServiceTest, LoadsTheShippedSchedulesOnceAndNeverOverAnEdit) {
  CalendarService calendar(*db_, clock_);
  EXPECT_FALSE(calendar.Holidays(2026).official);
  EXPECT_EQ(calendar.LoadShippedSchedules(), (std::vector<int>{2020, 2024, 2025, 2026}));
  EXPECT_EQ(calendar.LoadShippedSchedules(), std::vector<int>{});
  EXPECT_EQ(CalendarService(*db_, clock_).LoadShippedSchedules(), std::vector<int>{});
  EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM calendar_years"), 4);
  EXPECT_EQ(Scalar(*db_, "SELECT version FROM calendar_state"), 1);
  EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.load'"), 1);

  auto y2026 = calendar.Holidays(2026);
  EXPECT_TRUE(y2026.official);
  EXPECT_EQ(y2026.updated_by, "shipped");
  EXPECT_FALSE(calendar.Holidays(2027).official);  // statutory rules
  EXPECT_FALSE(calendar.Holidays(2027).schedule.days.empty());

  // An admin's edit of a shipped year survives every later start.
  auto days = InputOf(y2026.schedule);
  days.push_back({"2026-11-24", "Ngày Văn hóa Việt Nam", "holiday"});
  calendar.PutHolidays(Admin(), 2026, std::nullopt, days);
  EXPECT_EQ(calendar.LoadShippedSchedules(), std::vector<int>{});
  auto edited = calendar.Holidays(2026);
  EXPECT_EQ(edited.schedule.days.size(), y2026.schedule.days.size() + 1);
  EXPECT_EQ(edited.schedule.source, y2026.schedule.source);  // kept when not given
  EXPECT_EQ(edited.updated_by, "quantri");
  // Years that were never stored still load (a release shipping 2027, say).
  {
    store::WriteTransaction tx(*db_);
    tx.sql() << "DELETE FROM calendar_days WHERE year = 2020";
    tx.sql() << "DELETE FROM calendar_years WHERE year = 2020";
    tx.Commit();
  }
  EXPECT_EQ(calendar.LoadShippedSchedules(), std::vector<int>{2020});
}

TEST_P(CalendarServiceTest, TheSharedCalendarFollowsEditsHereAtOnceElsewhereWithinASecond) {
  CalendarService here(*db_, clock_);
  CalendarService elsewhere(*db_, clock_);  // another egov process on the same database
  here.LoadShippedSchedules();
  const cal::Date monday{2026, 3, 2};
  EXPECT_FALSE(here.Calendar()->IsWorkingDay({2026, 2, 17}));  // Tết, from the database
  EXPECT_TRUE(here.Calendar()->IsWorkingDay(monday));
  EXPECT_TRUE(elsewhere.Calendar()->IsWorkingDay(monday));
  auto before = here.Calendar();

  auto days = InputOf(here.Holidays(2026).schedule);
  days.push_back({"2026-03-02", "Nghỉ đột xuất", "day_off"});
  here.PutHolidays(Admin(), 2026, "Quyết định thử nghiệm", days);

  EXPECT_FALSE(here.Calendar()->IsWorkingDay(monday));
  EXPECT_TRUE(before->IsWorkingDay(monday));  // a calendar handed out earlier never changes
  // The other process trusts its calendar for kRecheckMillis, then reads the version again.
  clock_.Advance(service::calendar::kRecheckMillis - 1);
  EXPECT_TRUE(elsewhere.Calendar()->IsWorkingDay(monday));
  clock_.Advance(1);
  EXPECT_FALSE(elsewhere.Calendar()->IsWorkingDay(monday));
  // Unchanged version: the same object is handed out again.
  EXPECT_EQ(here.Calendar().get(), here.Calendar().get());
}

TEST_P(CalendarServiceTest, ConcurrentReadersDuringEditsSeeWholeCalendars) {
  CalendarService calendar(*db_, clock_);
  calendar.LoadShippedSchedules();
  const auto base = InputOf(calendar.Holidays(2026).schedule);
  std::atomic<bool> stop{false};
  std::atomic<int> reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      while (!stop) {
        auto c = calendar.Calendar();
        EXPECT_FALSE(c->IsWorkingDay({2026, 2, 17}));
        ++reads;
      }
    });
  }
  for (int i = 0; i < 5; ++i) {
    auto days = base;
    days.push_back({"2026-03-0" + std::to_string(2 + i), "Nghỉ " + std::to_string(i), "day_off"});
    calendar.PutHolidays(Admin(), 2026, std::nullopt, days);
    EXPECT_FALSE(calendar.Calendar()->IsWorkingDay({2026, 3, 2 + i}));
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_GT(reads.load(), 0);
}

TEST_P(CalendarServiceTest, RefusesNonAdminsAndUnknownAgencies) {
  CalendarService calendar(*db_, clock_);
  auto reception = Admin();
  reception.roles = {core::access::Role::kReception};
  try {
    calendar.PutHolidays(reception, 2026, std::nullopt, {});
    FAIL() << "a reception officer edited the calendar";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kForbidden);
  }
  EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM calendar_years"), 0);
  // An admin of a district (not of the root agency) may not change the shared calendar.
  auto district_admin = Admin();
  district_admin.agency_path = "/1/2/";
  try {
    calendar.PutHolidays(district_admin, 2026, std::nullopt, {});
    FAIL() << "a district admin edited the calendar of every agency";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kForbidden);
  }
  EXPECT_EQ(Scalar(*db_, "SELECT COUNT(*) FROM calendar_years"), 0);
  try {
    calendar.WorkingHoursOf("000.00.99.H48");
    FAIL() << "an unknown agency has working hours";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  }
}

// ---- Over HTTP and the command line ----

void MustRun(const std::vector<std::string>& args, const std::string& input = "") {
  auto r = RunEgov(args, input);
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

struct Session {
  std::string cookie, csrf;
  std::map<std::string, std::string> Headers(bool with_csrf = true) const {
    std::map<std::string, std::string> h{{"Cookie", cookie}};
    if (with_csrf) {
      h["X-CSRF-Token"] = csrf;
      h["Content-Type"] = "application/json";
    }
    return h;
  }
};

Session Login(HttpClient& c, const std::string& user) {
  auto r = c.Post("/api/v1/auth/login",
                  json::serialize(json::object{{"username", user}, {"password", kPassword}}));
  EXPECT_EQ(r.status, 200u) << r.body;
  std::string set_cookie = r.header("set-cookie");
  return {set_cookie.substr(0, set_cookie.find(';')),
          std::string(r.json().at("csrf_token").as_string())};
}

class CalendarApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string db = db_.url();
    MustRun({"agency", "add", "--db", db, "--code", kProvince, "--name", "UBND tỉnh Quảng Ngãi",
             "--kind", "province", "--abbreviation", "UBND"});
    MustRun({"agency", "add", "--db", db, "--code", kDistrict, "--name", "UBND huyện Trà Bồng",
             "--parent", kProvince, "--kind", "district", "--abbreviation", "UBND"});
    MustRun({"user", "add", "--db", db, "--username", "quantri", "--full-name", "Quản trị",
             "--agency", kProvince, "--role", "admin"},
            kPassword);
    MustRun({"user", "add", "--db", db, "--username", "tiepnhan", "--full-name", "Nguyễn Văn A",
             "--agency", kDistrict, "--role", "reception", "--role", "leader"},
            kPassword);
    server_ = std::make_unique<EgovServer>(db);
    client_ = std::make_unique<HttpClient>(server_->host(), server_->port());
  }
  HttpClient& c() { return *client_; }
  HttpResponse Put(const Session& s, const std::string& year, const std::string& body) {
    return c().Send(verb::put, "/api/v1/calendar/holidays?year=" + year, body, s.Headers());
  }
  json::value Holidays(const Session& s, int year) {
    auto r = c().Get("/api/v1/calendar/holidays?year=" + std::to_string(year), s.Headers(false));
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.json();
  }
  // `egov calendar due --db … ARGS…` → the "due" value.
  std::string Due(const std::vector<std::string>& args) {
    std::vector<std::string> all{"calendar", "due", "--db", db_.url()};
    all.insert(all.end(), args.begin(), args.end());
    auto r = RunEgov(all);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? std::string(json::parse(r.out).at("due").as_string()) : r.err;
  }
  std::int64_t CalendarVersion() {
    store::Database db(db_.url(), 1);
    return Scalar(db, "SELECT version FROM calendar_state");
  }
  // The 2026 schedule in force as a PUT body, with `extra` days appended.
  std::string Body2026(const Session& s, json::array extra = {}) {
    json::array days;
    const json::value current = Holidays(s, 2026);
    for (const auto& item : current.at("items").as_array()) {
      days.push_back(json::object{
          {"date", item.at("date")}, {"name", item.at("name")}, {"kind", item.at("kind")}});
    }
    for (auto& e : extra) days.push_back(e);
    return json::serialize(json::object{{"days", days}});
  }

  TestDatabase db_{GetParam()};
  std::unique_ptr<EgovServer> server_;
  std::unique_ptr<HttpClient> client_;
};

INSTANTIATE_TEST_SUITE_P(Engines, CalendarApiTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(CalendarApiTest, AnySignedInUserReadsAYearWithLunarDates) {
  EXPECT_EQ(c().Get("/api/v1/calendar/holidays?year=2026").status, 401u);
  auto s = Login(c(), "tiepnhan");
  auto y = Holidays(s, 2026);
  EXPECT_TRUE(y.at("official").as_bool());
  EXPECT_EQ(y.at("year").as_int64(), 2026);
  EXPECT_EQ(y.at("page").as_int64(), 1);
  EXPECT_EQ(y.at("updated_by").as_string(), "shipped");
  EXPECT_NE(std::string(y.at("source").as_string()).find("Văn phòng Chính phủ"), std::string::npos);
  const auto& items = y.at("items").as_array();
  EXPECT_EQ(y.at("total").as_int64(), static_cast<std::int64_t>(items.size()));
  std::map<std::string, json::value> by_date;
  for (const auto& item : items) by_date[std::string(item.at("date").as_string())] = item;
  for (const char* tet : {"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"}) {
    ASSERT_TRUE(by_date.contains(tet)) << tet;
    EXPECT_EQ(by_date[tet].at("kind").as_string(), "holiday");
  }
  EXPECT_EQ(by_date["2026-01-10"].at("kind").as_string(), "working_day");
  const auto& mung1 = by_date["2026-02-17"].at("lunar");
  EXPECT_EQ(mung1.at("day").as_int64(), 1);
  EXPECT_EQ(mung1.at("month").as_int64(), 1);
  EXPECT_FALSE(mung1.at("leap").as_bool());

  auto statutory = Holidays(s, 2030);
  EXPECT_FALSE(statutory.at("official").as_bool());
  EXPECT_FALSE(statutory.as_object().contains("updated_by"));
  // Tết 2030 is 2/2 in Vietnam (3/2 in China).
  bool found = false;
  for (const auto& item : statutory.at("items").as_array()) {
    if (item.at("date") == "2030-02-02") {
      found = true;
      EXPECT_EQ(item.at("lunar").at("day").as_int64(), 1);
    }
  }
  EXPECT_TRUE(found);

  auto paged = c().Get("/api/v1/calendar/holidays?year=2026&per_page=2&page=2", s.Headers(false));
  ASSERT_EQ(paged.status, 200u);
  EXPECT_EQ(paged.json().at("items").as_array().size(), 2u);
  EXPECT_EQ(paged.json().at("items").at(0), items[2]);

  for (const char* bad : {"1899", "2200", "abc", "", "20260", "-2026", "2026.0"}) {
    auto r = c().Get(std::string("/api/v1/calendar/holidays?year=") + bad, s.Headers(false));
    EXPECT_EQ(r.status, 422u) << bad;
    EXPECT_TRUE(r.json().at("error").at("details").as_object().contains("year")) << r.body;
  }
  EXPECT_EQ(c().Get("/api/v1/calendar/holidays", s.Headers(false)).status, 422u);
}

TEST_P(CalendarApiTest, LunarDatesOfAWholeYear) {
  auto s = Login(c(), "tiepnhan");
  auto r = c().Get("/api/v1/calendar/lunar?year=2026", s.Headers(false));
  ASSERT_EQ(r.status, 200u) << r.body;
  const json::value year = r.json();
  const auto& items = year.at("items").as_array();
  ASSERT_EQ(items.size(), 365u);
  EXPECT_EQ(items[0].at("date").as_string(), "2026-01-01");
  EXPECT_EQ(items[47].at("date").as_string(), "2026-02-17");
  EXPECT_EQ(items[47].at("day").as_int64(), 1);
  EXPECT_EQ(items[47].at("month").as_int64(), 1);
  EXPECT_EQ(items[47].at("year").as_int64(), 2026);
  auto leap = c().Get("/api/v1/calendar/lunar?year=2024", s.Headers(false));
  EXPECT_EQ(leap.json().at("total").as_int64(), 366);
  EXPECT_EQ(c().Get("/api/v1/calendar/lunar?year=1899", s.Headers(false)).status, 422u);
  EXPECT_EQ(c().Get("/api/v1/calendar/lunar?year=2026").status, 401u);
}

TEST_P(CalendarApiTest, AnAdminsEditChangesDeadlinesComputedAfterwards) {
  // Monday 2/3/2026 08:00 + 1 working day: Tuesday 08:00; with the district's own hours the
  // same. 16:00 Friday 13/2 + 4 hours crosses Tết.
  EXPECT_EQ(Due({"--from", "2026-03-02T08:00", "--days", "1"}), "2026-03-03T08:00");
  EXPECT_EQ(Due({"--from", "2026-02-13T16:00", "--hours", "4"}), "2026-02-23T10:30");
  auto admin = Login(c(), "quantri");
  auto hours = c().Send(verb::patch, std::string("/api/v1/agencies/") + kDistrict,
                        R"({"working_hours":"08:00-12:00,13:30-17:30"})", admin.Headers());
  ASSERT_EQ(hours.status, 200u) << hours.body;
  EXPECT_EQ(Due({"--from", "2026-02-13T16:00", "--hours", "4", "--agency", kDistrict}),
            "2026-02-23T10:30");
  EXPECT_EQ(Due({"--from", "2026-03-02T07:45", "--hours", "1", "--agency", kDistrict}),
            "2026-03-02T09:00");

  const auto version = CalendarVersion();
  auto r = Put(admin, "2026",
               Body2026(admin, {json::object{{"date", "2026-03-03"},
                                             {"name", "Nghỉ theo quyết định thử nghiệm"},
                                             {"kind", "day_off"}}}));
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_TRUE(r.json().at("official").as_bool());
  EXPECT_EQ(r.json().at("updated_by").as_string(), "quantri");
  EXPECT_EQ(CalendarVersion(), version + 1);

  // Deadlines computed from now on skip the new day off, with any agency's hours.
  EXPECT_EQ(Due({"--from", "2026-03-02T08:00", "--days", "1"}), "2026-03-04T08:00");
  EXPECT_EQ(Due({"--from", "2026-03-02T16:00", "--hours", "2", "--agency", kDistrict}),
            "2026-03-04T08:30");
  auto listed = RunEgov({"calendar", "holidays", "2026", "--db", db_.url()});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(
      listed.out.find(
          R"({"date":"2026-03-03","name":"Nghỉ theo quyết định thử nghiệm","kind":"day_off"})"),
      std::string::npos)
      << listed.out;
  // The shipped data, without --db, is unchanged.
  auto shipped = RunEgov({"calendar", "holidays", "2026"});
  EXPECT_EQ(shipped.out.find("2026-03-03"), std::string::npos);

  // Restarting reloads nothing over the edit.
  server_.reset();
  server_ = std::make_unique<EgovServer>(db_.url());
  client_ = std::make_unique<HttpClient>(server_->host(), server_->port());
  auto again = Login(c(), "quantri");
  EXPECT_NE(json::serialize(Holidays(again, 2026)).find("2026-03-03"), std::string::npos);

  // Audited, and the chain holds.
  store::Database db(db_.url(), 1);
  EXPECT_EQ(Scalar(db,
                   "SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.update' AND "
                   "entity = 'calendar' AND entity_id = '2026' AND actor = 'quantri'"),
            1);
  auto verify = RunEgov({"audit", "verify", "--db", db_.url()});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_EQ(verify.out, "OK\n");
}

TEST_P(CalendarApiTest, NonAdminsAreForbiddenAndChangeNothing) {
  auto officer = Login(c(), "tiepnhan");
  const auto before = json::serialize(Holidays(officer, 2026));
  const auto version = CalendarVersion();
  auto r = Put(officer, "2026", R"({"days":[]})");
  EXPECT_EQ(r.status, 403u);
  EXPECT_EQ(r.json().at("error").at("code").as_string(), "forbidden");
  // Without the CSRF token, even an admin is refused.
  auto admin = Login(c(), "quantri");
  EXPECT_EQ(c().Send(verb::put, "/api/v1/calendar/holidays?year=2026", R"({"days":[]})",
                     admin.Headers(false))
                .status,
            403u);
  EXPECT_EQ(c().Send(verb::put, "/api/v1/calendar/holidays?year=2026", R"({"days":[]})",
                     {{"Content-Type", "application/json"}})
                .status,
            401u);
  EXPECT_EQ(json::serialize(Holidays(officer, 2026)), before);
  EXPECT_EQ(CalendarVersion(), version);
  EXPECT_EQ(Due({"--from", "2026-02-13T16:00", "--hours", "4"}), "2026-02-23T10:30");
}

TEST_P(CalendarApiTest, BadInputIsRefusedAndChangesNothing) {
  auto admin = Login(c(), "quantri");
  const auto before = json::serialize(Holidays(admin, 2026));
  const auto version = CalendarVersion();
  auto day = [](const std::string& date, const std::string& name, const std::string& kind) {
    return json::object{{"date", date}, {"name", name}, {"kind", kind}};
  };
  auto body = [](json::array days) { return json::serialize(json::object{{"days", days}}); };
  json::array many;
  for (int i = 0; i < 10000; ++i)
    many.push_back(day("2026-03-02", "Ngày " + std::to_string(i), "holiday"));

  struct Case {
    std::string name, year, body, field;
  };
  const std::vector<Case> cases{
      {"year 1899", "1899", body({day("1899-01-02", "Tết", "holiday")}), "year"},
      {"year 2200", "2200", body({}), "year"},
      {"year text", "n%C4%83m", body({}), "year"},
      {"month 13", "2026", body({day("2026-13-01", "Ngày lạ", "holiday")}), "days[0].date"},
      {"31 February", "2026", body({day("2026-02-31", "Ngày lạ", "holiday")}), "days[0].date"},
      {"not ISO", "2026", body({day("1/3/2026", "Ngày lạ", "holiday")}), "days[0].date"},
      {"other year", "2026",
       body({day("2026-01-01", "Tết Dương lịch", "holiday"),
             day("2025-12-31", "Giao thừa", "day_off")}),
       "days[1].date"},
      {"unknown kind", "2026", body({day("2026-03-02", "Ngày lạ", "vacation")}), "days[0].kind"},
      {"duplicate", "2026",
       body({day("2026-03-02", "Một", "day_off"), day("2026-03-02", "Hai", "holiday")}),
       "days[1].date"},
      {"10,000 days", "2026", body(many), "days"},
      {"working weekday", "2026", body({day("2026-03-02", "Làm bù", "working_day")}),
       "days[0].kind"},
      {"day off on Sunday", "2026", body({day("2026-03-01", "Nghỉ", "day_off")}), "days[0].kind"},
      {"compensatory Saturday", "2026", body({day("2026-02-28", "Nghỉ bù", "compensatory")}),
       "days[0].kind"},
      {"empty name", "2026", body({day("2026-03-02", "   ", "holiday")}), "days[0].name"},
      {"long name", "2026", body({day("2026-03-02", std::string(201, 'a'), "holiday")}),
       "days[0].name"},
      {"empty source", "2026", R"({"source":" ","days":[]})", "source"},
      {"days missing", "2026", R"({"source":"QĐ"})", "days"},
      {"days not array", "2026", R"({"days":{"date":"2026-03-02"}})", "days"},
      {"day not object", "2026", R"({"days":["2026-03-02"]})", "days[0]"},
      {"kind missing", "2026", R"({"days":[{"date":"2026-03-02","name":"Nghỉ"}]})", "days[0].kind"},
      {"kind number", "2026", R"({"days":[{"date":"2026-03-02","name":"Nghỉ","kind":1}]})",
       "days[0].kind"},
      {"unknown key", "2026", R"({"days":[],"force":true})", "force"},
      {"unknown day key", "2026",
       R"({"days":[{"date":"2026-03-02","name":"Nghỉ","kind":"holiday","x":1}]})", "days[0].x"},
  };
  for (const auto& k : cases) {
    auto r = Put(admin, k.year, k.body);
    EXPECT_EQ(r.status, 422u) << k.name << ": " << r.body.substr(0, 300);
    if (r.status != 422u) continue;
    const json::value answer = r.json();
    const auto& error = answer.at("error");
    EXPECT_EQ(error.at("code").as_string(), "validation_failed") << k.name;
    EXPECT_TRUE(error.at("details").as_object().contains(k.field))
        << k.name << ": " << r.body.substr(0, 300);
  }
  // Unparseable bodies are 400.
  EXPECT_EQ(Put(admin, "2026", R"({"days":[)").status, 400u);
  EXPECT_EQ(Put(admin, "2026", "{\"days\":[],\"source\":\"\xff\"}").status, 400u);

  EXPECT_EQ(json::serialize(Holidays(admin, 2026)), before);
  EXPECT_EQ(CalendarVersion(), version);
  store::Database db(db_.url(), 1);
  EXPECT_EQ(Scalar(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'calendar.update'"), 0);

  // Many problems at once are reported together, one per field.
  auto r =
      Put(admin, "2026", body({day("2026-13-01", "A", "holiday"), day("2026-03-02", "", "nope")}));
  ASSERT_EQ(r.status, 422u);
  const json::value answer = r.json();
  const auto& details = answer.at("error").at("details").as_object();
  EXPECT_TRUE(details.contains("days[0].date"));
  EXPECT_TRUE(details.contains("days[1].name"));
  EXPECT_TRUE(details.contains("days[1].kind"));
}

TEST_P(CalendarApiTest, AnEmptyYearAndAnExplicitSourceAreAccepted) {
  auto admin = Login(c(), "quantri");
  auto r = Put(
      admin, "2031",
      R"({"source":"  Quyết định   số 1/2030  ","days":[{"date":"2031-01-01","name":" Tết  Dương lịch ","kind":"holiday"}]})");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.json().at("source").as_string(), "Quyết định số 1/2030");
  EXPECT_EQ(r.json().at("items").at(0).at("name").as_string(), "Tết Dương lịch");
  EXPECT_EQ(r.json().at("total").as_int64(), 1);
  // The official 2031 schedule replaces the rules: Tết 2031 is a working day now.
  EXPECT_EQ(Due({"--from", "2031-01-22T08:00", "--days", "1"}), "2031-01-23T08:00");
  auto empty = Put(admin, "2031", R"({"days":[]})");
  ASSERT_EQ(empty.status, 200u) << empty.body;
  EXPECT_EQ(empty.json().at("total").as_int64(), 0);
  EXPECT_EQ(empty.json().at("source").as_string(), "Quyết định số 1/2030");
  EXPECT_TRUE(Holidays(admin, 2031).at("official").as_bool());
}

TEST_P(CalendarApiTest, TheCommandLineNamesAnUnknownAgency) {
  auto r = RunEgov({"calendar", "due", "--db", db_.url(), "--agency", "000.00.99.H48", "--from",
                    "2026-03-02T08:00", "--days", "1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("Không tìm thấy cơ quan"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("000.00.99.H48"), std::string::npos) << r.err;
  auto alone = RunEgov(
      {"calendar", "due", "--agency", kDistrict, "--from", "2026-03-02T08:00", "--days", "1"});
  EXPECT_EQ(alone.exit_code, 1);
  EXPECT_NE(alone.err.find("--db"), std::string::npos) << alone.err;
}

}  // namespace
}  // namespace egov::testing
