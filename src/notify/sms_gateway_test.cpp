// The HTTP SMS gateway against a local receiver (tests/support/http_receiver.py) on a free
// port: the body built from the template (JSON and form escaping), the headers, and which
// answers are temporary or permanent failures.
#include "notify/sms_gateway.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "notify/testing/receiver_process.hpp"

namespace egov::notify {
namespace {

using testing::ReceiverProcess;

HttpSmsSettings Settings(int port) {
  HttpSmsSettings s;
  s.url = "http://127.0.0.1:" + std::to_string(port) + "/api/sms?nguon=egov";
  s.body_template = R"({"to":"{phone}","message":"{text}","brand":"EGOV"})";
  s.auth_header = "Bearer khoa-bi-mat";
  s.connect_timeout_seconds = 5;
  s.timeout_seconds = 20;
  return s;
}

const SmsMessage kMessage{"0912345678",
                          "Hồ sơ 000.00.53.H48-260105-0001 \"đã\" được tiếp nhận.\nTra cứu: "
                          "https://egov.example.vn/tra-cuu/000.00.53.H48-260105-0001"};

TEST(SmsGateway, PostsTheTemplateWithTheValuesEscapedForJson) {
  ReceiverProcess receiver("http_receiver.py", {});
  HttpSmsGateway gateway(Settings(receiver.port()));
  gateway.Send(kMessage);
  const auto got = boost::json::parse(receiver.File("1.json"));
  EXPECT_EQ(got.at("path").as_string(), "/api/sms?nguon=egov");
  EXPECT_EQ(got.at("headers").at("Content-Type").as_string(), "application/json");
  EXPECT_EQ(got.at("headers").at("Authorization").as_string(), "Bearer khoa-bi-mat");
  // The body is JSON, and its members are the values exactly.
  const auto body = boost::json::parse(got.at("body").as_string());
  EXPECT_EQ(body.at("to").as_string(), kMessage.phone);
  EXPECT_EQ(body.at("message").as_string(), kMessage.text);
  EXPECT_EQ(body.at("brand").as_string(), "EGOV");
}

TEST(SmsGateway, FormBodiesArePercentEncoded) {
  HttpSmsSettings s;
  s.content_type = "application/x-www-form-urlencoded";
  s.body_template = "sdt={phone}&noidung={text}";
  EXPECT_EQ(SmsBody(s, {"+84 912", "Hồ sơ & kết quả"}),
            "sdt=%2B84%20912&noidung=H%E1%BB%93%20s%C6%A1%20%26%20k%E1%BA%BFt%20qu%E1%BA%A3");
  s.content_type = "text/plain";
  s.body_template = "{phone}: {text} {unknown}";
  EXPECT_EQ(SmsBody(s, {"0912", "Hồ sơ \"x\""}), "0912: Hồ sơ \"x\" {unknown}");
}

TEST(SmsGateway, ServerErrorsAreTemporaryAndClientErrorsPermanent) {
  ReceiverProcess receiver("http_receiver.py", {"--statuses", "503,429,400,200"});
  HttpSmsGateway gateway(Settings(receiver.port()));
  for (bool permanent : {false, false, true}) {
    try {
      gateway.Send(kMessage);
      FAIL() << "accepted";
    } catch (const DeliveryError& e) {
      EXPECT_EQ(e.permanent(), permanent) << e.what();
    }
  }
  gateway.Send(kMessage);
  EXPECT_EQ(receiver.Count(), 4);
}

TEST(SmsGateway, AnUnreachableGatewayIsTemporary) {
  int port = 0;
  {
    ReceiverProcess receiver("http_receiver.py", {});
    port = receiver.port();
  }
  HttpSmsGateway gateway(Settings(port));
  try {
    gateway.Send(kMessage);
    FAIL() << "accepted";
  } catch (const DeliveryError& e) {
    EXPECT_FALSE(e.permanent()) << e.what();
  }
}

}  // namespace
}  // namespace egov::notify
