// Build and Parse of edoc and Status packages: round trips, the real-world form (prefixes,
// `Bussiness`), and one test per kind of malformed package with its reason.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "exchange/base64.hpp"
#include "exchange/edxml.hpp"
#include "exchange/testing/sample_package.hpp"
#include "exchange/zip.hpp"

namespace egov::exchange {
namespace {

using core::exchange::Package;
using testing::RealWorldPackage;
using testing::SamplePackage;
using testing::SampleStatus;

std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string Describe(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.field + ": " + p.message + "\n";
  return out;
}

// The only problem of `xml`, as "field: message".
std::string OnlyProblem(std::string_view xml) {
  auto parsed = Parse(xml);
  EXPECT_FALSE(parsed.ok());
  if (parsed.problems.size() != 1) return "several problems:\n" + Describe(parsed.problems);
  return parsed.problems[0].field + ": " + parsed.problems[0].message;
}

TEST(Edxml, RoundTripGivesTheSameModel) {
  const Package package = SamplePackage();
  const std::string xml = Build(package, nullptr);
  auto parsed = Parse(xml);
  ASSERT_TRUE(parsed.ok()) << Describe(parsed.problems);
  EXPECT_EQ(*parsed.value, package);
  EXPECT_EQ(parsed.value->attachments[0].bytes, testing::SampleFileBytes());
  EXPECT_EQ(Build(package, nullptr), xml);  // deterministic
}

TEST(Edxml, WritesTheStandardShape) {
  const std::string xml = Build(SamplePackage(), nullptr);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                      "  <edXMLEnvelope>\n    <edXMLHeader>\n      <MessageHeader>\n",
                      0),
            0u)
      << xml.substr(0, 300);
  for (const char* part :
       {"<Code>\n          <CodeNumber>07</CodeNumber>\n          "
        "<CodeNotation>QĐ-UBND</CodeNotation>\n        </Code>",
        "<Subject>Về việc phê duyệt Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2026</Subject>",
        "<PromulgationDate>2026/03/02</PromulgationDate>", "<Priority>1</Priority>", "<Bussiness>",
        "<BussinessDocType>0</BussinessDocType>", "<edXMLManifest version=\"1.0\">",
        "<Reference xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"cid:qd-07-2026\" "
        "xlink:type=\"simple\">",
        "</edXMLEnvelope>\n  <AttachmentEncoded>\n    <Attachment>\n"
        "      <ContentId>qd-07-2026</ContentId>"}) {
    EXPECT_NE(xml.find(part), std::string::npos) << part;
  }
  // The file is zipped, then base64.
  const auto start = xml.find("<ContentTransferEncoded>") + 24;
  const auto end = xml.find("</ContentTransferEncoded>");
  auto zipped = Base64Decode(xml.substr(start, end - start));
  ASSERT_TRUE(zipped.has_value());
  auto file = UnzipOne(*zipped, 1 << 20);
  ASSERT_TRUE(std::holds_alternative<UnzippedFile>(file));
  EXPECT_EQ(std::get<UnzippedFile>(file).name, "07-QĐ-UBND Kế hoạch chuyển đổi số.pdf");
  EXPECT_EQ(std::get<UnzippedFile>(file).bytes, testing::SampleFileBytes());
}

TEST(Edxml, BuildRefusesAnInvalidPackage) {
  Package package = SamplePackage();
  package.header.subject.clear();
  package.header.code.code_number = "123456789012";
  try {
    Build(package, nullptr);
    FAIL() << "built";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
    EXPECT_EQ(e.fields().size(), 2u);
    EXPECT_EQ(e.fields().at("MessageHeader.Subject"), "Trường MessageHeader.Subject là bắt buộc.");
  }
}

TEST(Edxml, ReadsTheRealWorldForm) {
  auto parsed = Parse(RealWorldPackage());
  ASSERT_TRUE(parsed.ok()) << Describe(parsed.problems);
  const Package& p = *parsed.value;
  EXPECT_EQ(p.header.from.organ_id, "000.00.00.H48");
  EXPECT_EQ(p.header.from.fax, "");
  ASSERT_EQ(p.header.to.size(), 1u);
  EXPECT_EQ(p.header.to[0].organ_name, "UBND huyện Trà Bồng");
  EXPECT_EQ(p.header.code.code_number + "/" + p.header.code.code_notation, "45/UBND-KGVX");
  EXPECT_EQ(p.header.document_type.type, 18);
  EXPECT_EQ(p.header.document_type.type_name, "Công văn");
  EXPECT_EQ(p.header.subject, "V/v triển khai hệ thống quản lý văn bản và điều hành");
  EXPECT_EQ(p.header.other_info.priority, core::exchange::Priority::kVeryUrgent);
  EXPECT_EQ(p.header.other_info.page_amount, 2);
  EXPECT_TRUE(p.header.other_info.appendixes.empty());  // an empty Appendix is none
  EXPECT_EQ(p.header.document_id, "000.00.00.H48,2026/03/05,45/UBND-KGVX");
  ASSERT_EQ(p.trace.size(), 1u);
  EXPECT_EQ(p.trace[0].timestamp, "2026/03/05 14:30:00");
  EXPECT_EQ(p.business.doc_type, core::exchange::BusinessDocType::kNew);
  EXPECT_EQ(p.business.doc_reason, "Văn bản điện tử mới");
  EXPECT_EQ(p.business.paper, 0);
  ASSERT_EQ(p.business.staff.size(), 1u);
  EXPECT_EQ(p.business.staff[0].staff, "Trần Thị Hoa");
  ASSERT_EQ(p.attachments.size(), 1u);
  EXPECT_EQ(p.attachments[0].content_id, "5d0e");
  EXPECT_EQ(p.attachments[0].name, "45-UBND-KGVX.pdf");
  EXPECT_EQ(p.attachments[0].bytes, testing::SampleFileBytes());
  EXPECT_EQ(Verify(RealWorldPackage()).state, SignatureState::kUnsigned);
}

TEST(Edxml, ReadsBusinessSpeltCorrectly) {
  auto parsed = Parse(RealWorldPackage("Business"));
  ASSERT_TRUE(parsed.ok()) << Describe(parsed.problems);
  EXPECT_EQ(parsed.value->business.doc_reason, "Văn bản điện tử mới");
  auto revoke = Parse(Replace(RealWorldPackage("Business"), "DocType>0<", "DocType>1<"));
  ASSERT_TRUE(revoke.ok()) << Describe(revoke.problems);
  EXPECT_EQ(revoke.value->business.doc_type, core::exchange::BusinessDocType::kRevoke);
}

TEST(Edxml, NotWellFormed) {
  EXPECT_EQ(OnlyProblem("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n<a></b>"),
            "edXML: Gói tin không phải XML hợp lệ (dòng 2).");
  EXPECT_EQ(OnlyProblem(""), "edXML: Gói tin không phải XML hợp lệ (dòng 1).");
  EXPECT_EQ(OnlyProblem("{\"subject\": \"json\"}"),
            "edXML: Gói tin không phải XML hợp lệ (dòng 1).");
}

TEST(Edxml, RefusesAPackageOverTheLimit) {
  std::string xml = RealWorldPackage();
  xml.insert(xml.find("</edXML>"), std::string(kMaxPackageBytes + 1 - xml.size(), ' '));
  ASSERT_EQ(xml.size(), kMaxPackageBytes + 1);
  EXPECT_EQ(OnlyProblem(xml), "edXML: Gói tin lớn hơn 64 MiB.");
  EXPECT_EQ(Verify(xml).state, SignatureState::kInvalid);
}

TEST(Edxml, RefusesADoctype) {
  const std::string xml = Replace(RealWorldPackage(), "<edXML xmlns:xsi",
                                  "<!DOCTYPE edXML [<!ENTITY x \"xx\">]>\n<edXML xmlns:xsi");
  EXPECT_EQ(OnlyProblem(xml), "edXML: Gói tin không được chứa khai báo DOCTYPE.");
}

TEST(Edxml, WrongRootOrNamespace) {
  EXPECT_EQ(OnlyProblem("<Envelope xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"/>"),
            "edXML: Phần tử gốc của gói tin phải là edXML.");
  const std::string other_ns = "http://www.e-doc.vn/Schema/";
  std::string xml = RealWorldPackage();
  std::size_t at;
  while ((at = xml.find("http://www.mic.gov.vn/TBT/QCVN_102_2016")) != std::string::npos) {
    xml.replace(at, 39, other_ns);
  }
  EXPECT_EQ(OnlyProblem(xml),
            "edXML: Gói tin phải dùng không gian tên http://www.mic.gov.vn/TBT/QCVN_102_2016 "
            "(QCVN 102:2016).");
  EXPECT_EQ(OnlyProblem("<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"/>"),
            "edXMLEnvelope: Gói tin thiếu phần tử edXMLEnvelope.");
}

TEST(Edxml, MissingMandatoryHeaderFields) {
  std::string xml = Replace(RealWorldPackage(), "<edXML:CodeNumber>45</edXML:CodeNumber>", "");
  EXPECT_EQ(OnlyProblem(xml),
            "MessageHeader.Code.CodeNumber: Trường MessageHeader.Code.CodeNumber là bắt buộc.");
  xml =
      Replace(RealWorldPackage(),
              "<edXML:Subject>V/v triển khai hệ thống quản lý văn bản và điều hành</edXML:Subject>",
              "<edXML:Subject>   </edXML:Subject>");
  EXPECT_EQ(OnlyProblem(xml), "MessageHeader.Subject: Trường MessageHeader.Subject là bắt buộc.");
  const auto to_start = RealWorldPackage().find("<edXML:To>");
  const auto to_end = RealWorldPackage().find("</edXML:To>") + 11;
  xml = RealWorldPackage();
  xml.erase(to_start, to_end - to_start);
  EXPECT_EQ(OnlyProblem(xml), "MessageHeader.To: Gói tin phải có ít nhất một nơi nhận (To).");
  const std::string header_less =
      "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLEnvelope><edXMLHeader/>"
      "</edXMLEnvelope></edXML>";
  EXPECT_EQ(OnlyProblem(header_less), "MessageHeader: Gói tin thiếu phần tử MessageHeader.");
}

TEST(Edxml, FieldsTooLong) {
  std::string xml = Replace(RealWorldPackage(), "<edXML:CodeNotation>UBND-KGVX<",
                            "<edXML:CodeNotation>UBND-KGVX-VĂN-PHÒNG-ỦY-BAN-NHÂN-DÂN<");
  EXPECT_EQ(OnlyProblem(xml),
            "MessageHeader.Code.CodeNotation: Trường MessageHeader.Code.CodeNotation dài tối đa "
            "30 ký tự.");
  std::string subject;
  for (int i = 0; i < 501; ++i) subject += "ả";
  xml =
      Replace(RealWorldPackage(), "V/v triển khai hệ thống quản lý văn bản và điều hành", subject);
  EXPECT_EQ(OnlyProblem(xml),
            "MessageHeader.Subject: Trường MessageHeader.Subject dài tối đa 500 ký tự.");
}

TEST(Edxml, BadDatesTimesAndNumbers) {
  EXPECT_EQ(OnlyProblem(Replace(RealWorldPackage(), "2026/03/05</edXML:PromulgationDate>",
                                "05/03/2026</edXML:PromulgationDate>")),
            "MessageHeader.PromulgationInfo.PromulgationDate: Ngày \"05/03/2026\" không hợp lệ: "
            "phải có dạng yyyy/MM/dd (ví dụ 2026/03/02).");
  EXPECT_EQ(OnlyProblem(Replace(RealWorldPackage(), "<edXML:DueDate>2026/03/20",
                                "<edXML:DueDate>2026/02/30")),
            "MessageHeader.DueDate: Ngày \"2026/02/30\" không hợp lệ: phải có dạng yyyy/MM/dd "
            "(ví dụ 2026/03/02).");
  EXPECT_EQ(OnlyProblem(Replace(RealWorldPackage(), "2026/03/05 14:30:00", "2026-03-05T14:30:00")),
            "TraceHeaderList.TraceHeader[0].Timestamp: Thời điểm \"2026-03-05T14:30:00\" không "
            "hợp lệ: phải có dạng yyyy/MM/dd HH:mm:ss (ví dụ 2026/03/02 09:15:00).");
  EXPECT_EQ(OnlyProblem(Replace(RealWorldPackage(), "<edXML:Priority>2<", "<edXML:Priority>khẩn<")),
            "MessageHeader.OtherInfo.Priority: Độ khẩn (Priority) phải là một chữ số từ 0 đến 4 "
            "(0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ).");
  EXPECT_EQ(
      OnlyProblem(Replace(RealWorldPackage(), "<edXML:PageAmount>2<", "<edXML:PageAmount>-2<")),
      "MessageHeader.OtherInfo.PageAmount: Trường MessageHeader.OtherInfo.PageAmount phải "
      "là số nguyên không âm.");
  EXPECT_EQ(OnlyProblem(Replace(RealWorldPackage(), "<edXML:OrganId>000.00.99.H48<",
                                "<edXML:OrganId>H48.99<")),
            "MessageHeader.To[0].OrganId: Mã định danh cơ quan \"H48.99\" không hợp lệ: phải gồm "
            "13 ký tự dạng 000.00.00.H48.");
}

TEST(Edxml, BadBase64AndBadZip) {
  const std::string xml = RealWorldPackage();
  const auto start = xml.find("<ContentTransferEncoded>") + 24;
  const auto end = xml.find("</ContentTransferEncoded>");
  auto with_body = [&](std::string_view body) {
    std::string out = xml;
    out.replace(start, end - start, body);
    return out;
  };
  const std::string field = "AttachmentEncoded.Attachment[0].ContentTransferEncoded: ";
  EXPECT_EQ(OnlyProblem(with_body("not base64 at all!")),
            field + "Nội dung tệp đính kèm không phải base64 hợp lệ.");
  EXPECT_EQ(OnlyProblem(with_body(Base64Encode("%PDF-1.7 sent without zip"))),
            field + "Nội dung tệp đính kèm không phải tệp nén zip.");
  std::string zip = ZipOne("07.pdf", testing::SampleFileBytes());
  zip.resize(zip.size() / 2);
  EXPECT_EQ(OnlyProblem(with_body(Base64Encode(zip))), field + "Tệp nén zip bị hỏng.");
  // Wrapped at 76 columns, as MIME writers do: still the same file.
  std::string wrapped, flat = xml.substr(start, end - start);
  for (std::size_t i = 0; i < flat.size(); i += 76) wrapped += flat.substr(i, 76) + "\r\n";
  auto parsed = Parse(with_body(wrapped));
  ASSERT_TRUE(parsed.ok()) << Describe(parsed.problems);
  EXPECT_EQ(parsed.value->attachments[0].bytes, testing::SampleFileBytes());
}

TEST(Edxml, EveryProblemIsReported) {
  std::string xml = Replace(RealWorldPackage(), "<edXML:CodeNumber>45</edXML:CodeNumber>", "");
  xml = Replace(xml, "<edXML:Priority>2<", "<edXML:Priority>9<");
  xml = Replace(xml, "2026/03/20", "20/03/2026");
  auto parsed = Parse(xml);
  ASSERT_FALSE(parsed.ok());
  std::vector<std::string> fields;
  for (const auto& p : parsed.problems) fields.push_back(p.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"MessageHeader.OtherInfo.Priority",
                                      "MessageHeader.Code.CodeNumber", "MessageHeader.DueDate"}));
}

TEST(EdxmlStatus, RoundTrip) {
  const auto status = SampleStatus();
  const std::string xml = BuildStatus(status, nullptr);
  EXPECT_NE(xml.find("<Status>\n        <ResponseFor>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<StatusCode>03</StatusCode>"), std::string::npos);
  auto parsed = ParseStatus(xml);
  ASSERT_TRUE(parsed.ok()) << Describe(parsed.problems);
  EXPECT_EQ(*parsed.value, status);
  for (auto code : core::exchange::AllStatusCodes()) {
    auto s = status;
    s.status_code = code;
    auto again = ParseStatus(BuildStatus(s, nullptr));
    ASSERT_TRUE(again.ok()) << Describe(again.problems);
    EXPECT_EQ(again.value->status_code, code);
  }
}

TEST(EdxmlStatus, KindsAreNotConfused) {
  auto as_status = ParseStatus(Build(SamplePackage(), nullptr));
  ASSERT_EQ(as_status.problems.size(), 1u);
  EXPECT_EQ(as_status.problems[0].message,
            "Đây là gói tin văn bản (MessageHeader), không phải gói tin trạng thái.");
  auto as_package = Parse(BuildStatus(SampleStatus(), nullptr));
  ASSERT_EQ(as_package.problems.size(), 1u);
  EXPECT_EQ(as_package.problems[0].message,
            "Đây là gói tin trạng thái (Status), không phải gói tin văn bản.");
}

TEST(EdxmlStatus, UnknownCodeAndBadTimestamp) {
  std::string xml =
      Replace(BuildStatus(SampleStatus(), nullptr), "<StatusCode>03<", "<StatusCode>3<");
  xml = Replace(xml, "2026/03/02 10:05:00", "02/03/2026 10:05");
  auto parsed = ParseStatus(xml);
  ASSERT_EQ(parsed.problems.size(), 2u) << Describe(parsed.problems);
  EXPECT_EQ(parsed.problems[0].field, "Status.StatusCode");
  EXPECT_EQ(parsed.problems[0].message,
            "Mã trạng thái \"3\" không thuộc danh mục: 01, 02, 03, 04, 05, 06, 13, 15, 16.");
  EXPECT_EQ(parsed.problems[1].field, "Status.Timestamp");
}

}  // namespace
}  // namespace egov::exchange
