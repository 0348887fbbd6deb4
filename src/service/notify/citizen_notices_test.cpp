// Citizen notices end to end below the jobs: the dossier service on a real SQLite database (the
// demo world), its events sent by the real SMTP sender to a local aiosmtpd receiver and by
// the real HTTP gateway to a local HTTP receiver (tests/support/*.py), both started here on
// free ports. Texts compared to the character; which failures throw (retry) and which do not.
#include "service/notify/citizen_notices.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <stdlib.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/calendar/date.hpp"
#include "core/testing/fake_clock.hpp"
#include "notify/testing/receiver_process.hpp"
#include "service/access/auth.hpp"
#include "service/access/directory.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/demo/demo.hpp"
#include "service/dossier/dossiers.hpp"
#include "service/security/crypto.hpp"
#include "store/access/users.hpp"
#include "store/migrations.hpp"

namespace egov::service::notify {
namespace {

using core::calendar::ParseIsoInstant;
using core::dossier::Action;
using egov::notify::testing::ReceiverProcess;

std::string Text(const boost::json::value& v, std::string_view key) {
  return std::string(v.at(key).as_string());
}

class CitizenNoticesTest : public ::testing::Test {
 protected:
  static std::string MakeDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egov-notices-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }
  static access::AccessSettings CheapHashing() {
    access::AccessSettings settings;
    settings.hashing = {1, 8192};
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

  core::access::Caller Reception() {
    store::Session s(db_);
    auto user = store::access::FindUserByUsername(s, "tiepnhan.traso");
    if (!user) throw std::runtime_error("no demo user");
    return access::CallerFromUser(*user);
  }
  // 1.004873 at the counter of xã Trà Sơn on Fri 13/3/2026 16:00: due Wed 18/3 16:00
  // (service/dossier/intake_test.cpp).
  dossier::DossierView Intake(const std::string& email) {
    clock_.Set(ParseIsoInstant("2026-03-13T16:00:00+07:00"));
    dossier::IntakeInput input;
    input.procedure_code = "1.004873";
    input.channel = core::dossier::Channel::kDirect;
    input.applicant = {"Nguyễn Thị Ánh Tuyết", "051090001234", "0912345678", email,
                       "Thôn 1, xã Trà Sơn, huyện Trà Bồng"};
    input.components = catalog_.Definition("1.004873", std::nullopt).components;
    return dossiers_.Intake(Reception(), input, std::nullopt);
  }
  dossier::DossierView Act(const std::string& code, dossier::ActionInput input) {
    return dossiers_.Act(Reception(), code, input);
  }
  // The dossier_events id of the dossier's latest event.
  std::int64_t LastEventId(const dossier::DossierView& v) {
    store::Session s(db_);
    long long dossier_id = v.dossier.id, id = 0;
    s.sql() << "SELECT MAX(id) FROM dossier_events WHERE dossier_id = :d",
        soci::use(dossier_id, "d"), soci::into(id);
    return id;
  }
  std::string Lookup(const dossier::DossierView& v) const {
    return "https://dichvucong.example.vn/tra-cuu/" + v.dossier.code;
  }
  boost::json::value Mail(int n) {
    return boost::json::parse(smtp_.File(std::to_string(n) + ".json"));
  }
  boost::json::value Sms(int n) {
    const auto request = boost::json::parse(http_.File(std::to_string(n) + ".json"));
    return boost::json::parse(request.at("body").as_string());
  }

  std::string dir_ = MakeDir();
  store::Database db_{"sqlite:" + dir_ + "/egov.db", 4};
  core::testing::FakeClock clock_{ParseIsoInstant("2026-01-05T08:00:00+07:00")};
  access::AccessSettings settings_ = CheapHashing();
  access::Directory directory_{db_, clock_, settings_, {}};
  calendar::CalendarService calendar_{db_, clock_};
  catalog::Catalog catalog_{db_, clock_};
  store::FileStore files_{dir_ + "/files"};
  dossier::Dossiers dossiers_{db_, clock_, calendar_, catalog_, files_};

  ReceiverProcess smtp_{"smtp_receiver.py", {}};
  ReceiverProcess http_{"http_receiver.py", {"--statuses", "200"}};
  egov::notify::SmtpMailSender mail_{{.url = "smtp://127.0.0.1:" + std::to_string(smtp_.port()),
                                      .from = {"Egov", "khongtraloi@example.vn"}},
                                     clock_};
  egov::notify::HttpSmsGateway sms_{
      {.url = "http://127.0.0.1:" + std::to_string(http_.port()) + "/sms",
       .body_template = R"({"to":"{phone}","text":"{text}"})"}};
  std::string base_ = "https://dichvucong.example.vn";
  CitizenNotices notices_{db_, mail_, sms_, base_};
};

TEST_F(CitizenNoticesTest, ReceivedGoesByMailAndSms) {
  const auto v = Intake("tuyet@example.vn");
  const auto outcome = notices_.Send(v.dossier.code, "received", LastEventId(v));
  EXPECT_TRUE(outcome.email_sent);
  EXPECT_TRUE(outcome.sms_sent);
  const auto mail = Mail(1);
  EXPECT_EQ(Text(mail, "mail_from"), "khongtraloi@example.vn");
  EXPECT_EQ(mail.at("rcpt_tos").as_array()[0].as_string(), "tuyet@example.vn");
  EXPECT_EQ(Text(mail.at("headers"), "To"), "Nguyễn Thị Ánh Tuyết <tuyet@example.vn>");
  EXPECT_EQ(Text(mail.at("headers"), "Subject"),
            "Hồ sơ 000.21.99.H48-260313-0001 đã được tiếp nhận");
  EXPECT_EQ(Text(mail.at("headers"), "Message-ID"),
            "<notice." + std::to_string(LastEventId(v)) + ".000.21.99.H48-260313-0001@example.vn>");
  EXPECT_EQ(Text(mail, "body"),
            "Kính gửi Ông/Bà Nguyễn Thị Ánh Tuyết,\n\n"
            "UBND xã Trà Sơn đã tiếp nhận hồ sơ của Ông/Bà.\n\n"
            "Mã hồ sơ: 000.21.99.H48-260313-0001\n"
            "Thủ tục: Thủ tục cấp Giấy xác nhận tình trạng hôn nhân\n"
            "Thời gian hẹn trả kết quả: 16 giờ 00 phút, ngày 18/03/2026\n\n"
            "Xin Ông/Bà giữ mã hồ sơ để tra cứu và nhận kết quả.\n\n"
            "Tra cứu tình trạng hồ sơ tại: "
            "https://dichvucong.example.vn/tra-cuu/000.21.99.H48-260313-0001\n\n"
            "Đây là thư gửi tự động, xin Ông/Bà không trả lời thư này.\n"
            "Bộ phận tiếp nhận và trả kết quả, UBND xã Trà Sơn");
  // No ID number and no address in what was sent.
  EXPECT_EQ(Text(mail, "raw").find("051090001234"), std::string::npos);
  const auto sms = Sms(1);
  EXPECT_EQ(Text(sms, "to"), "0912345678");
  EXPECT_EQ(Text(sms, "text"),
            "Hồ sơ 000.21.99.H48-260313-0001 đã được tiếp nhận. Hẹn trả kết quả: 16:00 ngày "
            "18/03/2026. Thủ tục: Thủ tục cấp Giấy xác nhận tình trạng hôn nhân. Tra cứu: "
            "https://dichvucong.example.vn/tra-cuu/000.21.99.H48-260313-0001");
}

TEST_F(CitizenNoticesTest, SupplementAndRefusalCarryTheEventsNote) {
  const auto v = Intake("tuyet@example.vn");
  clock_.Set(ParseIsoInstant("2026-03-13T16:30:00+07:00"));
  dossier::ActionInput ask;
  ask.action = Action::kRequestSupplement;
  ask.reason = "Thiếu giấy tờ";
  ask.missing = {"Giấy xác nhận nơi cư trú", "Bản sao CCCD"};
  const auto asked = Act(v.dossier.code, ask);
  const std::int64_t ask_id = LastEventId(asked);
  notices_.Send(v.dossier.code, "supplement_needed", ask_id);
  EXPECT_NE(Text(Mail(1), "body")
                .find("Thành phần cần bổ sung:\n- Giấy xác nhận nơi cư trú\n- Bản sao CCCD\n\n"
                      "Lý do: Thiếu giấy tờ.\n\n"),
            std::string::npos)
      << Text(Mail(1), "body");
  EXPECT_EQ(Text(Sms(1), "text"),
            "Hồ sơ 000.21.99.H48-260313-0001 cần bổ sung: Giấy xác nhận nơi cư trú; Bản sao "
            "CCCD. Lý do: Thiếu giấy tờ. Tra cứu: " +
                Lookup(v));

  dossier::ActionInput refuse;
  refuse.action = Action::kRefuse;
  refuse.reason = "Hồ sơ không thuộc thẩm quyền";
  const auto refused = Act(v.dossier.code, refuse);
  notices_.Send(v.dossier.code, "refused", LastEventId(refused));
  EXPECT_EQ(Text(Mail(2).at("headers"), "Subject"),
            "Hồ sơ 000.21.99.H48-260313-0001 bị từ chối tiếp nhận giải quyết");
  EXPECT_NE(Text(Mail(2), "body").find("Lý do: Hồ sơ không thuộc thẩm quyền.\n"),
            std::string::npos);
  // The earlier event is still told as it was: its own note, not the dossier's state now.
  notices_.Send(v.dossier.code, "supplement_needed", ask_id);
  EXPECT_EQ(Text(Mail(3), "body"), Text(Mail(1), "body"));
}

TEST_F(CitizenNoticesTest, DelayedGivesTheOldAndTheNewAppointment) {
  const auto v = Intake("tuyet@example.vn");
  clock_.Set(ParseIsoInstant("2026-03-16T09:00:00+07:00"));
  dossier::ActionInput later;
  later.action = Action::kReschedule;
  later.reason = "Cần xác minh thêm";
  later.new_due_at = ParseIsoInstant("2026-03-25T16:00:00+07:00");
  const auto moved = Act(v.dossier.code, later);
  notices_.Send(v.dossier.code, "delayed", LastEventId(moved));
  EXPECT_NE(Text(Mail(1), "body")
                .find("Lý do: Cần xác minh thêm.\n"
                      "Thời gian hẹn trước đây: 16 giờ 00 phút, ngày 18/03/2026\n"
                      "Thời gian hẹn trả kết quả mới: 16 giờ 00 phút, ngày 25/03/2026\n"),
            std::string::npos)
      << Text(Mail(1), "body");
}

TEST_F(CitizenNoticesTest, WithoutAnAddressOnlyTheSmsGoes) {
  const auto v = Intake("");
  const auto outcome = notices_.Send(v.dossier.code, "received", LastEventId(v));
  EXPECT_FALSE(outcome.email_sent);
  EXPECT_TRUE(outcome.sms_sent);
  ASSERT_EQ(outcome.notes.size(), 1u);
  EXPECT_NE(outcome.notes[0].find("no e-mail address"), std::string::npos);
  EXPECT_EQ(Text(Sms(1), "to"), "0912345678");
  EXPECT_EQ(smtp_.Count(), 0);
}

TEST_F(CitizenNoticesTest, AWrongPayloadSendsNothingAndDoesNotThrow) {
  const auto v = Intake("tuyet@example.vn");
  const std::int64_t id = LastEventId(v);
  for (const auto& [code, event, event_id] :
       std::vector<std::tuple<std::string, std::string, std::int64_t>>{
           {v.dossier.code, "receive", id},                // no such event name
           {v.dossier.code, "refused", id},                // the event is an intake
           {"000.21.99.H48-260313-0099", "received", id},  // no such dossier
           {v.dossier.code, "received", id + 1000},        // no such event
       }) {
    NoticeOutcome outcome;
    EXPECT_NO_THROW(outcome = notices_.Send(code, event, event_id)) << event;
    EXPECT_FALSE(outcome.email_sent);
    EXPECT_FALSE(outcome.sms_sent);
    EXPECT_EQ(outcome.notes.size(), 1u);
  }
  // An event of another dossier is not this one's.
  const auto other = Intake("khac@example.vn");
  EXPECT_FALSE(notices_.Send(v.dossier.code, "received", LastEventId(other)).email_sent);
  EXPECT_EQ(smtp_.Count(), 0);
  EXPECT_EQ(http_.Count(), 0);
}

TEST_F(CitizenNoticesTest, ATemporaryMailFailureThrowsAfterTheSmsWent) {
  ReceiverProcess refusing("smtp_receiver.py", {"--refuse", "1"});
  egov::notify::SmtpMailSender mail({.url = "smtp://127.0.0.1:" + std::to_string(refusing.port()),
                                     .from = {"Egov", "khongtraloi@example.vn"}},
                                    clock_);
  CitizenNotices notices(db_, mail, sms_, base_);
  const auto v = Intake("tuyet@example.vn");
  EXPECT_THROW(notices.Send(v.dossier.code, "received", LastEventId(v)), std::runtime_error);
  EXPECT_EQ(refusing.Count(), 0);
  EXPECT_EQ(http_.Count(), 1);  // the SMS went all the same
  // The job's next attempt: both channels again.
  const auto outcome = notices.Send(v.dossier.code, "received", LastEventId(v));
  EXPECT_TRUE(outcome.email_sent);
  EXPECT_EQ(Text(boost::json::parse(refusing.File("1.json")).at("headers"), "Subject"),
            "Hồ sơ 000.21.99.H48-260313-0001 đã được tiếp nhận");
  EXPECT_EQ(http_.Count(), 2);
}

TEST_F(CitizenNoticesTest, APermanentSmsRefusalDoesNotThrow) {
  ReceiverProcess refusing("http_receiver.py", {"--statuses", "400"});
  egov::notify::HttpSmsGateway sms(
      {.url = "http://127.0.0.1:" + std::to_string(refusing.port()) + "/sms",
       .body_template = "{phone} {text}",
       .content_type = "text/plain"});
  CitizenNotices notices(db_, mail_, sms, base_);
  const auto v = Intake("tuyet@example.vn");
  NoticeOutcome outcome;
  EXPECT_NO_THROW(outcome = notices.Send(v.dossier.code, "received", LastEventId(v)));
  EXPECT_TRUE(outcome.email_sent);
  EXPECT_FALSE(outcome.sms_sent);
  ASSERT_EQ(outcome.notes.size(), 1u);
  EXPECT_NE(outcome.notes[0].find("HTTP 400"), std::string::npos) << outcome.notes[0];
}

}  // namespace
}  // namespace egov::service::notify
