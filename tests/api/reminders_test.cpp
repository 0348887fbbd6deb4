// Reminders and escalation through the real worker pool on both engines (docs/reminders.md):
// the periodic `reminder_scan` job of `egov serve`, run on the test clock at chosen instants.
// - an officer is reminded when 80 % of the step's working time has passed, to the minute,
//   once; the leader hears of the step, then of the dossier, once overdue (through Tết);
// - a notice that falls due on a Friday evening waits out the weekend until Monday 07:30, and
//   one overdue before Tết waits until work resumes; a unit without a leader (the one-stop
//   counter) escalates to its parent's;
// - an incoming document's deadline: the lead unit's leader reminded, the directing leader and
//   the lead unit's told once it is overdue;
// - an officer with an e-mail address gets the notices by e-mail too (a local SMTP receiver).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <thread>

#include "core/calendar/date.hpp"
#include "demo_api.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "notify/testing/receiver_process.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;
using notify::testing::ReceiverProcess;

constexpr const char* kLand = "1.012789";
constexpr const char* kLandUnit = "000.02.99.H48";

struct Notice {
  std::string kind, title, created_at, link;
};

class RemindersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto r = RunEgov({"demo", "--no-dossiers", "--db", db_.url()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  // One worker polling every 20 ms, the scan every minute of the test clock.
  void Serve(const std::string& start_at, const std::string& more_config = "") {
    const std::string config = dir_ + "/egov.toml";
    std::ofstream(config) << "[jobs]\nworkers = 1\nlease_seconds = 30\npoll_ms = 20\n"
                          << "[reminders]\nevery_seconds = 60\nshare_percent = 80\n"
                          << more_config;
    server_ = std::make_unique<EgovServer>(
        db_.url(), std::vector<std::string>{"--public-rate-limit", "0", "--config", config},
        start_at);
    c_ = std::make_unique<HttpClient>(server_->host(), server_->port());
  }

  Headers At(const std::string& instant, const std::string& user) {
    server_->SetTime(instant);
    return SignIn(*c_, user);
  }

  // Moves the clock to `instant` and waits until a scan has run from then (the test clock
  // runs on from the instant it is set to).
  void ScanAt(const std::string& instant) {
    server_->SetTime(instant);
    const auto at = std::to_string(core::calendar::ParseIsoInstant(instant));
    const bool ran = WaitFor([&] {
      return db_.QueryInt(
                 "SELECT COUNT(*) FROM jobs WHERE kind = 'reminder_scan' AND state IN "
                 "('done', 'failed') AND run_at >= " +
                 at) > 0;
    });
    ASSERT_TRUE(ran) << "no scan ran at " << instant;
    EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM jobs WHERE kind = 'reminder_scan' AND state = "
                           "'failed'"),
              0);
  }

  static bool WaitFor(const std::function<bool()>& done, int seconds = 30) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
  }

  // The user's notifications, oldest first.
  std::vector<Notice> Notices(const std::string& user) {
    auto r = c_->Get("/api/v1/notifications", SignIn(*c_, user));
    EXPECT_EQ(r.status, 200u) << r.body;
    std::vector<Notice> out;
    if (r.status != 200u) return out;
    const auto body = r.json();
    for (const auto& item : body.at("items").as_array()) {
      out.insert(out.begin(), {std::string(item.at("kind").as_string()),
                               std::string(item.at("title").as_string()),
                               std::string(item.at("created_at").as_string()).substr(0, 16),
                               std::string(item.at("link").as_string())});
    }
    return out;
  }
  static std::vector<std::string> Kinds(const std::vector<Notice>& notices) {
    std::vector<std::string> out;
    for (const auto& n : notices) out.push_back(n.kind);
    return out;
  }

  // A land dossier received by `tiepnhan` at `instant`: its code.
  std::string Intake(const std::string& instant) {
    json::object body{{"procedure_code", kLand},
                      {"channel", "direct"},
                      {"applicant", json::object{{"full_name", "Phạm Thị Hoa"},
                                                 {"id_number", "051090004322"},
                                                 {"phone", "0905 123 457"},
                                                 {"address", "Thôn Bình Trung, huyện Trà Bồng"}}},
                      {"components", CatalogComponents(*c_, kLand)}};
    auto r = c_->Post("/api/v1/dossiers", json::serialize(body), "application/json",
                      At(instant, "tiepnhan"));
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? std::string(r.json().at("code").as_string()) : "";
  }
  // Forwards `code` at `instant` to the land specialist; the step's due time (to the minute).
  std::string Forward(const std::string& code, const std::string& instant) {
    auto r = c_->Post(
        "/api/v1/dossiers/" + code + "/actions",
        json::serialize(json::object{{"action", "forward"}, {"to_user", "chuyenvien.tnmt"}}),
        "application/json", At(instant, "tiepnhan"));
    EXPECT_EQ(r.status, 200u) << r.body;
    if (r.status != 200u) return "";
    return std::string(r.json().at("current_step").at("due_at").as_string()).substr(0, 16);
  }

  TestDatabase db_{GetParam()};
  std::string dir_ = MakeTempDir();
  std::unique_ptr<EgovServer> server_;
  std::unique_ptr<HttpClient> c_;
};

INSTANTIATE_TEST_SUITE_P(Engines, RemindersTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(RemindersTest, TheOfficerAtEightyPercentThenTheLeaderOnceOverdueToTheMinute) {
  Serve("2026-02-02T08:00:00+07:00");
  const auto code = Intake("2026-02-02T08:00:00+07:00");
  ASSERT_FALSE(code.empty());
  // 64 working hours from Mon 2/2 09:00: Thu 12/2 09:00. 20 % (768 min) is left from Tue
  // 10/2 13:42 (90 on Thursday, 480 on Wednesday, 198 before Tuesday's 17:00).
  ASSERT_EQ(Forward(code, "2026-02-02T09:00:00+07:00"), "2026-02-12T09:00");

  ScanAt("2026-02-10T13:41:00+07:00");
  EXPECT_TRUE(Notices("chuyenvien.tnmt").empty());
  ScanAt("2026-02-10T13:42:00+07:00");
  auto mine = Notices("chuyenvien.tnmt");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].kind, "step_due_soon");
  EXPECT_EQ(mine[0].title, "Sắp đến hạn xử lý hồ sơ " + code);
  EXPECT_EQ(mine[0].created_at, "2026-02-10T13:42");
  EXPECT_EQ(mine[0].link, "/can-bo/ho-so/" + code);
  ScanAt("2026-02-10T14:30:00+07:00");
  EXPECT_EQ(Notices("chuyenvien.tnmt").size(), 1u);  // once

  ScanAt("2026-02-12T09:00:00+07:00");  // due, not yet overdue
  EXPECT_TRUE(Notices("lanhdao.tnmt").empty());
  ScanAt("2026-02-12T09:01:00+07:00");
  auto leader = Notices("lanhdao.tnmt");
  ASSERT_EQ(leader.size(), 1u);
  EXPECT_EQ(leader[0].kind, "step_overdue");
  EXPECT_EQ(leader[0].title, "Quá hạn bước xử lý hồ sơ " + code);
  EXPECT_EQ(leader[0].created_at, "2026-02-12T09:01");
  ScanAt("2026-02-13T10:00:00+07:00");
  EXPECT_EQ(Notices("lanhdao.tnmt").size(), 1u);

  // The dossier is due Mon 23/2 08:00 (10 working days across Tết): the leader hears of it
  // once it has passed, and nobody else.
  ScanAt("2026-02-23T08:00:00+07:00");
  EXPECT_EQ(Notices("lanhdao.tnmt").size(), 1u);
  ScanAt("2026-02-23T08:01:00+07:00");
  leader = Notices("lanhdao.tnmt");
  EXPECT_EQ(Kinds(leader), (std::vector<std::string>{"step_overdue", "dossier_overdue"}));
  EXPECT_EQ(leader.back().title, "Hồ sơ " + code + " đã quá hạn");
  EXPECT_EQ(leader.back().created_at, "2026-02-23T08:01");
  EXPECT_EQ(Kinds(Notices("chuyenvien.tnmt")), (std::vector<std::string>{"step_due_soon"}));
  EXPECT_TRUE(Notices("lanhdao").empty());
  EXPECT_TRUE(Notices("tiepnhan").empty());
}

TEST_P(RemindersTest, AReminderDueOnFridayEveningWaitsOutTheWeekend) {
  Serve("2026-03-05T08:00:00+07:00");
  const auto code = Intake("2026-03-05T08:00:00+07:00");
  ASSERT_FALSE(code.empty());
  // From Thu 5/3 10:00, 64 hours end Tue 17/3 10:00; 768 minutes are left from Fri 13/3 14:42.
  ASSERT_EQ(Forward(code, "2026-03-05T10:00:00+07:00"), "2026-03-17T10:00");
  // No scan ran in Friday's working hours after 14:42 (the worker was down, say).
  ScanAt("2026-03-13T17:05:00+07:00");  // closed
  ScanAt("2026-03-14T10:00:00+07:00");  // Saturday
  ScanAt("2026-03-15T16:00:00+07:00");  // Sunday
  ScanAt("2026-03-16T07:29:00+07:00");  // before opening
  EXPECT_TRUE(Notices("chuyenvien.tnmt").empty());
  ScanAt("2026-03-16T07:30:00+07:00");
  const auto mine = Notices("chuyenvien.tnmt");
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].kind, "step_due_soon");
  EXPECT_EQ(mine[0].created_at, "2026-03-16T07:30");
}

TEST_P(RemindersTest, OverdueBeforeTetTheLeaderHearsWhenWorkResumes) {
  Serve("2026-02-13T13:00:00+07:00");
  // Received Fri 13/2 13:00: the counter's 4 hours end at 17:00; 48 minutes left from 16:12.
  const auto code = Intake("2026-02-13T13:00:00+07:00");
  ASSERT_FALSE(code.empty());
  ScanAt("2026-02-13T16:11:00+07:00");
  EXPECT_TRUE(Notices("tiepnhan").empty());
  ScanAt("2026-02-13T16:12:00+07:00");
  const auto counter = Notices("tiepnhan");  // the step is unassigned: its role at its agency
  ASSERT_EQ(counter.size(), 1u);
  EXPECT_EQ(counter[0].kind, "step_due_soon");
  EXPECT_EQ(counter[0].created_at, "2026-02-13T16:12");

  ScanAt("2026-02-13T17:30:00+07:00");  // overdue, but the office is closed
  ScanAt("2026-02-17T09:00:00+07:00");  // Tết
  ScanAt("2026-02-20T10:00:00+07:00");  // Tết
  ScanAt("2026-02-23T07:29:00+07:00");
  EXPECT_TRUE(Notices("lanhdao").empty());
  ScanAt("2026-02-23T07:30:00+07:00");
  // The counter (Văn phòng) has no leader: the district's leader hears of it.
  const auto leader = Notices("lanhdao");
  ASSERT_EQ(leader.size(), 1u);
  EXPECT_EQ(leader[0].kind, "step_overdue");
  EXPECT_EQ(leader[0].title, "Quá hạn bước xử lý hồ sơ " + code);
  EXPECT_EQ(leader[0].created_at, "2026-02-23T07:30");
  EXPECT_EQ(Notices("tiepnhan").size(), 1u);
}

TEST_P(RemindersTest, ADirectedDocumentsDeadlineRemindsTheLeadUnitThenTellsTheLeaders) {
  ReceiverProcess receiver("smtp_receiver.py", {});
  Serve("2026-03-02T08:00:00+07:00",
        "[mail]\nsmtp_url = \"smtp://127.0.0.1:" + std::to_string(receiver.port()) +
            "\"\nfrom = \"Egov Trà Bồng <khongtraloi@example.vn>\"\n");
  // The land unit's leader has an address; the district's leader has none.
  auto admin = At("2026-03-02T08:00:00+07:00", "quantri");
  admin["Content-Type"] = "application/json";
  auto patch =
      c_->Send(boost::beast::http::verb::patch, "/api/v1/users/lanhdao.tnmt",
               json::serialize(json::object{{"email", "truongphong.tnmt@example.vn"}}), admin);
  ASSERT_EQ(patch.status, 200u) << patch.body;
  EXPECT_EQ(patch.json().at("email"), "truongphong.tnmt@example.vn");

  auto reg =
      c_->Post("/api/v1/documents/incoming",
               json::serialize(json::object{{"issuer_name", "Sở Tài nguyên và Môi trường"},
                                            {"number_notation", "20/STNMT-VP"},
                                            {"issued_on", "2026-02-27"},
                                            {"type", "CV"},
                                            {"subject", "Đề nghị báo cáo tình hình đất đai"}}),
               "application/json", At("2026-03-02T08:30:00+07:00", "vanthu"));
  ASSERT_EQ(reg.status, 201u) << reg.body;
  const auto id = reg.json().at("id").as_int64();
  // Directed Mon 2/3 09:00 with the deadline Tue 10/3 (its 17:00): 3,270 working minutes;
  // 20 % (654) left from Mon 9/3 14:06.
  auto directed =
      c_->Post("/api/v1/documents/" + std::to_string(id) + "/actions",
               json::serialize(json::object{
                   {"action", "direct"}, {"lead", kLandUnit}, {"deadline", "2026-03-10"}}),
               "application/json", At("2026-03-02T09:00:00+07:00", "lanhdao"));
  ASSERT_EQ(directed.status, 200u) << directed.body;

  ScanAt("2026-03-09T14:05:00+07:00");
  EXPECT_TRUE(Notices("lanhdao.tnmt").empty());
  ScanAt("2026-03-09T14:06:00+07:00");
  auto unit = Notices("lanhdao.tnmt");
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].kind, "document_due_soon");
  EXPECT_EQ(unit[0].title, "Sắp đến hạn xử lý văn bản 20/STNMT-VP");
  EXPECT_EQ(unit[0].link, "/can-bo/van-ban/" + std::to_string(id));
  EXPECT_EQ(unit[0].created_at, "2026-03-09T14:06");
  EXPECT_TRUE(Notices("lanhdao").empty());

  ScanAt("2026-03-10T16:59:00+07:00");  // still due
  ScanAt("2026-03-10T17:01:00+07:00");  // overdue, closed
  EXPECT_EQ(Notices("lanhdao.tnmt").size(), 1u);
  ScanAt("2026-03-11T07:30:00+07:00");
  EXPECT_EQ(Kinds(Notices("lanhdao.tnmt")),
            (std::vector<std::string>{"document_due_soon", "document_overdue"}));
  const auto directing = Notices("lanhdao");
  ASSERT_EQ(directing.size(), 1u);
  EXPECT_EQ(directing[0].kind, "document_overdue");
  EXPECT_EQ(directing[0].title, "Văn bản 20/STNMT-VP đã quá hạn xử lý");
  EXPECT_EQ(directing[0].created_at, "2026-03-11T07:30");

  // The land unit's leader got each scan's notices by e-mail: two messages.
  ASSERT_TRUE(WaitFor([&] { return std::filesystem::exists(receiver.out() + "/2.json"); }));
  const auto first = json::parse(receiver.File("1.json"));
  EXPECT_EQ(first.at("rcpt_tos").as_array()[0].as_string(), "truongphong.tnmt@example.vn");
  EXPECT_EQ(first.at("headers").at("Subject").as_string(), "Sắp đến hạn xử lý văn bản 20/STNMT-VP");
  const std::string body(first.at("body").as_string());
  EXPECT_NE(body.find("Văn bản 20/STNMT-VP “Đề nghị báo cáo tình hình đất đai” phải xử lý xong "
                      "trước 17:00 ngày 10/03/2026."),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("http://" + server_->host() + ":" + std::to_string(server_->port()) +
                      "/can-bo/van-ban/" + std::to_string(id)),
            std::string::npos)
      << body;
  const auto second = json::parse(receiver.File("2.json"));
  EXPECT_EQ(second.at("headers").at("Subject").as_string(), "Văn bản 20/STNMT-VP đã quá hạn xử lý");
  EXPECT_FALSE(std::filesystem::exists(receiver.out() + "/3.json"));  // none for lanhdao
}

TEST_P(RemindersTest, AfterTheUnitHandsADocumentToAnOfficerTheOfficerIsReminded) {
  Serve("2026-03-02T08:00:00+07:00");
  auto reg = c_->Post("/api/v1/documents/incoming",
                      json::serialize(json::object{{"issuer_name", "Sở Tài nguyên và Môi trường"},
                                                   {"number_notation", "21/STNMT-VP"},
                                                   {"issued_on", "2026-02-27"},
                                                   {"type", "CV"},
                                                   {"subject", "Đề nghị rà soát quỹ đất công"}}),
                      "application/json", At("2026-03-02T08:30:00+07:00", "vanthu"));
  ASSERT_EQ(reg.status, 201u) << reg.body;
  const auto path =
      "/api/v1/documents/" + std::to_string(reg.json().at("id").as_int64()) + "/actions";
  auto directed =
      c_->Post(path,
               json::serialize(json::object{
                   {"action", "direct"}, {"lead", kLandUnit}, {"deadline", "2026-03-10"}}),
               "application/json", At("2026-03-02T09:00:00+07:00", "lanhdao"));
  ASSERT_EQ(directed.status, 200u) << directed.body;
  auto assigned = c_->Post(
      path, json::serialize(json::object{{"action", "assign"}, {"user", "chuyenvien.tnmt"}}),
      "application/json", At("2026-03-02T09:30:00+07:00", "lanhdao.tnmt"));
  ASSERT_EQ(assigned.status, 200u) << assigned.body;

  ScanAt("2026-03-09T14:06:00+07:00");  // the share of the same allotment as above
  EXPECT_EQ(Kinds(Notices("chuyenvien.tnmt")), (std::vector<std::string>{"document_due_soon"}));
  EXPECT_TRUE(Notices("lanhdao.tnmt").empty());
  ScanAt("2026-03-11T07:30:00+07:00");
  EXPECT_EQ(Kinds(Notices("chuyenvien.tnmt")),
            (std::vector<std::string>{"document_due_soon", "document_overdue"}));
  EXPECT_EQ(Kinds(Notices("lanhdao.tnmt")), (std::vector<std::string>{"document_overdue"}));
  EXPECT_EQ(Kinds(Notices("lanhdao")), (std::vector<std::string>{"document_overdue"}));
}

}  // namespace
}  // namespace egov::testing
