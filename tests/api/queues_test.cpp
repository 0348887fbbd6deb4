// Work queues over real HTTP on both engines (docs/workflow.md, "Work queues" and
// "Assignment"): the caller's tasks and a leader's unit queue in due order with their marks at
// chosen instants of the test clock, the menu counts, reassignment and the assignee rule, the
// officers of a step and the allowed actions of the dossier view. The demo's 1.012789 (land
// data): received at the district's office (000.01.99.H48, tiepnhan), step 0 reception 4 h
// there, step 1 specialist 64 h and step 2 leader 8 h at the land department (000.02.99.H48:
// chuyenvien.tnmt, lanhdao.tnmt), step 3 the return; default working hours (07:30–11:30,
// 13:00–17:00), the 2026 calendar.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "demo_api.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "queue_counts.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;

constexpr const char* kLand = "1.012789";
constexpr const char* kPassword = "Một mật khẩu đủ dài";  // of chuyenvien2.tnmt

class QueuesTest : public DemoServerTest {
 protected:
  void SetUp() override {
    ServeDemo("2026-02-02T07:00:00+07:00");
    // A second specialist of the land department, for the assignee rule.
    auto created = c_->Post("/api/v1/users",
                            json::serialize(json::object{{"username", "chuyenvien2.tnmt"},
                                                         {"full_name", "Nguyễn Thị Lan"},
                                                         {"password", kPassword},
                                                         {"agency_code", "000.02.99.H48"},
                                                         {"roles", json::array{"specialist"}}}),
                            "application/json", SignIn(*c_, "quantri"));
    ASSERT_EQ(created.status, 201u) << created.body;
  }

  // A land dossier received at the office at `instant` (Vietnam time, "2026-02-02T08:00").
  std::string Intake(const std::string& instant) { return ReceiveLand(instant + ":00+07:00"); }
  HttpResponse Act(const std::string& code, const Headers& who, const json::object& body) {
    return c_->Post("/api/v1/dossiers/" + code + "/actions", json::serialize(body),
                    "application/json", who);
  }
  json::object Do(const std::string& code, const std::string& instant, const std::string& user,
                  const json::object& body) {
    auto r = Act(code, At(instant + ":00+07:00", user), body);
    EXPECT_EQ(r.status, 200u) << json::serialize(body) << " " << r.body;
    return r.status == 200u ? r.json().as_object() : json::object{};
  }
  HttpResponse Assign(const std::string& code, const Headers& who, const json::value& username,
                      std::optional<std::int64_t> version = std::nullopt) {
    json::object body{{"username", username}};
    if (version) body["version"] = *version;
    Headers headers = who;
    headers["Content-Type"] = "application/json";
    return c_->Send(boost::beast::http::verb::put, "/api/v1/dossiers/" + code + "/assignee",
                    json::serialize(body), headers);
  }
  json::value GetJson(const std::string& target, const Headers& who, unsigned status = 200u) {
    auto r = c_->Get(target, who);
    EXPECT_EQ(r.status, status) << target << " " << r.body;
    return r.status == 200u ? r.json() : json::value{};
  }
  // "code mark due" of each item, one a line: the queue as a reader sees it.
  static std::string Queue(const json::value& list) {
    std::string out;
    for (const auto& item : list.at("items").as_array()) {
      const auto& step = item.at("current_step");
      out += std::string(item.at("code").as_string()).substr(21) + " " +
             (item.at("mark").is_null() ? std::string("-")
                                        : std::string(item.at("mark").as_string())) +
             " " +
             (step.is_null() || step.at("due_at").is_null()
                  ? std::string("-")
                  : std::string(step.at("due_at").as_string()).substr(0, 16)) +
             "\n";
    }
    return out;
  }
  static std::string Actions(const json::value& dossier) {
    std::string out;
    for (const auto& a : dossier.at("allowed_actions").as_array()) {
      out += std::string(out.empty() ? "" : " ") + std::string(a.as_string());
    }
    return out;
  }
  static std::string Field(const HttpResponse& r) {
    const auto answer = r.json();
    const auto& details = answer.at("error").at("details").as_object();
    return details.empty() ? std::string() : std::string(details.begin()->key());
  }

  // Four dossiers: A (0001) and B (0002) forwarded to the land department, B first (so due
  // first), A to chuyenvien.tnmt by name; C (0003) paused for a supplement at the counter;
  // D (0004) at the counter's step.
  void Walk() {
    a_ = Intake("2026-02-02T08:00");
    b_ = Intake("2026-02-02T08:05");
    c_code_ = Intake("2026-02-02T08:10");
    Do(b_, "2026-02-02T08:30", "tiepnhan", {{"action", "forward"}});
    Do(a_, "2026-02-02T09:00", "tiepnhan", {{"action", "forward"}, {"to_user", "chuyenvien.tnmt"}});
    Do(c_code_, "2026-02-02T10:00", "tiepnhan",
       {{"action", "request_supplement"},
        {"reason", "Thiếu giấy tờ"},
        {"missing", json::array{"Bản sao sổ hộ khẩu"}}});
    d_ = Intake("2026-02-02T10:05");
  }

  std::string a_, b_, c_code_, d_;
};

INSTANTIATE_TEST_SUITE_P(Engines, QueuesTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(QueuesTest, MyTasksInDueOrderWithTheirMarks) {
  Walk();
  ASSERT_FALSE(d_.empty());
  // The land department at 10:30: B (forwarded 08:30, 64 h → Thu 12/2 08:30) before A
  // (09:00 → 12/2 09:00), although A's code is smaller; A is assigned to chuyenvien.tnmt.
  auto me = At("2026-02-02T10:30:00+07:00", "chuyenvien.tnmt");
  auto mine = GetJson("/api/v1/tasks", me);
  EXPECT_EQ(Queue(mine), "0002 - 2026-02-12T08:30\n0001 - 2026-02-12T09:00\n");
  EXPECT_EQ(mine.at("total"), 2);
  EXPECT_EQ(mine.at("page"), 1);
  EXPECT_EQ(mine.at("per_page"), 50);
  {
    const auto& item = mine.at("items").at(1);
    EXPECT_EQ(item.at("code"), json::value(a_));
    EXPECT_EQ(item.at("procedure_code"), kLand);
    EXPECT_EQ(item.at("status"), "processing");
    EXPECT_EQ(item.at("applicant_name"), "Phạm Thị Hoa");
    EXPECT_EQ(item.at("receiving_agency"), "000.01.99.H48");
    EXPECT_EQ(std::string(item.at("received_at").as_string()).substr(0, 16), "2026-02-02T08:00");
    EXPECT_EQ(std::string(item.at("due_at").as_string()).substr(0, 16), "2026-02-23T08:00");
    const auto& step = item.at("current_step");
    EXPECT_EQ(step.at("index"), 1);
    EXPECT_EQ(step.at("role"), "specialist");
    EXPECT_EQ(step.at("agency_code"), "000.02.99.H48");
    EXPECT_EQ(step.at("assignee"), "chuyenvien.tnmt");
    EXPECT_TRUE(mine.at("items").at(0).at("current_step").at("assignee").is_null());
  }
  // Paging: one a page, the total stays.
  auto page2 = GetJson("/api/v1/tasks?per_page=1&page=2", me);
  EXPECT_EQ(Queue(page2), "0001 - 2026-02-12T09:00\n");
  EXPECT_EQ(page2.at("total"), 2);
  // Another specialist: only the unassigned B. The counter: D (due 2/2 15:35, 4 working
  // hours from 10:05) due soon, and C paused, last although its code is smaller.
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks", SignIn(*c_, "chuyenvien2.tnmt", kPassword))),
            "0002 - 2026-02-12T08:30\n");
  auto counter = SignIn(*c_, "tiepnhan");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks", counter)),
            "0004 due_soon 2026-02-02T15:35\n0003 paused 2026-02-02T13:40\n");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks?mark=due_soon", counter)),
            "0004 due_soon 2026-02-02T15:35\n");
  EXPECT_EQ(GetJson("/api/v1/tasks?mark=overdue", counter).at("total"), 0);
  // The leader of the district, with no step of their own, has no tasks.
  EXPECT_EQ(GetJson("/api/v1/tasks", SignIn(*c_, "lanhdao")).at("total"), 0);

  // D is due 15:35: still due soon during that minute, overdue from 15:36; C, paused, never.
  counter = At("2026-02-02T15:35:30+07:00", "tiepnhan");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks", counter)),
            "0004 due_soon 2026-02-02T15:35\n0003 paused 2026-02-02T13:40\n");
  counter = At("2026-02-02T15:36:00+07:00", "tiepnhan");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks", counter)),
            "0004 overdue 2026-02-02T15:35\n0003 paused 2026-02-02T13:40\n");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks?mark=overdue", counter)),
            "0004 overdue 2026-02-02T15:35\n");
  EXPECT_EQ(GetJson("/api/v1/tasks?mark=due_soon", counter).at("total"), 0);
  EXPECT_EQ(GetJson("/api/v1/dossiers/" + d_, counter).at("overdue"), true);
  EXPECT_EQ(GetJson("/api/v1/dossiers/" + c_code_, counter).at("overdue"), false);

  // B is due Thu 12/2 08:30: 8 working hours before is Wed 11/2 08:30.
  me = At("2026-02-11T08:29:00+07:00", "chuyenvien.tnmt");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks", me)),
            "0002 - 2026-02-12T08:30\n0001 - 2026-02-12T09:00\n");
  me = At("2026-02-11T08:30:00+07:00", "chuyenvien.tnmt");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks", me)),
            "0002 due_soon 2026-02-12T08:30\n0001 - 2026-02-12T09:00\n");
  auto counts = GetJson("/api/v1/tasks/counts", me);
  EXPECT_EQ(json::serialize(counts), R"({"mine":2,"overdue":0,"due_soon":1,"online":0,"unit":0})");
  me = At("2026-02-12T08:31:00+07:00", "chuyenvien.tnmt");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks", me)),
            "0002 overdue 2026-02-12T08:30\n0001 due_soon 2026-02-12T09:00\n");

  // A bad mark is named.
  auto bad = c_->Get("/api/v1/tasks?mark=paused", me);
  EXPECT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(Field(bad), "mark");
}

TEST_P(QueuesTest, TheUnitQueueOfALeader) {
  Walk();
  auto district = At("2026-02-02T10:30:00+07:00", "lanhdao");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks/unit", district)),
            "0004 due_soon 2026-02-02T15:35\n"
            "0002 - 2026-02-12T08:30\n"
            "0001 - 2026-02-12T09:00\n"
            "0003 paused 2026-02-02T13:40\n");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks/unit?mark=due_soon", district)),
            "0004 due_soon 2026-02-02T15:35\n");
  auto department = SignIn(*c_, "lanhdao.tnmt");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks/unit", department)),
            "0002 - 2026-02-12T08:30\n0001 - 2026-02-12T09:00\n");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks/unit?assignee=none", department)),
            "0002 - 2026-02-12T08:30\n");
  EXPECT_EQ(Queue(GetJson("/api/v1/tasks/unit?assignee=chuyenvien.tnmt", department)),
            "0001 - 2026-02-12T09:00\n");
  EXPECT_EQ(GetJson("/api/v1/tasks/unit", SignIn(*c_, "lanhdao.binhson")).at("total"), 0);
  GetJson("/api/v1/tasks/unit", SignIn(*c_, "tiepnhan"), 403u);
  GetJson("/api/v1/tasks/unit", SignIn(*c_, "chuyenvien.tnmt"), 403u);
  // The counts: the district leader's unit, the counter's tasks; an online submission waits
  // at the counter.
  json::object online{{"procedure_code", kLand},
                      {"channel", "online"},
                      {"agency_code", "000.01.99.H48"},
                      {"applicant", json::object{{"full_name", "Lê Văn Nam"},
                                                 {"id_number", "051090004323"},
                                                 {"phone", "0905 123 458"},
                                                 {"address", "Thôn Bình Trung, huyện Trà Bồng"}}},
                      {"components", CatalogComponents(*c_, kLand)}};
  auto submitted = c_->Post("/api/v1/public/submissions", json::serialize(online));
  ASSERT_EQ(submitted.status, 201u) << submitted.body;
  EXPECT_EQ(json::serialize(GetJson("/api/v1/tasks/counts", district)),
            R"({"mine":0,"overdue":0,"due_soon":0,"online":0,"unit":4})");
  EXPECT_EQ(json::serialize(GetJson("/api/v1/tasks/counts", SignIn(*c_, "tiepnhan"))),
            R"({"mine":2,"overdue":0,"due_soon":1,"online":1,"unit":0})");
}

TEST_P(QueuesTest, ReassignmentIsALeadersEventAndTheAssigneeAloneActs) {
  Walk();
  auto leader = At("2026-02-02T11:00:00+07:00", "lanhdao.tnmt");
  auto b = GetJson("/api/v1/dossiers/" + b_, leader);
  const auto version = b.at("version").as_int64();
  // Refusals change nothing: not a leader 403, unseen 404, wrong role or agency 422, stale 409.
  EXPECT_EQ(Assign(b_, SignIn(*c_, "chuyenvien.tnmt"), "chuyenvien2.tnmt").status, 403u);
  EXPECT_EQ(Assign(b_, SignIn(*c_, "tiepnhan"), "chuyenvien2.tnmt").status, 403u);
  EXPECT_EQ(Assign(b_, SignIn(*c_, "lanhdao.binhson"), "chuyenvien2.tnmt").status, 404u);
  EXPECT_EQ(Assign("000.01.99.H48-260202-9999", leader, "chuyenvien2.tnmt").status, 404u);
  for (const char* wrong : {"lanhdao.tnmt", "chuyenvien.tp", "tiepnhan", "khongco"}) {
    auto r = Assign(b_, leader, wrong);
    EXPECT_EQ(r.status, 422u) << wrong << " " << r.body;
    EXPECT_EQ(Field(r), "username") << wrong;
  }
  EXPECT_EQ(Assign(b_, leader, "chuyenvien2.tnmt", version + 1).status, 409u);
  EXPECT_EQ(GetJson("/api/v1/dossiers/" + b_, leader).at("version"), version);

  auto r = Assign(b_, leader, "chuyenvien2.tnmt", version);
  ASSERT_EQ(r.status, 200u) << r.body;
  auto d = r.json();
  EXPECT_EQ(d.at("version"), version + 1);
  EXPECT_EQ(d.at("current_step").at("assignee"), "chuyenvien2.tnmt");
  {
    const auto& e = d.at("events").as_array().back();
    EXPECT_EQ(e.at("action"), "assign");
    EXPECT_EQ(e.at("actor"), "lanhdao.tnmt");
    EXPECT_EQ(e.at("agency_code"), "000.02.99.H48");
    EXPECT_EQ(e.at("from_step"), 1);
    EXPECT_EQ(e.at("to_step"), 1);
    EXPECT_EQ(e.at("note"), "Giao cho Nguyễn Thị Lan");
    EXPECT_EQ(e.at("to_user"), "chuyenvien2.tnmt");
    EXPECT_EQ(std::string(e.at("step_due_at").as_string()).substr(0, 16), "2026-02-12T08:30");
  }
  // `assign` is no workflow action.
  auto posted = Act(b_, leader, {{"action", "assign"}});
  EXPECT_EQ(posted.status, 422u) << posted.body;
  EXPECT_EQ(Field(posted), "action");

  // The assignee rule: chuyenvien.tnmt may no longer forward B; its assignee may.
  auto other = SignIn(*c_, "chuyenvien.tnmt");
  EXPECT_EQ(Actions(GetJson("/api/v1/dossiers/" + b_, other)), "");
  auto refused = Act(b_, other, {{"action", "forward"}});
  EXPECT_EQ(refused.status, 403u) << refused.body;
  EXPECT_NE(refused.body.find("Nguyễn Thị Lan (chuyenvien2.tnmt)"), std::string::npos)
      << refused.body;
  EXPECT_EQ(GetJson("/api/v1/tasks", other).at("items").at(0).at("code"), json::value(a_));
  auto assignee = SignIn(*c_, "chuyenvien2.tnmt", kPassword);
  EXPECT_EQ(Actions(GetJson("/api/v1/dossiers/" + b_, assignee)),
            "forward send_back request_supplement refuse reschedule stop");
  // The district's leader (an ancestor) clears it: anyone of the step again.
  r = Assign(b_, SignIn(*c_, "lanhdao"), nullptr);
  ASSERT_EQ(r.status, 200u) << r.body;
  d = r.json();
  EXPECT_FALSE(d.at("current_step").as_object().contains("assignee"));
  EXPECT_EQ(d.at("events").as_array().back().at("note"),
            "Bỏ giao xử lý (trước đây: Nguyễn Thị Lan)");
  EXPECT_FALSE(d.at("events").as_array().back().as_object().contains("to_user"));
  auto forwarded = Do(b_, "2026-02-02T11:30", "chuyenvien.tnmt",
                      {{"action", "forward"}, {"to_user", "lanhdao.tnmt"}});
  EXPECT_EQ(forwarded.at("current_step").at("assignee"), "lanhdao.tnmt");

  // A's assignee acts; the other specialist is refused.
  EXPECT_EQ(Act(a_, SignIn(*c_, "chuyenvien2.tnmt", kPassword), {{"action", "forward"}}).status,
            403u);
  Do(a_, "2026-02-02T11:40", "chuyenvien.tnmt", {{"action", "forward"}});
  // Every assignment and hand-off kept the queue counters right.
  EXPECT_GE(db_.QueryInt(kOpenDossiers), 2);
  EXPECT_EQ(db_.QueryInt(kQueueCountsDrift), 0);
}

TEST_P(QueuesTest, OfficersOfAStepAndAllowedActions) {
  Walk();
  auto counter = At("2026-02-02T10:30:00+07:00", "tiepnhan");
  auto names = [](const json::value& list) {
    std::string out;
    for (const auto& o : list.at("items").as_array()) {
      out += std::string(o.at("username").as_string()) + "=" +
             std::string(o.at("full_name").as_string()) + "\n";
    }
    return out;
  };
  // D at the counter's step: the counter's officers now, the land specialists next.
  EXPECT_EQ(names(GetJson("/api/v1/dossiers/" + d_ + "/officers", counter)),
            "tiepnhan=Cán bộ Bộ phận Một cửa\n");
  EXPECT_EQ(names(GetJson("/api/v1/dossiers/" + d_ + "/officers?step=next", counter)),
            "chuyenvien.tnmt=Chuyên viên Phòng Tài nguyên và Môi trường\n"
            "chuyenvien2.tnmt=Nguyễn Thị Lan\n");
  // B at the specialists' step: the department's leader next.
  EXPECT_EQ(names(GetJson("/api/v1/dossiers/" + b_ + "/officers?step=next", counter)),
            "lanhdao.tnmt=Trưởng Phòng Tài nguyên và Môi trường\n");
  GetJson("/api/v1/dossiers/" + d_ + "/officers", SignIn(*c_, "tiepnhan.binhson"), 404u);
  GetJson("/api/v1/dossiers/" + d_ + "/officers?step=later", counter, 422u);

  // Allowed actions: the counter at D's first step, at C paused, a viewer nothing.
  EXPECT_EQ(Actions(GetJson("/api/v1/dossiers/" + d_, counter)),
            "forward request_supplement refuse reschedule withdraw stop");
  EXPECT_EQ(Actions(GetJson("/api/v1/dossiers/" + c_code_, counter)),
            "receive_supplement refuse withdraw stop");
  EXPECT_EQ(Actions(GetJson("/api/v1/dossiers/" + d_, SignIn(*c_, "xem"))), "");
  // The land department may not act on D (not its step), but on A (its assignee).
  auto specialist = SignIn(*c_, "chuyenvien.tnmt");
  EXPECT_EQ(Actions(GetJson("/api/v1/dossiers/" + a_, specialist)),
            "forward send_back request_supplement refuse reschedule stop");
  // An action's answer carries them too; withdrawn, D has no step to hand on (409).
  auto withdrawn = Do(d_, "2026-02-02T10:40", "tiepnhan",
                      {{"action", "withdraw"}, {"reason", "Công dân rút hồ sơ"}});
  EXPECT_EQ(Actions(withdrawn), "");
  GetJson("/api/v1/dossiers/" + d_ + "/officers?step=next", SignIn(*c_, "tiepnhan"), 409u);
}

}  // namespace
}  // namespace egov::testing
