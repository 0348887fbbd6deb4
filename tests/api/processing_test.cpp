// Processing over real HTTP on both engines (CONTRACT.md, "Dossier statuses and actions";
// docs/workflow.md): every action through POST /api/v1/dossiers/{code}/actions, with the real
// egov on the test clock moved to chosen instants. Expected times are written by hand from
// CONTRACT.md "Deadline rules" with the default working hours (07:30–11:30, 13:00–17:00) and
// the shipped 2026 schedule (Tết 16/2–20/2), for the demo's 1.012789 Cung cấp thông tin, dữ
// liệu đất đai: 10 days, received at the district's office (000.01.99.H48, tiepnhan), steps
// 0 reception 4 h at the office, 1 specialist 64 h and 2 leader 8 h at the land department
// (000.02.99.H48: chuyenvien.tnmt, lanhdao.tnmt — a liên thông hand-off), 3 the return 4 h.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <future>
#include <set>

#include "demo_api.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;
using boost::beast::http::verb;

constexpr const char* kLand = "1.012789";

class ProcessingTest : public DemoServerTest {
 protected:
  void SetUp() override { ServeDemo("2026-02-02T08:00:00+07:00"); }

  Headers Login(const std::string& user) { return SignIn(*c_, user); }
  json::object IntakeBody(const std::string& procedure_code) {
    json::array components = CatalogComponents(*c_, procedure_code);
    return json::object{{"procedure_code", procedure_code},
                        {"channel", "direct"},
                        {"applicant", json::object{{"full_name", "Phạm Thị Hoa"},
                                                   {"id_number", "051090004322"},
                                                   {"phone", "0905 123 457"},
                                                   {"address", "Thôn Bình Trung, huyện Trà Bồng"}}},
                        {"components", std::move(components)}};
  }
  // A land dossier received at the district's office at `instant`.
  json::object Intake(const std::string& instant) {
    auto r = c_->Post("/api/v1/dossiers", json::serialize(IntakeBody(kLand)), "application/json",
                      At(instant, "tiepnhan"));
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.json().as_object();
  }
  HttpResponse Act(const std::string& code, const Headers& who, const json::object& body) {
    return c_->Post("/api/v1/dossiers/" + code + "/actions", json::serialize(body),
                    "application/json", who);
  }
  // The action at `instant` by `user`; expects 200 and answers the dossier.
  json::object Do(const std::string& code, const std::string& instant, const std::string& user,
                  const json::object& body) {
    auto r = Act(code, At(instant, user), body);
    EXPECT_EQ(r.status, 200u) << json::serialize(body) << " " << r.body;
    return r.status == 200u ? r.json().as_object() : json::object{};
  }
  // The refusal of an action: its status, and the field named for a 422.
  std::string Refused(const std::string& code, const Headers& who, const json::object& body,
                      unsigned status) {
    auto r = Act(code, who, body);
    EXPECT_EQ(r.status, status) << json::serialize(body) << " " << r.body;
    if (r.status != 422u) return "";
    const auto answer = r.json();
    const auto& details = answer.at("error").at("details").as_object();
    return details.empty() ? std::string() : std::string(details.begin()->key());
  }
  json::object Get(const std::string& code, const Headers& who) {
    auto r = c_->Get("/api/v1/dossiers/" + code, who);
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.json().as_object();
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }
  // "2026-02-23T08:00" of "2026-02-23T08:00:00+07:00": due times to the minute.
  static std::string Min(const json::value& v) {
    return v.is_null() ? "null" : Str(v).substr(0, 16);
  }
  static std::string StepDue(const json::object& d) {
    return Min(d.at("current_step").at("due_at"));
  }
};

INSTANTIATE_TEST_SUITE_P(Engines, ProcessingTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(ProcessingTest, AFullWalkAcrossTetWithDueTimesToTheMinute) {
  // Mon 2/2 08:00: 10 working days → Mon 23/2 08:00 (3–6/2, 9–13/2, then Tết and two
  // weekends); step 0's 4 hours: 210 min to 11:30, 30 from 13:00.
  auto d = Intake("2026-02-02T08:00:00+07:00");
  const std::string code = Str(d.at("code"));
  EXPECT_EQ(Min(d.at("due_at")), "2026-02-23T08:00");
  EXPECT_EQ(StepDue(d), "2026-02-02T13:30");
  EXPECT_EQ(d.at("version"), 1);
  EXPECT_EQ(d.at("receiving_agency"), "000.01.99.H48");
  EXPECT_EQ(d.at("competent_agency"), "000.02.99.H48");
  EXPECT_EQ(d.at("processing_agency"), "000.01.99.H48");
  ASSERT_EQ(d.at("steps").as_array().size(), 4u);
  EXPECT_EQ(d.at("steps").at(1).at("agency_code"), "000.02.99.H48");
  EXPECT_EQ(d.at("steps").at(0).at("agency_code"), "000.01.99.H48");  // no agency: receiving

  // Forward at 09:00 to the named specialist: 64 h = 8 days → Thu 12/2 09:00.
  d = Do(code, "2026-02-02T09:00:00+07:00", "tiepnhan",
         {{"action", "forward"}, {"to_user", "chuyenvien.tnmt"}, {"version", 1}});
  EXPECT_EQ(d.at("status"), "processing");
  EXPECT_EQ(d.at("current_step").at("index"), 1);
  EXPECT_EQ(d.at("current_step").at("agency_code"), "000.02.99.H48");
  EXPECT_EQ(d.at("current_step").at("role"), "specialist");
  EXPECT_EQ(d.at("current_step").at("assignee"), "chuyenvien.tnmt");
  EXPECT_EQ(StepDue(d), "2026-02-12T09:00");
  EXPECT_EQ(Min(d.at("due_at")), "2026-02-23T08:00");
  EXPECT_EQ(d.at("processing_agency"), "000.02.99.H48");
  EXPECT_EQ(d.at("version"), 2);
  {
    const auto& e = d.at("events").as_array().back();
    EXPECT_EQ(e.at("action"), "forward");
    EXPECT_EQ(e.at("from_step"), 0);
    EXPECT_EQ(e.at("to_step"), 1);
    EXPECT_EQ(e.at("to_user"), "chuyenvien.tnmt");
    EXPECT_EQ(Min(e.at("step_due_at")), "2026-02-12T09:00");
    EXPECT_EQ(Min(e.at("due_at")), "2026-02-23T08:00");
  }

  // Sent back Tue 3/2 10:00: step 0 starts again, 4 h → 15:30.
  d = Do(code, "2026-02-03T10:00:00+07:00", "chuyenvien.tnmt",
         {{"action", "send_back"}, {"reason", "Thiếu trích lục bản đồ"}});
  EXPECT_EQ(d.at("current_step").at("index"), 0);
  EXPECT_EQ(StepDue(d), "2026-02-03T15:30");
  EXPECT_EQ(d.at("events").as_array().back().at("note"), "Thiếu trích lục bản đồ");
  EXPECT_FALSE(d.at("current_step").as_object().contains("assignee"));

  // Forwarded again 3/2 14:00 → 8 days: Fri 13/2 14:00.
  d = Do(code, "2026-02-03T14:00:00+07:00", "tiepnhan", {{"action", "forward"}});
  EXPECT_EQ(StepDue(d), "2026-02-13T14:00");

  // Supplement asked Fri 13/2 10:00, the last working day before Tết: paused.
  d = Do(code, "2026-02-13T10:00:00+07:00", "chuyenvien.tnmt",
         {{"action", "request_supplement"},
          {"reason", "Cần bản sao giấy chứng nhận"},
          {"missing", json::array{"Bản sao Giấy chứng nhận quyền sử dụng đất"}}});
  EXPECT_EQ(d.at("status"), "supplement_requested");
  EXPECT_EQ(d.at("current_step").at("index"), 1);
  // Mon 23/2 09:00: past the recorded due time, but paused: never overdue.
  auto list = c_->Get("/api/v1/dossiers?overdue=true", At("2026-02-23T09:00:00+07:00", "tiepnhan"));
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.json().at("total"), 0);

  // Received Tue 24/2 09:00 at the counter: paused 330 min on 13/2, 480 on 23/2, 90 on 24/2 =
  // 900 working minutes. Dossier 23/2 08:00 + 900 → 24/2 16:30; step 13/2 14:00 + 900 →
  // 24/2 11:30.
  d = Do(code, "2026-02-24T09:00:00+07:00", "tiepnhan", {{"action", "receive_supplement"}});
  EXPECT_EQ(d.at("status"), "processing");
  EXPECT_EQ(d.at("current_step").at("index"), 1);
  EXPECT_EQ(Min(d.at("due_at")), "2026-02-24T16:30");
  EXPECT_EQ(StepDue(d), "2026-02-24T11:30");

  // Forwarded to the leader 24/2 10:00: 8 h → 25/2 10:00.
  d = Do(code, "2026-02-24T10:00:00+07:00", "chuyenvien.tnmt", {{"action", "forward"}});
  EXPECT_EQ(d.at("current_step").at("index"), 2);
  EXPECT_EQ(d.at("current_step").at("role"), "leader");
  EXPECT_EQ(StepDue(d), "2026-02-25T10:00");

  // Completed 24/2 15:00, before 16:30 on the due day: on time; the return step 4 h → 25/2
  // 09:30, back at the receiving agency.
  d = Do(code, "2026-02-24T15:00:00+07:00", "lanhdao.tnmt", {{"action", "complete"}});
  EXPECT_EQ(d.at("status"), "result_ready");
  EXPECT_EQ(d.at("current_step").at("index"), 3);
  EXPECT_EQ(d.at("processing_agency"), "000.01.99.H48");
  EXPECT_EQ(StepDue(d), "2026-02-25T09:30");
  EXPECT_EQ(Min(d.at("completed_at")), "2026-02-24T15:00");
  EXPECT_EQ(d.at("timeliness"), "on_time");

  d = Do(code, "2026-02-25T08:00:00+07:00", "tiepnhan", {{"action", "return_result"}});
  EXPECT_EQ(d.at("status"), "returned");
  EXPECT_EQ(d.at("timeliness"), "on_time");
  EXPECT_EQ(d.at("version"), 9);
  std::vector<std::string> actions;
  for (const auto& e : d.at("events").as_array()) actions.push_back(Str(e.at("action")));
  EXPECT_EQ(actions, (std::vector<std::string>{"intake", "forward", "send_back", "forward",
                                               "request_supplement", "receive_supplement",
                                               "forward", "complete", "return_result"}));
}

TEST_P(ProcessingTest, EarlyAndLateCompletions) {
  // Completed on a day before the due day: early. A second dossier completed after its due
  // time: late, and overdue in the list until then.
  auto early = Intake("2026-03-02T08:00:00+07:00");  // due Mon 16/3 08:00
  const std::string a = Str(early.at("code"));
  Do(a, "2026-03-02T08:10:00+07:00", "tiepnhan", {{"action", "forward"}});
  Do(a, "2026-03-03T08:00:00+07:00", "chuyenvien.tnmt", {{"action", "forward"}});
  auto done = Do(a, "2026-03-03T09:00:00+07:00", "lanhdao.tnmt", {{"action", "complete"}});
  EXPECT_EQ(done.at("timeliness"), "early");

  auto late = Intake("2026-03-02T08:00:00+07:00");
  const std::string b = Str(late.at("code"));
  EXPECT_EQ(Min(late.at("due_at")), "2026-03-16T08:00");
  auto overdue = [&](const std::string& instant) {
    auto r = c_->Get("/api/v1/dossiers?overdue=true", At(instant, "tiepnhan"));
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.json().at("total").as_int64();
  };
  EXPECT_EQ(overdue("2026-03-16T08:00:00+07:00"), 0) << "not before the due minute has passed";
  EXPECT_EQ(overdue("2026-03-16T08:01:00+07:00"), 1);
  Do(b, "2026-03-16T08:02:00+07:00", "tiepnhan", {{"action", "forward"}});
  Do(b, "2026-03-16T08:03:00+07:00", "chuyenvien.tnmt", {{"action", "forward"}});
  done = Do(b, "2026-03-16T08:04:00+07:00", "lanhdao.tnmt", {{"action", "complete"}});
  EXPECT_EQ(done.at("timeliness"), "late");
  EXPECT_EQ(overdue("2026-03-16T08:05:00+07:00"), 0) << "a completed dossier is never overdue";
}

TEST_P(ProcessingTest, RescheduleOnceWithinTheWindow) {
  auto d = Intake("2026-03-02T08:00:00+07:00");  // due Mon 16/3 08:00
  const std::string code = Str(d.at("code"));
  auto who = At("2026-03-02T10:00:00+07:00", "tiepnhan");
  auto reschedule = [](const std::string& reason, const std::string& when) {
    return json::object{{"action", "reschedule"}, {"reason", reason}, {"new_due_at", when}};
  };
  EXPECT_EQ(Refused(code, who, reschedule("Chờ xác minh", "thứ hai tuần sau"), 422), "new_due_at");
  EXPECT_EQ(Refused(code, who, reschedule("Chờ xác minh", "2026-03-13T16:00:00+07:00"), 422),
            "new_due_at")
      << "earlier than the due time in force";
  EXPECT_EQ(Refused(code, who, reschedule("Chờ xác minh", "2026-03-18T20:00:00+07:00"), 422),
            "new_due_at")
      << "outside working hours";
  EXPECT_EQ(Refused(code, who, reschedule("   ", "2026-03-18T16:00:00+07:00"), 422), "reason");
  EXPECT_EQ(Refused(code, At("2026-03-02T10:00:00+07:00", "chuyenvien.tnmt"),
                    reschedule("Chờ", "2026-03-18T16:00:00+07:00"), 403),
            "");
  d = Do(code, "2026-03-02T10:00:00+07:00", "tiepnhan",
         reschedule("Chờ xác minh nguồn gốc đất", "2026-03-18T16:00:00+07:00"));
  EXPECT_EQ(Min(d.at("due_at")), "2026-03-18T16:00");
  EXPECT_EQ(Min(d.at("events").as_array().back().at("due_at")), "2026-03-18T16:00");
  EXPECT_NE(Str(d.at("events").as_array().back().at("note")).find("Chờ xác minh nguồn gốc đất"),
            std::string::npos);
  auto again = Act(code, At("2026-03-02T10:30:00+07:00", "tiepnhan"),
                   reschedule("Lần hai", "2026-03-19T16:00:00+07:00"));
  EXPECT_EQ(again.status, 409u) << again.body;
  EXPECT_EQ(again.json().at("error").at("code"), "conflict");
  EXPECT_EQ(Min(Get(code, Login("tiepnhan")).at("due_at")), "2026-03-18T16:00");

  // Less than one working day before the due time is too late: Mon 16/3 08:00 due, Fri 13/3
  // 09:00 leaves 420 working minutes (390 that day, 30 on Monday).
  auto other = Intake("2026-03-02T08:00:00+07:00");
  EXPECT_EQ(Refused(Str(other.at("code")), At("2026-03-13T09:00:00+07:00", "tiepnhan"),
                    reschedule("Trễ", "2026-03-18T16:00:00+07:00"), 422),
            "new_due_at");
}

TEST_P(ProcessingTest, RecordedDueTimesStayWhenTheCalendarChanges) {
  auto d = Intake("2026-03-02T08:00:00+07:00");  // due Mon 16/3 08:00
  const std::string code = Str(d.at("code"));
  EXPECT_EQ(Min(d.at("due_at")), "2026-03-16T08:00");
  // The district declares Tuesday 10/3 a day off.
  auto admin = At("2026-03-02T08:30:00+07:00", "quantri.tinh");
  json::array days;
  auto current = c_->Get("/api/v1/calendar/holidays?year=2026&per_page=500", admin).json();
  for (const auto& item : current.at("items").as_array()) {
    days.push_back(json::object{
        {"date", item.at("date")}, {"name", item.at("name")}, {"kind", item.at("kind")}});
  }
  days.push_back(
      json::object{{"date", "2026-03-10"}, {"name", "Nghỉ đột xuất"}, {"kind", "day_off"}});
  admin["Content-Type"] = "application/json";
  auto put = c_->Send(verb::put, "/api/v1/calendar/holidays?year=2026",
                      json::serialize(json::object{{"days", days}}), admin);
  ASSERT_EQ(put.status, 200u) << put.body;
  // The recorded due time stays; the step that starts now is counted in the new calendar:
  // 8 days from 2/3 09:00 without 10/3 → Fri 13/3 09:00 (not Thu 12/3).
  d = Do(code, "2026-03-02T09:00:00+07:00", "tiepnhan", {{"action", "forward"}});
  EXPECT_EQ(Min(d.at("due_at")), "2026-03-16T08:00");
  EXPECT_EQ(StepDue(d), "2026-03-13T09:00");
  // A dossier received after the edit is due a day later.
  EXPECT_EQ(Min(Intake("2026-03-02T08:00:00+07:00").at("due_at")), "2026-03-17T08:00");
}

TEST_P(ProcessingTest, TwoOfficersActAtOnceAndExactlyOneWins) {
  for (int round = 0; round < 3; ++round) {
    auto d = Intake("2026-03-02T08:00:00+07:00");
    const std::string code = Str(d.at("code"));
    const auto version = d.at("version").as_int64();
    auto who = Login("tiepnhan");
    const auto body =
        json::serialize(round == 2 ? json::object{{"action", "refuse"},
                                                  {"reason", "Không thuộc thẩm quyền"},
                                                  {"version", version}}
                                   : json::object{{"action", "forward"}, {"version", version}});
    std::vector<std::future<unsigned>> racers;
    for (int i = 0; i < 2; ++i) {
      racers.push_back(std::async(std::launch::async, [&] {
        HttpClient client(server_->host(), server_->port());
        return client.Post("/api/v1/dossiers/" + code + "/actions", body, "application/json", who)
            .status;
      }));
    }
    std::multiset<unsigned> statuses;
    for (auto& r : racers) statuses.insert(r.get());
    EXPECT_EQ(statuses, (std::multiset<unsigned>{200u, 409u})) << round;
    auto after = Get(code, who);
    EXPECT_EQ(after.at("events").as_array().size(), 2u) << "one event recorded";
    EXPECT_EQ(after.at("version").as_int64(), version + 1);
  }
  // A stale version is refused even when nobody races.
  auto d = Intake("2026-03-02T08:00:00+07:00");
  auto stale = Act(Str(d.at("code")), Login("tiepnhan"), {{"action", "forward"}, {"version", 7}});
  EXPECT_EQ(stale.status, 409u) << stale.body;
}

TEST_P(ProcessingTest, LienThongBothAgenciesSeeItAndOthersDoNot) {
  auto d = Intake("2026-03-02T08:00:00+07:00");
  const std::string code = Str(d.at("code"));
  auto land = Login("chuyenvien.tnmt");
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, land).status, 200u) << "a step's agency";
  auto list = c_->Get("/api/v1/dossiers", land).json();
  ASSERT_EQ(list.at("total"), 1);
  EXPECT_EQ(Str(list.at("items").at(0).at("code")), code);
  auto office = c_->Get("/api/v1/dossiers", Login("tiepnhan")).json();
  EXPECT_EQ(office.at("total"), 1);
  // The justice department and a commune are not in the process: 404, before any other check.
  for (const char* stranger : {"chuyenvien.tp", "tiepnhan.traso"}) {
    auto who = Login(stranger);
    EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code, who).status, 404u) << stranger;
    EXPECT_EQ(c_->Get("/api/v1/dossiers", who).json().at("total"), 0) << stranger;
    EXPECT_EQ(Act(code, who, {{"action", "forward"}}).status, 404u) << stranger;
    EXPECT_EQ(Act(code, who, {{"action", "fly"}}).status, 404u) << stranger;
    EXPECT_EQ(Act(code, who, {{"action", "forward"}, {"version", 99}}).status, 404u) << stranger;
  }
  EXPECT_EQ(Act("000.01.99.H48-260302-0999", land, {{"action", "forward"}}).status, 404u);
}

TEST_P(ProcessingTest, EveryActionRefusesBadInputWrongRoleAndWrongStatus) {
  // A dossier at step 0 (the office's counter), one at step 1 (the land department), one
  // returned.
  auto at0 = Str(Intake("2026-03-02T08:00:00+07:00").at("code"));
  auto at1 = Str(Intake("2026-03-02T08:00:00+07:00").at("code"));
  Do(at1, "2026-03-02T08:05:00+07:00", "tiepnhan", {{"action", "forward"}});
  auto done = Str(Intake("2026-03-02T08:00:00+07:00").at("code"));
  Do(done, "2026-03-02T08:06:00+07:00", "tiepnhan", {{"action", "forward"}});
  Do(done, "2026-03-02T08:07:00+07:00", "chuyenvien.tnmt", {{"action", "forward"}});
  Do(done, "2026-03-02T08:08:00+07:00", "lanhdao.tnmt", {{"action", "complete"}});
  Do(done, "2026-03-02T08:09:00+07:00", "tiepnhan", {{"action", "return_result"}});
  server_->SetTime("2026-03-02T09:00:00+07:00");
  auto office = Login("tiepnhan"), specialist = Login("chuyenvien.tnmt"),
       leader = Login("lanhdao.tnmt"), viewer = Login("xem");
  const json::array missing{"Tờ khai"};
  struct Case {
    json::object body;
    std::string at;  // the dossier
    const Headers* who;
    unsigned status;
    std::string field;  // for 422
  };
  const std::vector<Case> cases = {
      // accept: only a submitted dossier.
      {{{"action", "accept"}}, at0, &office, 409, ""},
      {{{"action", "accept"}, {"note", "?"}}, at0, &office, 422, "note"},
      // forward
      {{{"action", "forward"}, {"to_user", "lanhdao"}}, at0, &office, 422, "to_user"},
      {{{"action", "forward"}, {"to_user", "lanhdao.tnmt"}}, at0, &office, 422, "to_user"},
      {{{"action", "forward"}, {"to_user", 7}}, at0, &office, 422, "to_user"},
      {{{"action", "forward"}}, at0, &specialist, 403, ""},
      {{{"action", "forward"}}, done, &office, 409, ""},
      // send_back: not from the first step
      {{{"action", "send_back"}}, at0, &office, 409, ""},
      {{{"action", "send_back"}}, at1, &office, 403, ""},
      {{{"action", "send_back"}, {"reason", std::string(2001, 'x')}},
       at1,
       &specialist,
       422,
       "reason"},
      // request_supplement
      {{{"action", "request_supplement"}, {"reason", "Thiếu"}, {"missing", json::array{}}},
       at1,
       &specialist,
       422,
       "missing"},
      {{{"action", "request_supplement"}, {"reason", " "}, {"missing", missing}},
       at1,
       &specialist,
       422,
       "reason"},
      {{{"action", "request_supplement"}, {"reason", "Thiếu"}, {"missing", missing}},
       at1,
       &office,
       403,
       ""},
      {{{"action", "request_supplement"}, {"reason", "Thiếu"}, {"missing", missing}},
       done,
       &specialist,
       409,
       ""},
      // receive_supplement: only while paused
      {{{"action", "receive_supplement"}}, at1, &office, 409, ""},
      {{{"action", "receive_supplement"}, {"reason", "x"}}, at1, &office, 422, "reason"},
      // refuse
      {{{"action", "refuse"}, {"reason", ""}}, at1, &specialist, 422, "reason"},
      {{{"action", "refuse"}, {"reason", "Không đủ điều kiện"}}, at1, &viewer, 403, ""},
      {{{"action", "refuse"}, {"reason", "Không đủ điều kiện"}}, done, &office, 409, ""},
      // complete: only from the step before the return
      {{{"action", "complete"}}, at1, &specialist, 409, ""},
      {{{"action", "complete"}, {"version", "một"}}, at1, &specialist, 422, "version"},
      // return_result: only once the result is ready
      {{{"action", "return_result"}}, at1, &office, 409, ""},
      // withdraw: reception records it
      {{{"action", "withdraw"}, {"reason", "Đơn rút hồ sơ"}}, at1, &specialist, 403, ""},
      {{{"action", "withdraw"}}, at1, &office, 422, "reason"},
      {{{"action", "withdraw"}, {"reason", "Đơn rút hồ sơ"}}, done, &office, 409, ""},
      // stop (Circular 03/2025): the step that holds the dossier
      {{{"action", "stop"}, {"reason", "Dừng theo yêu cầu"}}, at1, &office, 403, ""},
      {{{"action", "stop"}, {"reason", "\t"}}, at1, &leader, 422, "reason"},
      {{{"action", "stop"}, {"reason", "Dừng"}}, done, &specialist, 409, ""},
      // not actions
      {{{"action", "intake"}}, at0, &office, 422, "action"},
      {{{"action", "fly"}}, at0, &office, 422, "action"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Refused(c.at, *c.who, c.body, c.status), c.field) << json::serialize(c.body);
  }
  // None of them changed anything.
  EXPECT_EQ(Get(at0, office).at("version"), 1);
  EXPECT_EQ(Get(at1, office).at("version"), 2);
  EXPECT_EQ(Get(done, office).at("version"), 5);
}

TEST_P(ProcessingTest, RefuseWithdrawAndStopEndTheDossier) {
  auto a = Str(Intake("2026-03-02T08:00:00+07:00").at("code"));
  auto d = Do(a, "2026-03-02T09:00:00+07:00", "tiepnhan",
              {{"action", "refuse"}, {"reason", "Không thuộc thẩm quyền"}});
  EXPECT_EQ(d.at("status"), "refused");
  EXPECT_FALSE(d.contains("timeliness"));
  auto b = Str(Intake("2026-03-02T08:00:00+07:00").at("code"));
  Do(b, "2026-03-02T08:30:00+07:00", "tiepnhan", {{"action", "forward"}});
  d = Do(b, "2026-03-02T09:00:00+07:00", "tiepnhan",
         {{"action", "withdraw"}, {"reason", "Người nộp rút hồ sơ"}});
  EXPECT_EQ(d.at("status"), "withdrawn");
  auto c = Str(Intake("2026-03-02T08:00:00+07:00").at("code"));
  Do(c, "2026-03-02T08:30:00+07:00", "tiepnhan", {{"action", "forward"}});
  d = Do(c, "2026-03-02T09:00:00+07:00", "lanhdao.tnmt",
         {{"action", "stop"}, {"reason", "Dừng giải quyết theo đề nghị"}});
  EXPECT_EQ(d.at("status"), "stopped");
  EXPECT_EQ(d.at("events").as_array().back().at("from_step"), 1);
  EXPECT_EQ(d.at("events").as_array().back().at("to_step"), 1);
}

}  // namespace
}  // namespace egov::testing
