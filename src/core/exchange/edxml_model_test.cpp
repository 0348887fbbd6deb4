#include "core/exchange/edxml_model.hpp"

#include <gtest/gtest.h>

namespace egov::core::exchange {
namespace {

Package Sample() {
  Package p;
  MessageHeader& h = p.header;
  h.from = {.organ_id = "000.00.00.H48", .organ_name = "UBND tỉnh Quảng Ngãi"};
  h.to = {{.organ_id = "000.00.53.H48", .organ_name = "UBND huyện Bình Sơn"}};
  h.code = {"07", "QĐ-UBND"};
  h.promulgation_info = {"Quảng Ngãi", "2026/03/02"};
  h.subject = "Về việc phê duyệt kế hoạch chuyển đổi số năm 2026";
  h.signer_info = {"TM.", "Chủ tịch", "Nguyễn Văn A"};
  p.attachments = {{.content_id = "a1",
                    .name = "qd.pdf",
                    .content_type = "application/pdf",
                    .bytes = "%PDF-1.7"}};
  return p;
}

std::vector<std::string> Fields(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field);
  return out;
}

TEST(EdxmlModel, SampleIsValid) { EXPECT_TRUE(Validate(Sample()).empty()); }

TEST(EdxmlModel, MandatoryFieldsAreNamed) {
  Package p;
  EXPECT_EQ(Fields(Validate(p)),
            (std::vector<std::string>{
                "MessageHeader.From.OrganId", "MessageHeader.From.OrganName", "MessageHeader.To",
                "MessageHeader.Code.CodeNumber", "MessageHeader.Code.CodeNotation",
                "MessageHeader.PromulgationInfo.PromulgationDate", "MessageHeader.Subject",
                "MessageHeader.SignerInfo.FullName"}));
  EXPECT_EQ(Validate(p)[6].message, "Trường MessageHeader.Subject là bắt buộc.");
}

TEST(EdxmlModel, LengthsAreCountedInCharacters) {
  Package p = Sample();
  p.header.code.code_number = "12345678901";                                    // 11: the limit
  p.header.code.code_notation = std::string(10, 'a') + "ĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐĐ";  // 30 chars
  p.header.subject.clear();
  for (int i = 0; i < 500; ++i) p.header.subject += "ệ";  // 500 characters, 1500 bytes
  EXPECT_TRUE(Validate(p).empty());
  p.header.code.code_number += "2";
  p.header.code.code_notation += "Đ";
  p.header.subject += "a";
  auto problems = Validate(p);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].field, "MessageHeader.Code.CodeNumber");
  EXPECT_EQ(problems[0].message, "Trường MessageHeader.Code.CodeNumber dài tối đa 11 ký tự.");
  EXPECT_EQ(problems[1].field, "MessageHeader.Code.CodeNotation");
  EXPECT_EQ(problems[2].message, "Trường MessageHeader.Subject dài tối đa 500 ký tự.");
}

TEST(EdxmlModel, ControlCharactersCannotBeWritten) {
  Package p = Sample();
  p.header.subject = "Về việc\x01 kế hoạch";
  p.header.content = "Dòng 1\r\nDòng 2\tcột";  // tab and line breaks are text
  auto problems = Validate(p);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message,
            "Trường MessageHeader.Subject chứa ký tự điều khiển không được phép trong XML.");
}

TEST(EdxmlModel, Dates) {
  EXPECT_EQ(DateProblem("2026/03/02"), std::nullopt);
  EXPECT_EQ(DateProblem("2024/02/29"), std::nullopt);
  for (const char* bad :
       {"2026-03-02", "2026/3/2", "2026/02/29", "2026/13/01", "02/03/2026", "", "2026/03/02 "}) {
    EXPECT_NE(DateProblem(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(*DateProblem("02/03/2026"),
            "Ngày \"02/03/2026\" không hợp lệ: phải có dạng yyyy/MM/dd (ví dụ 2026/03/02).");
  EXPECT_EQ(TimestampProblem("2026/03/02 09:15:00"), std::nullopt);
  EXPECT_EQ(TimestampProblem("2026/03/02 23:59:59"), std::nullopt);
  for (const char* bad : {"2026/03/02 24:00:00", "2026/03/02T09:15:00", "2026/03/02 9:15:00",
                          "2026/03/02", "2026/03/02 09:60:00"}) {
    EXPECT_NE(TimestampProblem(bad), std::nullopt) << bad;
  }
}

TEST(EdxmlModel, OrganIds) {
  EXPECT_EQ(OrganIdProblem("000.00.00.H48"), std::nullopt);
  EXPECT_EQ(OrganIdProblem("123.45.67.A01"), std::nullopt);
  for (const char* bad : {"000.00.00.h48", "000.00.00.H4", "00.000.00.H48", "000.00.00.H480",
                          "000-00-00-H48", "000.00.00.448"}) {
    EXPECT_NE(OrganIdProblem(bad), std::nullopt) << bad;
  }
  Package p = Sample();
  p.header.to[0].organ_id = "H48";
  auto problems = Validate(p);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "MessageHeader.To[0].OrganId");
  EXPECT_EQ(problems[0].message,
            "Mã định danh cơ quan \"H48\" không hợp lệ: phải gồm 13 ký tự dạng 000.00.00.H48.");
}

TEST(EdxmlModel, AttachmentsNeedANameAndBytes) {
  Package p = Sample();
  p.attachments.push_back({.content_id = "a2"});
  EXPECT_EQ(Fields(Validate(p)),
            (std::vector<std::string>{"AttachmentEncoded.Attachment[1].AttachmentName",
                                      "AttachmentEncoded.Attachment[1].ContentTransferEncoded"}));
}

TEST(EdxmlModel, StatusPackage) {
  StatusPackage s;
  s.response_for = {"000.00.00.H48", "07/QĐ-UBND", "2026/03/02",
                    "000.00.00.H48,2026/03/02,07/QĐ-UBND"};
  s.from = {.organ_id = "000.00.53.H48", .organ_name = "UBND huyện Bình Sơn"};
  s.status_code = StatusCode::kReceived;
  s.timestamp = "2026/03/02 10:00:00";
  EXPECT_TRUE(Validate(s).empty());
  s.timestamp = "2026/03/02";
  s.status_code = static_cast<StatusCode>(7);
  EXPECT_EQ(Fields(Validate(s)),
            (std::vector<std::string>{"Status.StatusCode", "Status.Timestamp"}));
}

TEST(EdxmlModel, StatusCodeNames) {
  std::vector<std::string> names;
  for (StatusCode c : AllStatusCodes()) {
    names.emplace_back(Name(c));
    EXPECT_EQ(ParseStatusCode(Name(c)), c);
    EXPECT_FALSE(Label(c).empty());
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"01", "02", "03", "04", "05", "06", "13", "15", "16"}));
  EXPECT_EQ(ParseStatusCode("1"), std::nullopt);
  EXPECT_EQ(ParseStatusCode("07"), std::nullopt);
}

TEST(EdxmlModel, EffectiveDocumentId) {
  Package p = Sample();
  EXPECT_EQ(EffectiveDocumentId(p.header), "000.00.00.H48,2026/03/02,07/QĐ-UBND");
  p.header.document_id = "000.00.00.H48,2026/03/01,07/QĐ-UBND";
  EXPECT_EQ(EffectiveDocumentId(p.header), "000.00.00.H48,2026/03/01,07/QĐ-UBND");
}

TEST(EdxmlModel, TimestampsAreVietnamTime) {
  // 2026-03-01T17:15:30Z is 2026-03-02 00:15:30 in Vietnam.
  EXPECT_EQ(EdxmlTimestamp(1772385330000), "2026/03/02 00:15:30");
  EXPECT_EQ(EdxmlDate(1772385330000), "2026/03/02");
  EXPECT_EQ(EdxmlTimestamp(0), "1970/01/01 07:00:00");
}

}  // namespace
}  // namespace egov::core::exchange
