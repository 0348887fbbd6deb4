// The citizens' messages, to the character: every event's subject, body and SMS, the SMS cut
// to its limit, and the facts a message needs.
#include "core/notify/citizen_messages.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/calendar/date.hpp"
#include "core/text/fold.hpp"

namespace egov::core::notify {
namespace {

using calendar::ParseIsoInstant;

NoticeFacts Facts(CitizenEvent event) {
  NoticeFacts f;
  f.event = event;
  f.dossier_code = "000.00.53.H48-260105-0001";
  f.procedure_name = "Đăng ký khai sinh";
  f.applicant_name = "Nguyễn Thị Ánh Tuyết";
  f.agency_name = "UBND xã Trà Sơn";
  f.lookup_url = "https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001";
  return f;
}

const std::string kFooter =
    "\n\nTra cứu tình trạng hồ sơ tại: "
    "https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001\n\n"
    "Đây là thư gửi tự động, xin Ông/Bà không trả lời thư này.\n"
    "Bộ phận tiếp nhận và trả kết quả, UBND xã Trà Sơn";

TEST(CitizenMessages, NamesRoundTripAndUnknownNamesAreRefused) {
  for (auto e : {CitizenEvent::kReceived, CitizenEvent::kSupplementNeeded,
                 CitizenEvent::kResultReady, CitizenEvent::kDelayed, CitizenEvent::kRefused}) {
    EXPECT_EQ(ParseCitizenEvent(Name(e)), e);
  }
  EXPECT_EQ(Name(CitizenEvent::kSupplementNeeded), "supplement_needed");
  EXPECT_EQ(ParseCitizenEvent("Received"), std::nullopt);
  EXPECT_EQ(ParseCitizenEvent("request_supplement"), std::nullopt);
}

TEST(CitizenMessages, ReceivedNamesCodeProcedureAppointmentAndLink) {
  auto f = Facts(CitizenEvent::kReceived);
  f.appointment = ParseIsoInstant("2026-02-25T16:59:00+07:00");
  const auto m = Compose(f);
  EXPECT_EQ(m.subject, "Hồ sơ 000.00.53.H48-260105-0001 đã được tiếp nhận");
  EXPECT_EQ(m.body,
            "Kính gửi Ông/Bà Nguyễn Thị Ánh Tuyết,\n\n"
            "UBND xã Trà Sơn đã tiếp nhận hồ sơ của Ông/Bà.\n\n"
            "Mã hồ sơ: 000.00.53.H48-260105-0001\n"
            "Thủ tục: Đăng ký khai sinh\n"
            "Thời gian hẹn trả kết quả: 16 giờ 59 phút, ngày 25/02/2026\n\n"
            "Xin Ông/Bà giữ mã hồ sơ để tra cứu và nhận kết quả." +
                kFooter);
  EXPECT_EQ(m.sms,
            "Hồ sơ 000.00.53.H48-260105-0001 đã được tiếp nhận. Hẹn trả kết quả: 16:59 ngày "
            "25/02/2026. Thủ tục: Đăng ký khai sinh. Tra cứu: "
            "https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001");
}

TEST(CitizenMessages, ReceivedWithoutAnAppointmentIsAProgrammingError) {
  EXPECT_THROW(Compose(Facts(CitizenEvent::kReceived)), std::invalid_argument);
  EXPECT_THROW(Compose(Facts(CitizenEvent::kDelayed)), std::invalid_argument);
}

TEST(CitizenMessages, SupplementNeededListsWhatIsMissingAndWhy) {
  auto f = Facts(CitizenEvent::kSupplementNeeded);
  f.reason = "Giấy tờ chưa đủ.";
  f.missing = {"Giấy chứng sinh (bản chính)", "Tờ khai đăng ký khai sinh"};
  const auto m = Compose(f);
  EXPECT_EQ(m.subject, "Hồ sơ 000.00.53.H48-260105-0001 cần bổ sung, hoàn thiện");
  EXPECT_EQ(m.body,
            "Kính gửi Ông/Bà Nguyễn Thị Ánh Tuyết,\n\n"
            "Hồ sơ 000.00.53.H48-260105-0001 (Đăng ký khai sinh) của Ông/Bà cần được bổ sung, "
            "hoàn thiện.\n\n"
            "Thành phần cần bổ sung:\n"
            "- Giấy chứng sinh (bản chính)\n"
            "- Tờ khai đăng ký khai sinh\n\n"
            "Lý do: Giấy tờ chưa đủ.\n\n"
            "Xin Ông/Bà nộp hồ sơ bổ sung tại Bộ phận tiếp nhận và trả kết quả, UBND xã Trà "
            "Sơn. Thời gian giải quyết hồ sơ tạm dừng cho đến khi nhận đủ hồ sơ bổ sung." +
                kFooter);
  EXPECT_EQ(m.sms,
            "Hồ sơ 000.00.53.H48-260105-0001 cần bổ sung: Giấy chứng sinh (bản chính); Tờ khai "
            "đăng ký khai sinh. Lý do: Giấy tờ chưa đủ. Tra cứu: "
            "https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001");
}

TEST(CitizenMessages, ALongSmsIsCutToItsLimitAndKeepsTheLink) {
  auto f = Facts(CitizenEvent::kSupplementNeeded);
  f.reason = "Thiếu giấy tờ";
  for (int i = 0; i < 20; ++i)
    f.missing.push_back("Bản sao giấy tờ chứng minh nơi cư trú số " + std::to_string(i));
  const auto m = Compose(f);
  EXPECT_EQ(text::CodePointCount(m.sms), kMaxSmsCodePoints);
  EXPECT_TRUE(m.sms.starts_with(
      "Hồ sơ 000.00.53.H48-260105-0001 cần bổ sung: Bản sao giấy tờ chứng minh nơi cư trú số 0; "))
      << m.sms;
  EXPECT_TRUE(m.sms.ends_with(
      "…. Tra cứu: https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001"))
      << m.sms;
  // The e-mail keeps every item.
  EXPECT_NE(m.body.find("- Bản sao giấy tờ chứng minh nơi cư trú số 19\n"), std::string::npos);
}

TEST(CitizenMessages, ResultReadyAtTheCounterSaysWhereAndWhen) {
  auto f = Facts(CitizenEvent::kResultReady);
  f.working_hours = "07:30-11:30,13:00-17:00";
  const auto m = Compose(f);
  EXPECT_EQ(m.subject, "Hồ sơ 000.00.53.H48-260105-0001 đã có kết quả");
  EXPECT_EQ(m.body,
            "Kính gửi Ông/Bà Nguyễn Thị Ánh Tuyết,\n\n"
            "Hồ sơ 000.00.53.H48-260105-0001 (Đăng ký khai sinh) của Ông/Bà đã có kết quả giải "
            "quyết.\n\n"
            "Mời Ông/Bà đến nhận kết quả tại Bộ phận tiếp nhận và trả kết quả, UBND xã Trà Sơn, "
            "trong giờ làm việc (07:30–11:30, 13:00–17:00) các ngày làm việc. Khi đến, xin mang "
            "theo giấy tiếp nhận hồ sơ và hẹn trả kết quả." +
                kFooter);
  EXPECT_EQ(m.sms,
            "Hồ sơ 000.00.53.H48-260105-0001 đã có kết quả. Mời Ông/Bà đến nhận tại Bộ phận "
            "tiếp nhận và trả kết quả, UBND xã Trà Sơn, trong giờ làm việc. Tra cứu: "
            "https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001");
}

TEST(CitizenMessages, ResultReadyByPost) {
  auto f = Facts(CitizenEvent::kResultReady);
  f.by_post = true;
  const auto m = Compose(f);
  EXPECT_EQ(m.body,
            "Kính gửi Ông/Bà Nguyễn Thị Ánh Tuyết,\n\n"
            "Hồ sơ 000.00.53.H48-260105-0001 (Đăng ký khai sinh) của Ông/Bà đã có kết quả giải "
            "quyết.\n\n"
            "Kết quả sẽ được gửi đến Ông/Bà qua dịch vụ bưu chính theo địa chỉ Ông/Bà đã đăng "
            "ký." +
                kFooter);
  EXPECT_EQ(m.sms,
            "Hồ sơ 000.00.53.H48-260105-0001 đã có kết quả, sẽ được gửi đến Ông/Bà qua bưu điện. "
            "Tra cứu: https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001");
}

TEST(CitizenMessages, DelayedApologisesWithTheReasonAndTheNewDate) {
  auto f = Facts(CitizenEvent::kDelayed);
  f.reason = "Cần xác minh thêm thông tin";
  f.old_appointment = ParseIsoInstant("2026-03-10T16:00:00+07:00");
  f.appointment = ParseIsoInstant("2026-03-18T16:00:00+07:00");
  const auto m = Compose(f);
  EXPECT_EQ(m.subject, "Xin lỗi và hẹn lại ngày trả kết quả hồ sơ 000.00.53.H48-260105-0001");
  EXPECT_EQ(m.body,
            "Kính gửi Ông/Bà Nguyễn Thị Ánh Tuyết,\n\n"
            "UBND xã Trà Sơn xin lỗi Ông/Bà vì chưa trả kết quả giải quyết hồ sơ "
            "000.00.53.H48-260105-0001 (Đăng ký khai sinh) đúng hẹn.\n\n"
            "Lý do: Cần xác minh thêm thông tin.\n"
            "Thời gian hẹn trước đây: 16 giờ 00 phút, ngày 10/03/2026\n"
            "Thời gian hẹn trả kết quả mới: 16 giờ 00 phút, ngày 18/03/2026\n\n"
            "Rất mong Ông/Bà thông cảm." +
                kFooter);
  EXPECT_EQ(m.sms,
            "Xin lỗi Ông/Bà: hồ sơ 000.00.53.H48-260105-0001 chưa có kết quả đúng hẹn. Hẹn trả "
            "mới: 16:00 ngày 18/03/2026. Lý do: Cần xác minh thêm thông tin. Tra cứu: "
            "https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001");
}

TEST(CitizenMessages, RefusedGivesTheReason) {
  auto f = Facts(CitizenEvent::kRefused);
  f.reason = "Không thuộc thẩm quyền giải quyết của xã.";
  f.applicant_name = "  ";
  const auto m = Compose(f);
  EXPECT_EQ(m.subject, "Hồ sơ 000.00.53.H48-260105-0001 bị từ chối tiếp nhận giải quyết");
  EXPECT_EQ(m.body,
            "Kính gửi Ông/Bà,\n\n"
            "UBND xã Trà Sơn từ chối tiếp nhận giải quyết hồ sơ 000.00.53.H48-260105-0001 (Đăng "
            "ký khai sinh) của Ông/Bà.\n\n"
            "Lý do: Không thuộc thẩm quyền giải quyết của xã.\n\n"
            "Mọi thắc mắc xin Ông/Bà liên hệ Bộ phận tiếp nhận và trả kết quả, UBND xã Trà Sơn." +
                kFooter);
  EXPECT_EQ(m.sms,
            "Hồ sơ 000.00.53.H48-260105-0001 bị từ chối tiếp nhận giải quyết. Lý do: Không thuộc "
            "thẩm quyền giải quyết của xã. Tra cứu: "
            "https://dichvucong.example.vn/tra-cuu/000.00.53.H48-260105-0001");
}

TEST(CitizenMessages, TimesArePrintedInVietnamTime) {
  EXPECT_EQ(LongTime(ParseIsoInstant("2026-02-25T09:59:00Z")), "16 giờ 59 phút, ngày 25/02/2026");
  EXPECT_EQ(ShortTime(ParseIsoInstant("2026-12-31T17:05:00Z")), "00:05 ngày 01/01/2027");
}

}  // namespace
}  // namespace egov::core::notify
