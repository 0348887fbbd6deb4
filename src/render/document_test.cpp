// Administrative documents (Decree 30/2020 Phụ lục I) rendered on A4 and read back with
// pdftotext (exact lines), pdfinfo, and the seal's QR code decoded with zbarimg.
#include "render/document.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "render/read_back_testing.hpp"

namespace egov::render {
namespace {

using testing::DecodeQr;
using testing::PageCount;
using testing::PageSize;
using testing::PdfLines;
using testing::ScratchDir;

const std::string kVerifyUrl =
    "https://dichvucong.trabong.quangngai.gov.vn/xac-thuc/"
    "q8Zr3vT0pKcW1sXy7uN4bH2gM9aL5eD6fJ0iQwErTyU";

AdministrativeDocument Decision() {
  AdministrativeDocument d;
  d.parent_agency_name = "UBND TỈNH QUẢNG NGÃI";
  d.agency_name = "ỦY BAN NHÂN DÂN\nHUYỆN TRÀ BỒNG";
  d.number_notation = "07/QĐ-UBND";
  d.place_and_date = "Trà Bồng, ngày 05 tháng 12 năm 2026";
  d.type_name = "QUYẾT ĐỊNH";
  d.summary = "Về việc phê duyệt Kế hoạch chuyển đổi số năm 2027";
  d.authority = "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG";
  d.paragraphs = {
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
      "Theo đề nghị của Chánh Văn phòng HĐND và UBND huyện.",
      "Điều 1. Phê duyệt Kế hoạch chuyển đổi số năm 2027 của huyện Trà Bồng kèm theo Quyết "
      "định này.",
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
  };
  d.recipients = {"Như Điều 2;", "Lưu: VT, VP."};
  d.signing_authority = "TM. ỦY BAN NHÂN DÂN";
  d.signer_position = "CHỦ TỊCH";
  d.signer_name = "Nguyễn Văn An";
  d.verify_url = kVerifyUrl;
  d.seal_line = "Văn bản điện tử có dấu số của UBND huyện Trà Bồng.";
  return d;
}

bool Has(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST(DocumentTest, DecisionReadsBackInTheDecreeLayout) {
  ScratchDir dir;
  auto pdf = dir.Write("qd.pdf", RenderDocumentPdf(Decision()));
  auto size = PageSize(pdf);
  EXPECT_NEAR(size.first, 595.28, 0.5);  // A4 portrait
  EXPECT_NEAR(size.second, 841.89, 0.5);
  EXPECT_EQ(PageCount(pdf), 1);
  auto lines = PdfLines(pdf);
  SCOPED_TRACE(Joined(lines));
  // The agency block beside the national title and motto, the number beside place and date.
  ASSERT_GE(lines.size(), 9u);
  EXPECT_EQ(lines[0], "UBND TỈNH QUẢNG NGÃI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  EXPECT_EQ(lines[1], "ỦY BAN NHÂN DÂN Độc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(lines[2], "HUYỆN TRÀ BỒNG");
  EXPECT_EQ(lines[3], "Số: 07/QĐ-UBND Trà Bồng, ngày 05 tháng 12 năm 2026");
  // Type name and trích yếu centred, then the content in order.
  EXPECT_EQ(lines[4], "QUYẾT ĐỊNH");
  EXPECT_EQ(lines[5], "Về việc phê duyệt Kế hoạch chuyển đổi số năm 2027");
  EXPECT_EQ(lines[6], "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG");
  EXPECT_EQ(lines[7], "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm");
  EXPECT_EQ(lines[8], "2025;");
  EXPECT_TRUE(Has(lines, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."));
  // Nơi nhận on the left, the signer on the right.
  EXPECT_TRUE(Has(lines, "Nơi nhận: TM. ỦY BAN NHÂN DÂN"));
  EXPECT_TRUE(Has(lines, "- Như Điều 2; CHỦ TỊCH"));
  EXPECT_TRUE(Has(lines, "- Lưu: VT, VP."));
  EXPECT_TRUE(Has(lines, "Nguyễn Văn An"));
  EXPECT_TRUE(Has(lines, "Văn bản điện tử có dấu số của UBND huyện Trà Bồng."));
}

TEST(DocumentTest, SealQrDecodesToTheVerificationPage) {
  ASSERT_EQ(testing::Run("command -v zbarimg").status, 0) << "zbar-tools missing";
  ScratchDir dir;
  auto pdf = dir.Write("qd.pdf", RenderDocumentPdf(Decision()));
  EXPECT_EQ(DecodeQr(dir, pdf, PageCount(pdf)), kVerifyUrl);
}

TEST(DocumentTest, OfficialLetterPrintsItsSummaryUnderTheNumber) {
  AdministrativeDocument d = Decision();
  d.number_notation = "45/UBND-VP";
  d.type_name = "";
  d.summary = "V/v triển khai dịch vụ công trực tuyến";
  d.addressees = {"Các phòng, ban chuyên môn thuộc UBND huyện;", "UBND các xã, thị trấn."};
  d.paragraphs = {
      "Thực hiện chỉ đạo của UBND tỉnh, UBND huyện đề nghị các cơ quan, đơn vị "
      "triển khai các nội dung sau."};
  d.verify_url.clear();
  ScratchDir dir;
  auto pdf = dir.Write("cv.pdf", RenderDocumentPdf(d));
  auto lines = PdfLines(pdf);
  SCOPED_TRACE(Joined(lines));
  ASSERT_GE(lines.size(), 6u);
  EXPECT_EQ(lines[3], "Số: 45/UBND-VP Trà Bồng, ngày 05 tháng 12 năm 2026");
  EXPECT_EQ(lines[4], "V/v triển khai dịch vụ công trực");
  EXPECT_EQ(lines[5], "tuyến");
  EXPECT_TRUE(Has(lines, "Kính gửi: Các phòng, ban chuyên môn thuộc UBND huyện;"));
  EXPECT_TRUE(Has(lines, "UBND các xã, thị trấn."));
  EXPECT_FALSE(Has(lines, "V/v triển khai dịch vụ công trực tuyến"));  // not centred again
  // No seal block without a verification URL.
  EXPECT_EQ(DecodeQr(dir, pdf, 1), "");
}

TEST(DocumentTest, LongContentContinuesOnNumberedPagesWithTheSealOnTheLast) {
  AdministrativeDocument d = Decision();
  for (int i = 3; i <= 60; ++i) {
    d.paragraphs.push_back("Điều " + std::to_string(i) +
                           ". Các cơ quan, đơn vị có liên quan chịu trách nhiệm tổ chức thực "
                           "hiện các nội dung được giao tại Kế hoạch kèm theo Quyết định này.");
  }
  ScratchDir dir;
  auto pdf = dir.Write("long.pdf", RenderDocumentPdf(d));
  const int pages = PageCount(pdf);
  ASSERT_GE(pages, 3);
  auto first = PdfLines(pdf, 1, 1);
  EXPECT_EQ(first.back(), "07/QĐ-UBND – Trang 1/" + std::to_string(pages));
  auto last = PdfLines(pdf, pages, pages);
  EXPECT_TRUE(Has(last, "Nguyễn Văn An"));
  EXPECT_EQ(DecodeQr(dir, pdf, pages), kVerifyUrl);
}

TEST(DocumentTest, ValuesAreTextNotMarkup) {
  AdministrativeDocument d = Decision();
  d.summary = "Về việc <b>thử</b> & \"kiểm tra\"";
  ScratchDir dir;
  auto lines = PdfLines(dir.Write("x.pdf", RenderDocumentPdf(d)));
  EXPECT_TRUE(Has(lines, "Về việc <b>thử</b> & \"kiểm tra\"")) << Joined(lines);
}

TEST(DocumentTest, AVerifyUrlTooLongForAQrCodeIsRejected) {
  AdministrativeDocument d = Decision();
  d.verify_url = "https://x.vn/" + std::string(3000, 'a');
  EXPECT_THROW(RenderDocumentPdf(d), std::invalid_argument);
}

}  // namespace
}  // namespace egov::render
