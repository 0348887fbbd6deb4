// Form 01 receipts rendered and read back with poppler-utils (pdftotext, pdfinfo, pdffonts)
// and the QR code decoded with zbarimg (zbar-tools, installed by scripts/install-deps).
#include "render/receipt.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "render/qr.hpp"

namespace egov::render {
namespace {

namespace fs = std::filesystem;

// A directory of its own under the system temp dir, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("egov_render_test_" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  fs::path Write(const std::string& name, const std::string& bytes) const {
    fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct CommandResult {
  int status = -1;
  std::string out;
};

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  result.status = pclose(pipe);
  return result;
}

bool HaveTool(const std::string& name) { return RunCommand("command -v " + name).status == 0; }

std::string Quote(const fs::path& path) { return "'" + path.string() + "'"; }

// pdftotext -layout, with runs of spaces collapsed (justified lines are spread out).
std::string PdfText(const fs::path& pdf) {
  CommandResult r = RunCommand("pdftotext -enc UTF-8 -layout " + Quote(pdf) + " -");
  EXPECT_EQ(r.status, 0) << "pdftotext (poppler-utils) failed";
  return std::regex_replace(r.out, std::regex(" {2,}"), " ");
}

// The page sizes reported by pdfinfo, one "W x H" per page.
std::vector<std::pair<double, double>> PageSizes(const fs::path& pdf) {
  CommandResult r = RunCommand("pdfinfo -f 1 -l 1000 " + Quote(pdf));
  EXPECT_EQ(r.status, 0) << "pdfinfo (poppler-utils) failed";
  std::vector<std::pair<double, double>> sizes;
  std::regex size(R"(Page +\d+ size: +([\d.]+) x ([\d.]+) pts)");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), size), end; it != end; ++it) {
    sizes.emplace_back(std::stod((*it)[1]), std::stod((*it)[2]));
  }
  return sizes;
}

std::string LongProcedureName() {
  std::string name =
      "Thủ tục đăng ký biến động quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
      "với đất trong các trường hợp chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, "
      "tặng cho, góp vốn bằng quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với "
      "đất; chuyển quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất của vợ hoặc chồng "
      "thành của chung vợ và chồng; tăng thêm diện tích do nhận chuyển nhượng, thừa kế, được "
      "tặng cho quyền sử dụng đất đã có Giấy chứng nhận; đăng ký thế chấp, xóa đăng ký thế chấp "
      "theo quy định của Luật Đất đai và các văn bản hướng dẫn thi hành hiện hành";
  while (name.size() < 900) name += "; điều chỉnh, bổ sung thông tin trên Giấy chứng nhận";
  return name;  // about 600 characters (Vietnamese letters take 2–3 bytes)
}

Receipt RealisticReceipt() {
  Receipt r;
  r.parent_agency_name = "UBND HUYỆN TRÀ BỒNG";
  r.agency_name = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ";
  r.place_and_date = "Trà Bồng, ngày 25 tháng 02 năm 2026";
  r.dossier_code = "000.00.99.H48-260225-0001";
  r.applicant_name = "Nguyễn Thị Ánh Tuyết";
  r.applicant_id_number = "051190001234";
  r.applicant_phone = "0905 123 456";
  r.applicant_email = "anhtuyet.nguyen@example.vn";
  r.applicant_address = "Thôn Trường Giang, xã Trà Phú, huyện Trà Bồng, tỉnh Quảng Ngãi";
  r.procedure_code = "1.004227";
  r.procedure_name = LongProcedureName();
  r.components = {
      {"Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 09/ĐK)", 1, 0, 0},
      {"Giấy chứng nhận quyền sử dụng đất đã cấp", 1, 0, 0},
      {"Hợp đồng chuyển nhượng quyền sử dụng đất", 1, 0, 0},
      {"Căn cước công dân của bên chuyển nhượng", 0, 1, 0},
      {"Căn cước công dân của bên nhận chuyển nhượng", 0, 1, 0},
      {"Giấy xác nhận tình trạng hôn nhân", 1, 0, 0},
      {"Tờ khai lệ phí trước bạ nhà, đất", 2, 0, 0},
      {"Tờ khai thuế thu nhập cá nhân", 2, 0, 0},
      {"Sơ đồ thửa đất, trích lục bản đồ địa chính", 0, 0, 1},
      {"Văn bản ủy quyền (nếu có); giấy tờ chứng minh miễn, giảm nghĩa vụ tài chính", 0, 1, 2},
  };
  r.time_limit_text = "10 ngày làm việc";
  r.received_at_text = "10 giờ 05 phút, ngày 25/02/2026";
  r.due_at_text = "16 giờ 30 phút, ngày 11/03/2026";
  r.return_place = "Bộ phận Tiếp nhận và Trả kết quả, UBND huyện Trà Bồng (số 02 Đường Hùng Vương)";
  r.logbook_text = "Quyển số: 01/2026, Số thứ tự: 0001";
  r.fee_text = "8.000 đồng (Bằng chữ: Tám nghìn đồng)";
  r.receiver_name = "Đỗ Thị Hương Giang";
  r.lookup_url =
      "https://dichvucong.trabong.quangngai.gov.vn/tra-cuu/000.00.99.H48-260225-0001"
      "?t=Xq3vR9kLmT2wYp8s";
  return r;
}

bool IsA5(const std::pair<double, double>& size) {
  return std::abs(size.first - 419.53) < 0.5 && std::abs(size.second - 595.28) < 0.5;
}

TEST(ReceiptTest, RealisticReceiptReadsBackWithDiacritics) {
  std::string pdf = RenderReceiptPdf(RealisticReceipt());
  ASSERT_GT(pdf.size(), 1000u);
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
  // EGOV_RECEIPT_SAMPLE=/tmp/receipt.pdf keeps a copy to look at.
  if (const char* sample = std::getenv("EGOV_RECEIPT_SAMPLE")) {
    std::ofstream(sample, std::ios::binary) << pdf;
  }

  TempDir dir;
  fs::path file = dir.Write("receipt.pdf", pdf);
  std::string text = PdfText(file);
  EXPECT_NE(text.find("000.00.99.H48-260225-0001"), std::string::npos) << text;
  EXPECT_NE(text.find("Nguyễn Thị Ánh Tuyết"), std::string::npos) << text;
  EXPECT_NE(text.find("GIẤY TIẾP NHẬN HỒ SƠ"), std::string::npos) << text;
  EXPECT_NE(text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos) << text;
  EXPECT_NE(text.find("Độc lập - Tự do - Hạnh phúc"), std::string::npos) << text;
  EXPECT_NE(text.find("16 giờ 30 phút, ngày 11/03/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Giấy xác nhận tình trạng hôn nhân"), std::string::npos) << text;
  EXPECT_NE(text.find("chứng thực"), std::string::npos) << text;  // header "Bản / chứng thực"
  EXPECT_NE(text.find("Quyển số: 01/2026, Số thứ tự: 0001"), std::string::npos) << text;
  EXPECT_NE(text.find("Đỗ Thị Hương Giang"), std::string::npos) << text;
  EXPECT_NE(text.find("Quét mã để tra cứu"), std::string::npos) << text;  // caption, 2 lines
  EXPECT_NE(text.find("và đánh giá"), std::string::npos) << text;
  EXPECT_NE(text.find("anhtuyet.nguyen@example.vn"), std::string::npos) << text;

  auto sizes = PageSizes(file);
  ASSERT_FALSE(sizes.empty());
  for (const auto& size : sizes) EXPECT_TRUE(IsA5(size)) << size.first << " x " << size.second;
}

TEST(ReceiptTest, EmbedsNotoSerif) {
  TempDir dir;
  fs::path file = dir.Write("receipt.pdf", RenderReceiptPdf(RealisticReceipt()));
  CommandResult fonts = RunCommand("pdffonts " + Quote(file));
  ASSERT_EQ(fonts.status, 0);
  EXPECT_NE(fonts.out.find("NotoSerif"), std::string::npos) << fonts.out;
  // Every font line says "emb yes": no font is left to the viewer.
  std::regex not_embedded(R"(\n[^\n]*(Type|TrueType|CID)[^\n]* no +(yes|no) +(yes|no) )");
  EXPECT_FALSE(std::regex_search(fonts.out, not_embedded)) << fonts.out;
}

TEST(ReceiptTest, QrCodeDecodesToLookupUrl) {
  // scripts/install-deps installs zbar-tools and poppler-utils: their absence is a failure.
  ASSERT_TRUE(HaveTool("zbarimg") && HaveTool("pdftoppm")) << "run scripts/install-deps";
  Receipt receipt = RealisticReceipt();
  TempDir dir;
  fs::path file = dir.Write("receipt.pdf", RenderReceiptPdf(receipt));
  auto pages = PageSizes(file).size();
  ASSERT_GE(pages, 1u);
  // The QR code is at the end of the form, on the last page.
  std::string last = std::to_string(pages);
  fs::path png = dir.path() / "page";
  ASSERT_EQ(RunCommand("pdftoppm -png -r 150 -singlefile -f " + last + " -l " + last + " " +
                       Quote(file) + " " + Quote(png))
                .status,
            0);
  CommandResult decoded = RunCommand("zbarimg --quiet --raw " + Quote(png.string() + ".png"));
  ASSERT_EQ(decoded.status, 0) << "no QR code found";
  std::string url = decoded.out;
  while (!url.empty() && (url.back() == '\n' || url.back() == '\r')) url.pop_back();
  EXPECT_EQ(url, receipt.lookup_url);
}

TEST(ReceiptTest, EmptyOptionalFieldsAreLeftOut) {
  Receipt receipt = RealisticReceipt();
  receipt.applicant_email.clear();
  receipt.applicant_phone.clear();
  receipt.applicant_id_number.clear();
  receipt.fee_text.clear();
  receipt.procedure_code.clear();
  receipt.lookup_url.clear();
  receipt.components.clear();
  receipt.procedure_name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản";
  std::string pdf = RenderReceiptPdf(receipt);
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
  TempDir dir;
  fs::path file = dir.Write("receipt.pdf", pdf);
  std::string text = PdfText(file);
  EXPECT_EQ(text.find("Email"), std::string::npos) << text;
  EXPECT_EQ(text.find("Số điện thoại"), std::string::npos) << text;
  EXPECT_EQ(text.find("Phí, lệ phí"), std::string::npos) << text;
  EXPECT_EQ(text.find("Quét mã"), std::string::npos) << text;
  EXPECT_NE(text.find("6. Nhận kết quả tại"), std::string::npos) << text;
  EXPECT_NE(text.find("Nguyễn Thị Ánh Tuyết"), std::string::npos) << text;
  EXPECT_EQ(PageSizes(file).size(), 1u);
}

TEST(ReceiptTest, EntirelyEmptyReceiptStillRenders) {
  std::string pdf = RenderReceiptPdf(Receipt{});
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
  TempDir dir;
  std::string text = PdfText(dir.Write("empty.pdf", pdf));
  EXPECT_NE(text.find("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), std::string::npos) << text;
  EXPECT_NE(text.find("Tiếp nhận hồ sơ của: ……"), std::string::npos) << text;
}

TEST(ReceiptTest, MarkupControlCharactersAndBadUtf8AreDrawnAsText) {
  Receipt receipt = RealisticReceipt();
  receipt.applicant_name = "Lê <b>Văn</b> & \"Tám\"";
  receipt.applicant_address = std::string("Thôn 1\n\txã Trà Sơn\x01\x7f ") + "\xff\xfe end";
  receipt.components = {{"Tờ khai <i>đăng ký</i> &amp; khai sinh", 1, 0, 0}};
  receipt.procedure_name = "Đăng ký khai sinh";
  std::string pdf = RenderReceiptPdf(receipt);
  TempDir dir;
  std::string text = PdfText(dir.Write("hostile.pdf", pdf));
  EXPECT_NE(text.find("Lê <b>Văn</b> & \"Tám\""), std::string::npos) << text;
  EXPECT_NE(text.find("Tờ khai <i>đăng ký</i> &amp; khai sinh"), std::string::npos) << text;
  EXPECT_NE(text.find("xã Trà Sơn"), std::string::npos) << text;
  EXPECT_NE(text.find("end"), std::string::npos) << text;
}

TEST(ReceiptTest, LongComponentListContinuesOnNumberedA5Pages) {
  Receipt receipt = RealisticReceipt();
  for (int i = 0; i < 60; ++i) {
    receipt.components.push_back({"Giấy tờ bổ sung số " + std::to_string(i + 11), 1, 0, 1});
  }
  TempDir dir;
  fs::path file = dir.Write("long.pdf", RenderReceiptPdf(receipt));
  auto sizes = PageSizes(file);
  ASSERT_GE(sizes.size(), 3u);
  for (const auto& size : sizes) EXPECT_TRUE(IsA5(size));
  std::string text = PdfText(file);
  EXPECT_NE(text.find("Giấy tờ bổ sung số 70"), std::string::npos) << text;
  EXPECT_NE(text.find("Trang 1/" + std::to_string(sizes.size())), std::string::npos) << text;
  // The header row is repeated on every page the table continues on.
  std::size_t headers = 0;
  for (std::size_t at = 0; (at = text.find("Tên giấy tờ", at)) != std::string::npos; ++at) {
    ++headers;
  }
  EXPECT_GE(headers, 2u);
}

TEST(ReceiptTest, OversizedTextWrapsAndNeverCrashes) {
  Receipt receipt = RealisticReceipt();
  std::string huge;
  while (huge.size() < 40000) huge += "Quyền sử dụng đất ";
  receipt.procedure_name = huge;                       // flows over several pages
  receipt.components[0].name = huge;                   // one cell: ellipsised to one page
  receipt.applicant_address = std::string(3000, 'X');  // one unbreakable word: wraps by char
  std::string pdf = RenderReceiptPdf(receipt);
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
  TempDir dir;
  auto sizes = PageSizes(dir.Write("huge.pdf", pdf));
  EXPECT_GE(sizes.size(), 3u);
  for (const auto& size : sizes) EXPECT_TRUE(IsA5(size));
}

TEST(ReceiptTest, LookupUrlTooLongForAQrCodeIsRejected) {
  Receipt receipt = RealisticReceipt();
  receipt.lookup_url = "https://example.vn/?t=" + std::string(3000, 'a');
  EXPECT_THROW(RenderReceiptPdf(receipt), std::invalid_argument);
}

TEST(ReceiptTest, ConcurrentRenderingIsSafe) {
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&ok] {
      for (int i = 0; i < 5; ++i) {
        Receipt receipt = RealisticReceipt();
        receipt.dossier_code += std::to_string(i);
        if (RenderReceiptPdf(receipt).rfind("%PDF-", 0) == 0) ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 20);
}

TEST(QrTest, EncodesAtLevelMAndRejectsWhatCannotBePrinted) {
  QrMatrix qr = EncodeQr("https://example.vn/tra-cuu/000.00.99.H48-260225-0001");
  EXPECT_GE(qr.size, 21);
  EXPECT_EQ((qr.size - 17) % 4, 0);  // sizes of QR versions: 21, 25, 29 …
  EXPECT_EQ(qr.dark.size(), static_cast<std::size_t>(qr.size * qr.size));
  EXPECT_TRUE(qr.at(0, 0));  // finder pattern corners are dark
  EXPECT_THROW(EncodeQr(""), std::invalid_argument);
  EXPECT_THROW(EncodeQr(std::string(2332, 'a')), std::invalid_argument);
  EXPECT_NO_THROW(EncodeQr(std::string(2331, 'a')));
}

}  // namespace
}  // namespace egov::render
