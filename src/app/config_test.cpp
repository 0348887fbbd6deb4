#include "app/config.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace egov::app {
namespace {

TEST(PublicBaseUrl, IsNormalisedWithoutATrailingSlash) {
  EXPECT_EQ(NormalizePublicBaseUrl("https://dichvucong.quangngai.gov.vn/"),
            "https://dichvucong.quangngai.gov.vn");
  EXPECT_EQ(NormalizePublicBaseUrl("https://dichvucong.quangngai.gov.vn"),
            "https://dichvucong.quangngai.gov.vn");
  EXPECT_EQ(NormalizePublicBaseUrl("http://10.0.0.5:8080/egov//"), "http://10.0.0.5:8080/egov");
  EXPECT_EQ(NormalizePublicBaseUrl("HTTPS://egov.example.vn"), "https://egov.example.vn");
  EXPECT_EQ(NormalizePublicBaseUrl("http://[::1]:8080"), "http://[::1]:8080");
}

TEST(PublicBaseUrl, RefusesWhatIsNotAnAbsoluteHttpUrlWithoutQueryOrFragment) {
  for (const char* bad :
       {"", "dichvucong.quangngai.gov.vn", "/egov", "//egov.example.vn", "ftp://egov.example.vn",
        "javascript:alert(1)", "http:egov", "http://", "https://egov.example.vn/?a=1",
        "https://egov.example.vn/?", "https://egov.example.vn/#x", "https://user:pw@egov.vn",
        "https://egov .vn", "https://egov.vn/\n"}) {
    EXPECT_THROW(NormalizePublicBaseUrl(bad), std::runtime_error) << bad;
  }
}

TEST(Validate, DefaultsAndNormalisesThePublicBaseUrl) {
  Config config;
  config.listen = "127.0.0.1:0";
  Validate(config);
  EXPECT_EQ(config.public_base_url, "");  // filled by RunServe with the bound port
  config.public_base_url = "https://egov.example.vn/";
  Validate(config);
  EXPECT_EQ(config.public_base_url, "https://egov.example.vn");
  config.public_base_url = "https://egov.example.vn/?x";
  EXPECT_THROW(Validate(config), std::runtime_error);
}

TEST(Validate, TheTestClockOnlyOnLoopback) {
  for (const char* listen : {"127.0.0.1:0", "127.0.0.2:8080", "localhost:8080", "[::1]:0"}) {
    Config config;
    config.listen = listen;
    config.test_clock_file = "/tmp/clock";
    EXPECT_NO_THROW(Validate(config)) << listen;
  }
  for (const char* listen : {"0.0.0.0:8080", "10.0.0.5:8080", "[::]:8080", "egov.example.vn:80"}) {
    Config config;
    config.listen = listen;
    config.test_clock_file = "/tmp/clock";
    try {
      Validate(config);
      ADD_FAILURE() << "accepted the test clock on " << listen;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("--test-clock-file"), std::string::npos) << e.what();
    }
  }
}

TEST(LoadConfigFile, ReadsPublicBaseUrlAndRefusesAnUnknownKey) {
  std::string dir = (std::filesystem::temp_directory_path() / "egov-config-XXXXXX").string();
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  const std::string path = dir + "/egov.toml";
  std::ofstream(path) << "[server]\npublic_base_url = \"https://egov.example.vn/\"\n";
  Config config;
  LoadConfigFile(path, config);
  EXPECT_EQ(config.public_base_url, "https://egov.example.vn/");  // Validate normalises
  std::ofstream(path) << "[server]\ntest_clock_file = \"/tmp/clock\"\n";
  Config other;
  EXPECT_THROW(LoadConfigFile(path, other), std::runtime_error);  // a flag, never a key
  std::filesystem::remove_all(dir);
}

TEST(LoadConfigFile, ReadsTheJobsSectionAndRefusesItsUnknownKeys) {
  std::string dir = (std::filesystem::temp_directory_path() / "egov-config-XXXXXX").string();
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  const std::string path = dir + "/egov.toml";
  Config defaults;
  EXPECT_EQ(defaults.jobs_workers, 2u);
  EXPECT_EQ(defaults.jobs_lease_seconds, 300u);
  EXPECT_EQ(defaults.jobs_poll_ms, 1000u);
  std::ofstream(path) << "[jobs]\nworkers = 0\nlease_seconds = 2\npoll_ms = 50\n";
  Config config;
  LoadConfigFile(path, config);
  EXPECT_EQ(config.jobs_workers, 0u);
  EXPECT_EQ(config.jobs_lease_seconds, 2u);
  EXPECT_EQ(config.jobs_poll_ms, 50u);
  config.listen = "127.0.0.1:0";
  EXPECT_NO_THROW(Validate(config));
  std::ofstream(path) << "[jobs]\nkeep_done_days = 7\n[reminders]\nshare_percent = 75\n"
                         "every_seconds = 60\n";
  Config more;
  LoadConfigFile(path, more);
  EXPECT_EQ(more.jobs_keep_done_days, 7u);
  EXPECT_EQ(more.reminders_share_percent, 75u);
  EXPECT_EQ(more.reminders_every_seconds, 60u);
  EXPECT_EQ(defaults.jobs_keep_done_days, 30u);
  EXPECT_EQ(defaults.reminders_share_percent, 80u);
  EXPECT_EQ(defaults.reminders_every_seconds, 300u);
  std::ofstream(path) << "[jobs]\nthreads = 4\n";
  Config other;
  EXPECT_THROW(LoadConfigFile(path, other), std::runtime_error);
  std::ofstream(path) << "[jobs]\nworkers = -1\n";
  EXPECT_THROW(LoadConfigFile(path, other), std::runtime_error);
  std::filesystem::remove_all(dir);
}

TEST(Validate, BoundsTheJobsSettings) {
  auto valid = [](auto change) {
    Config config;
    config.listen = "127.0.0.1:0";
    change(config);
    try {
      Validate(config);
      return true;
    } catch (const std::runtime_error&) {
      return false;
    }
  };
  EXPECT_TRUE(valid([](Config& c) { c.jobs_workers = 64; }));
  EXPECT_FALSE(valid([](Config& c) { c.jobs_workers = 65; }));
  EXPECT_FALSE(valid([](Config& c) { c.jobs_lease_seconds = 0; }));
  EXPECT_TRUE(valid([](Config& c) { c.jobs_lease_seconds = 1; }));
  EXPECT_FALSE(valid([](Config& c) { c.jobs_poll_ms = 9; }));
  EXPECT_FALSE(valid([](Config& c) { c.jobs_poll_ms = 60001; }));
  EXPECT_FALSE(valid([](Config& c) { c.jobs_keep_done_days = 0; }));
  EXPECT_TRUE(valid([](Config& c) { c.jobs_keep_done_days = 1; }));
  EXPECT_FALSE(valid([](Config& c) { c.reminders_share_percent = 0; }));
  EXPECT_FALSE(valid([](Config& c) { c.reminders_share_percent = 100; }));
  EXPECT_TRUE(valid([](Config& c) { c.reminders_share_percent = 99; }));
  EXPECT_FALSE(valid([](Config& c) { c.reminders_every_seconds = 9; }));
  EXPECT_TRUE(valid([](Config& c) { c.reminders_every_seconds = 10; }));
  EXPECT_TRUE(valid([](Config& c) { c.test_job_log = "/tmp/jobs.log"; }));
  EXPECT_FALSE(valid([](Config& c) {
    c.listen = "0.0.0.0:8080";
    c.test_job_log = "/tmp/jobs.log";
  }));
}

TEST(LoadConfigFile, ReadsEveryMailAndSmsKey) {
  std::string dir = (std::filesystem::temp_directory_path() / "egov-config-XXXXXX").string();
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  const std::string path = dir + "/egov.toml";
  std::ofstream(path) << R"([mail]
smtp_url = "smtp://mail.example.vn:587"
from = "Egov Trà Bồng <khongtraloi@example.vn>"
username = "egov"
password = "mật khẩu"
tls = "required"
ca_file = "/etc/egov/ca.pem"

[sms]
gateway_url = "https://sms.example.vn/send"
template = '{"to":"{phone}","text":"{text}"}'
content_type = "application/json; charset=utf-8"
auth_header = "Bearer abc"
)";
  Config config;
  config.listen = "127.0.0.1:0";
  LoadConfigFile(path, config);
  Validate(config);
  const auto mail = MailSettingsOf(config);
  ASSERT_TRUE(mail);
  EXPECT_EQ(mail->url, "smtp://mail.example.vn:587");
  EXPECT_EQ(mail->from.name, "Egov Trà Bồng");
  EXPECT_EQ(mail->from.address, "khongtraloi@example.vn");
  EXPECT_EQ(mail->username, "egov");
  EXPECT_EQ(mail->password, "mật khẩu");
  EXPECT_TRUE(mail->tls_required);
  EXPECT_EQ(mail->ca_file, "/etc/egov/ca.pem");
  const auto sms = SmsSettingsOf(config);
  ASSERT_TRUE(sms);
  EXPECT_EQ(sms->url, "https://sms.example.vn/send");
  EXPECT_EQ(sms->body_template, R"({"to":"{phone}","text":"{text}"})");
  EXPECT_EQ(sms->content_type, "application/json; charset=utf-8");
  EXPECT_EQ(sms->auth_header, "Bearer abc");

  for (const char* unknown :
       {"[mail]\nsmtp_host = \"x\"\n", "[sms]\nurl = \"http://x\"\n", "[notify]\nx = 1\n"}) {
    std::ofstream(path) << unknown;
    Config other;
    try {
      LoadConfigFile(path, other);
      ADD_FAILURE() << "accepted " << unknown;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("không được hỗ trợ"), std::string::npos) << e.what();
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(Validate, NoMailOrSmsSettingsMeanTheLoggingSenders) {
  Config config;
  config.listen = "127.0.0.1:0";
  Validate(config);
  EXPECT_FALSE(MailSettingsOf(config));
  EXPECT_FALSE(SmsSettingsOf(config));
  config.mail_smtp_url = "smtps://mail.example.vn";
  config.mail_from = "khongtraloi@example.vn";
  Validate(config);
  ASSERT_TRUE(MailSettingsOf(config));
  EXPECT_FALSE(MailSettingsOf(config)->tls_required);  // tls = "auto" by default
  EXPECT_EQ(MailSettingsOf(config)->from.name, "");
}

TEST(Validate, RefusesImpossibleMailAndSmsSettings) {
  auto refused = [](auto change, const char* key) {
    Config config;
    config.listen = "127.0.0.1:0";
    config.mail_smtp_url = "smtp://mail.example.vn:25";
    config.mail_from = "Egov <khongtraloi@example.vn>";
    config.sms_gateway_url = "https://sms.example.vn/send";
    config.sms_template = "to={phone}&text={text}";
    Validate(config);  // the starting point is valid
    change(config);
    try {
      Validate(config);
      ADD_FAILURE() << "accepted a bad " << key;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    }
  };
  refused([](Config& c) { c.mail_smtp_url = "http://mail.example.vn"; }, "mail.smtp_url");
  refused([](Config& c) { c.mail_smtp_url = "smtp://"; }, "mail.smtp_url");
  refused([](Config& c) { c.mail_smtp_url = "mail.example.vn:25"; }, "mail.smtp_url");
  refused([](Config& c) { c.mail_from = ""; }, "mail.from");
  refused([](Config& c) { c.mail_from = "Egov <khongtraloi>x"; }, "mail.from");
  refused([](Config& c) { c.mail_from = "Egov <a@b.vn>\r\nBcc: c@d.vn"; }, "mail.from");
  refused([](Config& c) { c.mail_tls = "yes"; }, "mail.tls");
  refused([](Config& c) { c.mail_password = "x"; }, "mail.password");
  refused([](Config& c) { c.sms_gateway_url = "ftp://sms.example.vn"; }, "sms.gateway_url");
  refused([](Config& c) { c.sms_template = "to={phone}"; }, "sms.template");
  refused([](Config& c) { c.sms_template = "text={text}"; }, "sms.template");
  refused([](Config& c) { c.sms_auth_header = "Bearer x\r\nX-Evil: 1"; }, "sms.auth_header");
}

}  // namespace
}  // namespace egov::app
