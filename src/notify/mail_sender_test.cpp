// The SMTP sender against a real local receiver (tests/support/smtp_receiver.py, aiosmtpd)
// that the test starts on a free port: the message as delivered (envelope, headers, the body
// decoded to the character), a receiver that refuses the first attempts and then accepts,
// STARTTLS with a throwaway self-signed certificate (and tls = "required" against a server
// that does not offer it), AUTH, a refused recipient and a closed port.
#include "notify/mail_sender.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json.hpp>
#include <filesystem>

#include "core/calendar/date.hpp"
#include "core/testing/fake_clock.hpp"
#include "notify/testing/receiver_process.hpp"

namespace egov::notify {
namespace {

using testing::ReceiverProcess;

std::string Text(const boost::json::value& v, std::string_view key) {
  return std::string(v.at(key).as_string());
}

MailMessage Message() {
  MailMessage m;
  m.to = {"Nguyễn Thị Ánh Tuyết", "tuyet@example.vn"};
  m.subject = "Hồ sơ 000.00.53.H48-260105-0001 đã được tiếp nhận";
  m.text =
      "Kính gửi Ông/Bà Nguyễn Thị Ánh Tuyết,\n\nThời gian hẹn trả kết quả: 16 giờ 59 phút, "
      "ngày 25/02/2026\n.\n..dòng bắt đầu bằng dấu chấm";
  m.id = "notice.42.000.00.53.H48-260105-0001";
  return m;
}

class MailSenderTest : public ::testing::Test {
 protected:
  SmtpSettings Settings(int port, const std::string& scheme = "smtp") {
    SmtpSettings s;
    s.url = scheme + "://127.0.0.1:" + std::to_string(port);
    s.from = {"Egov Trà Bồng", "khongtraloi@example.vn"};
    s.connect_timeout_seconds = 5;
    s.timeout_seconds = 20;
    return s;
  }
  core::testing::FakeClock clock_{core::calendar::ParseIsoInstant("2026-02-13T16:59:07+07:00")};
};

TEST_F(MailSenderTest, DeliversAProperMimeMessage) {
  ReceiverProcess receiver("smtp_receiver.py", {});
  SmtpMailSender sender(Settings(receiver.port()), clock_);
  sender.Send(Message());
  const auto got = boost::json::parse(receiver.File("1.json"));
  EXPECT_EQ(Text(got, "mail_from"), "khongtraloi@example.vn");
  ASSERT_EQ(got.at("rcpt_tos").as_array().size(), 1u);
  EXPECT_EQ(got.at("rcpt_tos").as_array()[0].as_string(), "tuyet@example.vn");
  EXPECT_FALSE(got.at("tls").as_bool());  // none offered: smtp:// goes on in clear
  const auto& h = got.at("headers");
  EXPECT_EQ(Text(h, "From"), "Egov Trà Bồng <khongtraloi@example.vn>");
  EXPECT_EQ(Text(h, "To"), "Nguyễn Thị Ánh Tuyết <tuyet@example.vn>");
  EXPECT_EQ(Text(h, "Subject"), "Hồ sơ 000.00.53.H48-260105-0001 đã được tiếp nhận");
  EXPECT_EQ(Text(h, "Date"), "Fri, 13 Feb 2026 16:59:07 +0700");
  EXPECT_EQ(Text(h, "Message-ID"), "<notice.42.000.00.53.H48-260105-0001@example.vn>");
  EXPECT_EQ(Text(h, "MIME-Version"), "1.0");
  EXPECT_EQ(Text(got, "content_type"), "text/plain");
  EXPECT_EQ(Text(got, "charset"), "utf-8");
  EXPECT_EQ(Text(got, "transfer_encoding"), "base64");
  EXPECT_EQ(Text(got, "body"), Message().text);
  // The raw subject is RFC 2047: no 8-bit byte in any header.
  const std::string raw = Text(got, "raw");
  const std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  for (char c : head) ASSERT_LT(static_cast<unsigned char>(c), 0x80) << head;
}

TEST_F(MailSenderTest, AReceiverThatRefusesTheFirstAttemptsIsATemporaryFailure) {
  ReceiverProcess receiver("smtp_receiver.py", {"--refuse", "2"});
  SmtpMailSender sender(Settings(receiver.port()), clock_);
  for (int attempt = 1; attempt <= 2; ++attempt) {
    try {
      sender.Send(Message());
      FAIL() << "attempt " << attempt << " was accepted";
    } catch (const DeliveryError& e) {
      EXPECT_FALSE(e.permanent()) << e.what();
      EXPECT_NE(std::string(e.what()).find("451"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(receiver.Count(), 0);
  sender.Send(Message());  // the third attempt is accepted
  const auto got = boost::json::parse(receiver.File("1.json"));
  EXPECT_EQ(Text(got, "body"), Message().text);
  EXPECT_EQ(receiver.File("attempts"), "tuyet@example.vn\ntuyet@example.vn\ntuyet@example.vn\n");
}

TEST_F(MailSenderTest, ARefusedRecipientIsPermanent) {
  ReceiverProcess receiver("smtp_receiver.py", {"--reject-rcpt"});
  SmtpMailSender sender(Settings(receiver.port()), clock_);
  try {
    sender.Send(Message());
    FAIL() << "accepted";
  } catch (const DeliveryError& e) {
    EXPECT_TRUE(e.permanent()) << e.what();
    EXPECT_NE(std::string(e.what()).find("550"), std::string::npos) << e.what();
  }
}

TEST_F(MailSenderTest, AnAddressThatIsNotPlainIsPermanentAndNothingIsSent) {
  ReceiverProcess receiver("smtp_receiver.py", {});
  SmtpMailSender sender(Settings(receiver.port()), clock_);
  auto m = Message();
  m.to.address = "tuyet@example.vn>\r\nRCPT TO:<other@example.vn";
  try {
    sender.Send(m);
    FAIL() << "accepted";
  } catch (const DeliveryError& e) {
    EXPECT_TRUE(e.permanent()) << e.what();
  }
  EXPECT_EQ(receiver.Count(), 0);
}

TEST_F(MailSenderTest, AClosedPortIsATemporaryFailure) {
  int port = 0;
  {
    ReceiverProcess receiver("smtp_receiver.py", {});
    port = receiver.port();
  }  // stopped: nothing listens there now
  SmtpMailSender sender(Settings(port), clock_);
  try {
    sender.Send(Message());
    FAIL() << "accepted";
  } catch (const DeliveryError& e) {
    EXPECT_FALSE(e.permanent()) << e.what();
  }
}

// A throwaway self-signed certificate for 127.0.0.1 in a fresh folder.
class TlsMailSenderTest : public MailSenderTest {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "egov-tls-XXXXXX").string();
    ASSERT_TRUE(::mkdtemp(pattern.data()));
    dir_ = pattern;
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext "
        "subjectAltName=IP:127.0.0.1 -keyout " +
        dir_ + "/key.pem -out " + dir_ + "/cert.pem 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string dir_;
};

TEST_F(TlsMailSenderTest, StartTlsIsUsedWhenOfferedAndAuthenticates) {
  ReceiverProcess receiver("smtp_receiver.py", {"--tls", dir_ + "/cert.pem", dir_ + "/key.pem",
                                                "--auth", "egov:mật-khẩu"});
  auto settings = Settings(receiver.port());
  settings.ca_file = dir_ + "/cert.pem";
  settings.username = "egov";
  settings.password = "mật-khẩu";
  SmtpMailSender sender(settings, clock_);
  sender.Send(Message());
  const auto got = boost::json::parse(receiver.File("1.json"));
  EXPECT_TRUE(got.at("tls").as_bool());
  EXPECT_TRUE(got.at("authenticated").as_bool());
  EXPECT_EQ(Text(got, "login"), "egov");
  EXPECT_EQ(Text(got, "body"), Message().text);
}

TEST_F(TlsMailSenderTest, AWrongPasswordIsRefusedAndNothingIsSent) {
  ReceiverProcess receiver("smtp_receiver.py", {"--tls", dir_ + "/cert.pem", dir_ + "/key.pem",
                                                "--auth", "egov:mật-khẩu"});
  auto settings = Settings(receiver.port());
  settings.ca_file = dir_ + "/cert.pem";
  settings.username = "egov";
  settings.password = "sai";
  SmtpMailSender sender(settings, clock_);
  try {
    sender.Send(Message());
    FAIL() << "sent with a wrong password";
  } catch (const DeliveryError& e) {
    EXPECT_FALSE(e.permanent()) << e.what();  // a configuration an administrator can fix
  }
  EXPECT_EQ(receiver.Count(), 0);
}

TEST_F(TlsMailSenderTest, TheCertificateIsVerified) {
  ReceiverProcess receiver("smtp_receiver.py", {"--tls", dir_ + "/cert.pem", dir_ + "/key.pem"});
  SmtpMailSender sender(Settings(receiver.port()), clock_);  // the system's CAs only
  EXPECT_THROW(sender.Send(Message()), DeliveryError);
  EXPECT_EQ(receiver.Count(), 0);
}

TEST_F(TlsMailSenderTest, RequiredTlsIsNeverSkipped) {
  ReceiverProcess receiver("smtp_receiver.py", {});  // offers no STARTTLS
  auto settings = Settings(receiver.port());
  settings.tls_required = true;
  SmtpMailSender sender(settings, clock_);
  try {
    sender.Send(Message());
    FAIL() << "sent without TLS";
  } catch (const DeliveryError& e) {
    EXPECT_FALSE(e.permanent()) << e.what();
  }
  EXPECT_EQ(receiver.Count(), 0);
}

}  // namespace
}  // namespace egov::notify
