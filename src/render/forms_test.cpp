// The forms after Form 01 rendered and read back with pdftotext (poppler-utils): the number
// and title each rule set gives them (core::dossier::RuleSet), and their contents.
#include "render/forms.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <string>

#include "core/calendar/date.hpp"
#include "core/dossier/rule_set.hpp"

namespace egov::render {
namespace {

namespace fs = std::filesystem;
namespace wf = core::dossier;

// The PDF's text in drawing order (pdftotext -raw: a table cell stays together), runs of
// spaces and line breaks collapsed to one space, so a phrase is found wherever it wraps. With
// EGOV_FORMS_SAMPLE_DIR set, every PDF is also kept there (form-1.pdf, form-2.pdf …).
std::string Text(const std::string& pdf) {
  EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  if (const char* dir = std::getenv("EGOV_FORMS_SAMPLE_DIR")) {
    static int n = 0;
    std::ofstream(fs::path(dir) / ("form-" + std::to_string(++n) + ".pdf"), std::ios::binary)
        << pdf;
  }
  std::random_device random;
  fs::path file = fs::temp_directory_path() / ("egov_forms_test_" + std::to_string(random()));
  { std::ofstream(file, std::ios::binary) << pdf; }
  std::string out;
  FILE* pipe =
      popen(("pdftotext -enc UTF-8 -raw '" + file.string() + "' - 2>/dev/null").c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  if (pipe) {
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    EXPECT_EQ(pclose(pipe), 0) << "pdftotext (poppler-utils) failed";
  }
  fs::remove(file);
  return std::regex_replace(out, std::regex("\\s+"), " ");
}

std::int64_t At(int year, int month, int day) {
  return core::calendar::ToUtcMillis({{year, month, day}, 9 * 60});
}

// The common part as the service fills it, numbered by the set in force on `received`.
FormCommon Common(std::int64_t received, wf::Form form) {
  const wf::RuleSet& rules = wf::RuleSetAt(received);
  const auto title = wf::FormIn(rules, form);
  EXPECT_TRUE(title.has_value());
  FormCommon c;
  c.header = {"UBND HUYỆN TRÀ BỒNG", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
              "Trà Bồng, ngày 13 tháng 02 năm 2026"};
  if (title) {
    c.number = std::string(title->number);
    c.title = std::string(title->title);
  }
  c.rule_set = std::string(rules.name);
  c.dossier_code = "000.01.99.H48-260202-0001";
  c.applicant_name = "Phạm Thị Hoa";
  c.procedure_name = "Cung cấp thông tin, dữ liệu đất đai";
  c.received_at_text = "08 giờ 00 phút, ngày 02/02/2026";
  c.agency_name = "UBND huyện Trà Bồng";
  return c;
}

const std::int64_t k2020 = At(2020, 3, 2);
const std::int64_t k2026 = At(2026, 2, 2);

TEST(Forms, SupplementListsEveryMissingItemWhyAndWhoGuided) {
  for (std::int64_t received : {k2020, k2026}) {
    SupplementRequest f{Common(received, wf::Form::kSupplement),
                        {"Bản sao Giấy chứng nhận quyền sử dụng đất", "Tờ khai lệ phí trước bạ"},
                        "Cần bản sao giấy chứng nhận",
                        "Lê Văn Tâm",
                        "Phòng Tài nguyên và Môi trường"};
    const std::string text = Text(RenderSupplementPdf(f));
    EXPECT_NE(text.find("Mẫu số 02"), std::string::npos) << text;
    EXPECT_NE(text.find("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), std::string::npos) << text;
    EXPECT_NE(text.find("1. Bản sao Giấy chứng nhận quyền sử dụng đất"), std::string::npos);
    EXPECT_NE(text.find("2. Tờ khai lệ phí trước bạ"), std::string::npos);
    EXPECT_NE(text.find("Lý do: Cần bản sao giấy chứng nhận"), std::string::npos);
    EXPECT_NE(text.find("Lê Văn Tâm, Phòng Tài nguyên và Môi trường"), std::string::npos);
    EXPECT_NE(text.find("NGƯỜI HƯỚNG DẪN"), std::string::npos);
    EXPECT_NE(text.find("000.01.99.H48-260202-0001"), std::string::npos);
    EXPECT_NE(text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos);
    EXPECT_NE(text.find("Trà Bồng, ngày 13 tháng 02 năm 2026"), std::string::npos);
  }
}

TEST(Forms, RefusalPrintsTheReason) {
  Refusal f{Common(k2026, wf::Form::kRefusal), "Không thuộc thẩm quyền giải quyết", "Đỗ Thị Hương"};
  const std::string text = Text(RenderRefusalPdf(f));
  EXPECT_NE(text.find("Mẫu số 03 (Thông tư 03/2025/TT-VPCP)"), std::string::npos) << text;
  EXPECT_NE(text.find("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), std::string::npos);
  EXPECT_NE(text.find("Không thuộc thẩm quyền giải quyết"), std::string::npos);
  EXPECT_NE(text.find("Đỗ Thị Hương"), std::string::npos);
}

TEST(Forms, ApologyIsTitledByItsRuleSetAndPrintsBothAppointments) {
  Apology old{Common(k2020, wf::Form::kApology), "Chờ xác minh nguồn gốc đất",
              "08 giờ 00 phút, ngày 16/03/2020", "16 giờ 00 phút, ngày 18/03/2020"};
  std::string text = Text(RenderApologyPdf(old));
  EXPECT_NE(text.find("Mẫu số 04 (Thông tư 01/2018/TT-VPCP)"), std::string::npos) << text;
  EXPECT_NE(text.find("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"), std::string::npos) << text;
  EXPECT_NE(text.find("Lý do: Chờ xác minh nguồn gốc đất"), std::string::npos);
  EXPECT_NE(text.find("08 giờ 00 phút, ngày 16/03/2020"), std::string::npos);
  EXPECT_NE(text.find("hẹn lại thời gian trả kết quả vào: 16 giờ 00 phút, ngày 18/03/2020"),
            std::string::npos)
      << text;

  Apology now{Common(k2026, wf::Form::kApology), "Chờ xác minh", "08 giờ 00 phút, ngày 16/03/2026",
              "16 giờ 00 phút, ngày 18/03/2026"};
  text = Text(RenderApologyPdf(now));
  EXPECT_NE(text.find("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("PHIẾU XIN LỖI"), std::string::npos);
  EXPECT_NE(text.find("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ"), std::string::npos);
}

TEST(Forms, StopNoticeExistsFrom2025Only) {
  EXPECT_FALSE(wf::FormIn(wf::RuleSetAt(k2020), wf::Form::kStop));
  StopNotice f{Common(k2026, wf::Form::kStop), "Dừng giải quyết theo đề nghị",
               "09 giờ 00 phút, ngày 02/03/2026"};
  const std::string text = Text(RenderStopNoticePdf(f));
  EXPECT_NE(text.find("Mẫu số 05"), std::string::npos) << text;
  EXPECT_NE(text.find("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"), std::string::npos);
  EXPECT_NE(text.find("Lý do: Dừng giải quyết theo đề nghị"), std::string::npos);
  EXPECT_NE(text.find("kể từ 09 giờ 00 phút, ngày 02/03/2026"), std::string::npos);
}

TEST(Forms, ControlSheetHasARowPerHandOffWithItsResult) {
  for (std::int64_t received : {k2020, k2026}) {
    ControlSheet f{
        Common(received, wf::Form::kControlSheet), "08 giờ 00 phút, ngày 23/02/2026", {}};
    f.rows = {
        {"Người nộp hồ sơ", "Phạm Thị Hoa", "Bộ phận một cửa", "Đỗ Thị Giang",
         "08 giờ 00 phút, ngày 02/02/2026", "", "Tiếp nhận hồ sơ"},
        {"Văn phòng HĐND và UBND", "Đỗ Thị Giang", "Phòng TNMT", "Lê Văn Tâm",
         "09 giờ 00 phút, ngày 02/02/2026", "Đúng hạn", "Chuyển xử lý"},
        {"Phòng TNMT", "Lê Văn Tâm", "Văn phòng HĐND và UBND", "",
         "10 giờ 00 phút, ngày 03/02/2026", "Trước hạn", "Trả lại bước trước: Thiếu bản đồ"},
        {"Phòng TNMT", "Trần Minh", "Văn phòng HĐND và UBND", "", "08 giờ 04 phút, ngày 16/03/2026",
         "Quá hạn", "Hoàn thành giải quyết"},
    };
    const std::string text = Text(RenderControlSheetPdf(f));
    const bool old = received == k2020;
    EXPECT_NE(text.find(old ? "Mẫu số 05" : "Mẫu số 06"), std::string::npos) << text;
    EXPECT_NE(text.find("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"), std::string::npos);
    for (const char* cell : {"Trước hạn", "Đúng hạn", "Quá hạn", "Lê Văn Tâm", "Trần Minh",
                             "Thiếu bản đồ", "Tiếp nhận hồ sơ"}) {
      EXPECT_NE(text.find(cell), std::string::npos) << cell;
    }
    // Rows in order, numbered.
    EXPECT_LT(text.find("Đúng hạn"), text.find("Trước hạn"));
    EXPECT_LT(text.find("Trước hạn"), text.find("Quá hạn"));
  }
}

TEST(Forms, ALongControlSheetContinuesOnNumberedPages) {
  ControlSheet f{Common(k2026, wf::Form::kControlSheet), "", {}};
  for (int i = 0; i < 40; ++i) {
    f.rows.push_back({"Phòng Tài nguyên và Môi trường", "Lê Văn Tâm", "Văn phòng", "Đỗ Giang",
                      "09 giờ 00 phút, ngày 02/02/2026", "Đúng hạn",
                      "Chuyển xử lý <b>" + std::to_string(i) + "</b>"});
  }
  const std::string text = Text(RenderControlSheetPdf(f));
  EXPECT_NE(text.find("Trang 1/"), std::string::npos);
  EXPECT_NE(text.find("Chuyển xử lý <b>39</b>"), std::string::npos) << "markup is escaped";
}

}  // namespace
}  // namespace egov::render
