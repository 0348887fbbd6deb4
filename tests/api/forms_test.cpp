// The printed forms of a dossier over real HTTP on both engines (CONTRACT.md,
// `GET /api/v1/dossiers/{code}/forms/{name}.pdf`; docs/forms.md): a dossier walked through
// reschedule, supplement, hand-offs, refusal and stop on the test clock, each form fetched and
// read back with pdftotext -raw (drawing order, so a table cell stays together); the forms that do
// not apply yet (409), the stop notice that the 2018 rules do not have (404), and the numbering of
// a 2020 dossier against a 2026 one. Times as in processing_test.cpp (demo 1.012789, 10 days; steps
// 0 reception 4 h, 1 specialist 64 h, 2 leader 8 h at 000.02.99.H48, 3 the return 4 h; hours
// 07:30–11:30, 13:00–17:00; no holidays in March 2020 or March 2026).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include "demo_api.hpp"
#include "demo_server.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {
namespace {

namespace json = boost::json;
using Headers = std::map<std::string, std::string>;

struct Form {
  unsigned status = 0;
  std::string text;  // pdftotext, whitespace collapsed; the error body when not 200
  std::string disposition;
};

class FormsTest : public DemoServerTest {
 protected:
  void SetUp() override { ServeDemo("2026-03-02T08:00:00+07:00"); }

  json::object Do(const std::string& code, const std::string& instant, const std::string& user,
                  const json::object& body) {
    auto r = c_->Post("/api/v1/dossiers/" + code + "/actions", json::serialize(body),
                      "application/json", At(instant, user));
    EXPECT_EQ(r.status, 200u) << json::serialize(body) << " " << r.body;
    return r.status == 200u ? r.json().as_object() : json::object{};
  }
  Form Fetch(const std::string& code, const std::string& name,
             const std::string& user = "tiepnhan") {
    auto r = c_->Get("/api/v1/dossiers/" + code + "/forms/" + name, SignIn(*c_, user));
    Form f{r.status, r.body, r.header("content-disposition")};
    if (r.status != 200u) return f;
    EXPECT_EQ(r.header("content-type"), "application/pdf");
    EXPECT_EQ(r.body.rfind("%PDF-", 0), 0u);
    auto file = std::filesystem::temp_directory_path() /
                ("egov_forms_api_" + std::to_string(::getpid()) + ".pdf");
    { std::ofstream(file, std::ios::binary) << r.body; }
    std::string text;
    FILE* pipe = popen(("pdftotext -enc UTF-8 -raw '" + file.string() + "' -").c_str(), "r");
    EXPECT_NE(pipe, nullptr);
    if (pipe) {
      char buffer[4096];
      while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
      pclose(pipe);
    }
    std::filesystem::remove(file);
    f.text = std::regex_replace(text, std::regex("\\s+"), " ");
    return f;
  }
  static bool Has(const Form& f, const std::string& s) {
    return f.text.find(s) != std::string::npos;
  }
  static std::size_t Count(const std::string& text, const std::string& s) {
    std::size_t n = 0;
    for (auto at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) ++n;
    return n;
  }
};

INSTANTIATE_TEST_SUITE_P(Engines, FormsTest, ::testing::ValuesIn(Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(FormsTest, EachFormOfA2026DossierOnceItApplies) {
  // Mon 2/3 08:00: due Mon 16/3 08:00; step 0 due 13:30.
  const std::string code = ReceiveLand("2026-03-02T08:00:00+07:00");

  // The receipt under both names; the rest not yet.
  for (const char* name : {"receipt.pdf", "01.pdf"}) {
    Form receipt = Fetch(code, name);
    ASSERT_EQ(receipt.status, 200u) << name << " " << receipt.text;
    EXPECT_TRUE(Has(receipt, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")) << receipt.text;
    EXPECT_TRUE(Has(receipt, code));
    EXPECT_TRUE(Has(receipt, "08 giờ 00 phút, ngày 16/03/2026")) << receipt.text;
    EXPECT_EQ(receipt.disposition, "inline; filename=\"giay-hen-" + code + ".pdf\"");
  }
  for (const char* name : {"supplement.pdf", "refusal.pdf", "apology.pdf", "stop.pdf"}) {
    Form f = Fetch(code, name);
    EXPECT_EQ(f.status, 409u) << name << " " << f.text;
    EXPECT_NE(f.text.find("\"conflict\""), std::string::npos) << f.text;
  }
  for (const char* name : {"02.pdf", "receipt", "supplement.PDF", "logbook.pdf", "control-sheet"}) {
    EXPECT_EQ(Fetch(code, name).status, 404u) << name;
  }
  // Another district's officer does not see the dossier: 404 before the 409.
  EXPECT_EQ(Fetch(code, "supplement.pdf", "tiepnhan.binhson").status, 404u);
  EXPECT_EQ(Fetch(code, "control-sheet.pdf", "tiepnhan.binhson").status, 404u);
  EXPECT_EQ(c_->Get("/api/v1/dossiers/" + code + "/forms/receipt.pdf").status, 401u);

  // Apology at 08:10: Mon 16/3 08:00 → Wed 18/3 16:00.
  Do(code, "2026-03-02T08:10:00+07:00", "tiepnhan",
     {{"action", "reschedule"},
      {"reason", "Chờ xác minh nguồn gốc đất"},
      {"new_due_at", "2026-03-18T16:00:00+07:00"}});
  Form apology = Fetch(code, "apology.pdf");
  ASSERT_EQ(apology.status, 200u) << apology.text;
  EXPECT_TRUE(Has(apology, "Mẫu số 04 (Thông tư 03/2025/TT-VPCP)")) << apology.text;
  EXPECT_TRUE(Has(apology, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"));
  EXPECT_TRUE(Has(apology,
                  "Thời gian hẹn trả kết quả giải quyết hồ sơ: 08 giờ 00 phút, ngày "
                  "16/03/2026"))
      << apology.text;
  EXPECT_TRUE(Has(apology, "Lý do: Chờ xác minh nguồn gốc đất"));
  EXPECT_TRUE(Has(apology, "hẹn lại thời gian trả kết quả vào: 16 giờ 00 phút, ngày 18/03/2026"))
      << apology.text;
  EXPECT_TRUE(Has(apology, "Phạm Thị Hoa"));
  EXPECT_EQ(apology.disposition, "inline; filename=\"xin-loi-" + code + ".pdf\"");

  // Forwarded 08:30 (step 0 due 13:30 the same day: on time) to the specialist: step 1 due
  // 64 h later, Thu 12/3 08:30.
  Do(code, "2026-03-02T08:30:00+07:00", "tiepnhan",
     {{"action", "forward"}, {"to_user", "chuyenvien.tnmt"}});
  // Supplement asked Tue 3/3 09:00, everything missing at once.
  Do(code, "2026-03-03T09:00:00+07:00", "chuyenvien.tnmt",
     {{"action", "request_supplement"},
      {"reason", "Cần bản sao giấy chứng nhận"},
      {"missing",
       json::array{"Bản sao Giấy chứng nhận quyền sử dụng đất", "Trích lục bản đồ địa chính"}}});
  Form supplement = Fetch(code, "supplement.pdf");
  ASSERT_EQ(supplement.status, 200u) << supplement.text;
  EXPECT_TRUE(Has(supplement, "Mẫu số 02")) << supplement.text;
  EXPECT_TRUE(Has(supplement, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"));
  EXPECT_TRUE(Has(supplement, "1. Bản sao Giấy chứng nhận quyền sử dụng đất")) << supplement.text;
  EXPECT_TRUE(Has(supplement, "2. Trích lục bản đồ địa chính"));
  EXPECT_TRUE(Has(supplement, "Lý do: Cần bản sao giấy chứng nhận"));
  EXPECT_TRUE(Has(supplement,
                  "Chuyên viên Phòng Tài nguyên và Môi trường, Phòng Tài nguyên và "
                  "Môi trường"))
      << "who guided, and their agency: " << supplement.text;
  EXPECT_EQ(supplement.disposition, "inline; filename=\"yeu-cau-bo-sung-" + code + ".pdf\"");

  // Received back Tue 3/3 10:00 (paused 60 working minutes: step 1 due 12/3 09:30); forwarded
  // to the leader Wed 4/3 08:00, days before its due day: early; the leader's 8 h → Thu 5/3
  // 08:00; completed 5/3 09:00: late; the return step 4 h → 5/3 14:30, returned 10:00: on time.
  Do(code, "2026-03-03T10:00:00+07:00", "tiepnhan", {{"action", "receive_supplement"}});
  Do(code, "2026-03-04T08:00:00+07:00", "chuyenvien.tnmt", {{"action", "forward"}});
  auto done = Do(code, "2026-03-05T09:00:00+07:00", "lanhdao.tnmt", {{"action", "complete"}});
  Do(code, "2026-03-05T10:00:00+07:00", "tiepnhan", {{"action", "return_result"}});

  Form sheet = Fetch(code, "control-sheet.pdf");
  ASSERT_EQ(sheet.status, 200u) << sheet.text;
  EXPECT_TRUE(Has(sheet, "Mẫu số 06 (Thông tư 03/2025/TT-VPCP)")) << sheet.text;
  EXPECT_TRUE(Has(sheet, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"));
  // Hand-offs judged: forward (on time), forward (early), complete (late), return (on time).
  EXPECT_EQ(Count(sheet.text, "Đúng hạn"), 2u) << sheet.text;
  EXPECT_EQ(Count(sheet.text, "Trước hạn"), 1u);
  EXPECT_EQ(Count(sheet.text, "Quá hạn"), 1u);
  EXPECT_LT(sheet.text.find("Đúng hạn"), sheet.text.find("Trước hạn"));
  EXPECT_LT(sheet.text.find("Trước hạn"), sheet.text.find("Quá hạn"));
  for (const char* cell : {"Cán bộ Bộ phận Một cửa", "Chuyên viên Phòng Tài nguyên và Môi trường",
                           "Trưởng Phòng Tài nguyên và Môi trường", "Yêu cầu bổ sung hồ sơ",
                           "Nhận hồ sơ bổ sung", "Hoàn thành giải quyết", "Trả kết quả",
                           "08 giờ 30 phút, ngày 02/03/2026", "09 giờ 00 phút, ngày 05/03/2026"}) {
    EXPECT_TRUE(Has(sheet, cell)) << cell << ": " << sheet.text;
  }
  EXPECT_EQ(sheet.disposition, "inline; filename=\"phieu-kiem-soat-" + code + ".pdf\"");
  // Still never refused nor stopped.
  EXPECT_EQ(Fetch(code, "refusal.pdf").status, 409u);
  EXPECT_EQ(Fetch(code, "stop.pdf").status, 409u);
  (void)done;
}

TEST_P(FormsTest, RefusalAndStopNotice) {
  const std::string refused = ReceiveLand("2026-03-02T08:00:00+07:00");
  Do(refused, "2026-03-02T09:00:00+07:00", "tiepnhan",
     {{"action", "refuse"}, {"reason", "Không thuộc thẩm quyền giải quyết"}});
  Form refusal = Fetch(refused, "refusal.pdf");
  ASSERT_EQ(refusal.status, 200u) << refusal.text;
  EXPECT_TRUE(Has(refusal, "Mẫu số 03")) << refusal.text;
  EXPECT_TRUE(Has(refusal, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"));
  EXPECT_TRUE(Has(refusal, "Không thuộc thẩm quyền giải quyết"));
  EXPECT_TRUE(Has(refusal, refused));
  EXPECT_EQ(Fetch(refused, "supplement.pdf").status, 409u);
  EXPECT_EQ(Fetch(refused, "stop.pdf").status, 409u);

  const std::string stopped = ReceiveLand("2026-03-02T08:00:00+07:00");
  Do(stopped, "2026-03-02T08:30:00+07:00", "tiepnhan", {{"action", "forward"}});
  Do(stopped, "2026-03-02T09:00:00+07:00", "lanhdao.tnmt",
     {{"action", "stop"}, {"reason", "Dừng giải quyết theo đề nghị của người nộp"}});
  Form stop = Fetch(stopped, "stop.pdf");
  ASSERT_EQ(stop.status, 200u) << stop.text;
  EXPECT_TRUE(Has(stop, "Mẫu số 05 (Thông tư 03/2025/TT-VPCP)")) << stop.text;
  EXPECT_TRUE(Has(stop, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"));
  EXPECT_TRUE(Has(stop, "Lý do: Dừng giải quyết theo đề nghị của người nộp"));
  EXPECT_TRUE(Has(stop, "kể từ 09 giờ 00 phút, ngày 02/03/2026")) << stop.text;
  EXPECT_EQ(stop.disposition, "inline; filename=\"dung-giai-quyet-" + stopped + ".pdf\"");
  EXPECT_EQ(Fetch(stopped, "refusal.pdf").status, 409u);
  EXPECT_EQ(Fetch(stopped, "refusal.pdf", "tiepnhan.binhson").status, 404u);
}

TEST_P(FormsTest, A2020DossierIsNumberedByCircular01Of2018) {
  // Mon 2/3/2020 08:00 (the 2020 calendar: no holiday in March): due Mon 16/3/2020 08:00.
  const std::string code = ReceiveLand("2020-03-02T08:00:00+07:00");
  Form receipt = Fetch(code, "receipt.pdf");
  ASSERT_EQ(receipt.status, 200u) << receipt.text;
  EXPECT_TRUE(Has(receipt, "08 giờ 00 phút, ngày 16/03/2020")) << receipt.text;
  // No stop notice under the 2018 rules, whatever happens: 404.
  Form stop = Fetch(code, "stop.pdf");
  EXPECT_EQ(stop.status, 404u) << stop.text;
  EXPECT_NE(stop.text.find("Thông tư 01/2018/TT-VPCP"), std::string::npos) << stop.text;

  Do(code, "2020-03-02T08:10:00+07:00", "tiepnhan",
     {{"action", "reschedule"},
      {"reason", "Chờ xác minh nguồn gốc đất"},
      {"new_due_at", "2020-03-18T16:00:00+07:00"}});
  Form apology = Fetch(code, "apology.pdf");
  ASSERT_EQ(apology.status, 200u) << apology.text;
  EXPECT_TRUE(Has(apology, "Mẫu số 04 (Thông tư 01/2018/TT-VPCP)")) << apology.text;
  EXPECT_TRUE(Has(apology, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"));
  EXPECT_FALSE(Has(apology, "ĐỀ NGHỊ GIA HẠN"));
  EXPECT_TRUE(Has(apology, "08 giờ 00 phút, ngày 16/03/2020"));
  EXPECT_TRUE(Has(apology, "hẹn lại thời gian trả kết quả vào: 16 giờ 00 phút, ngày 18/03/2020"))
      << apology.text;

  Do(code, "2020-03-02T09:00:00+07:00", "tiepnhan", {{"action", "forward"}});
  Form sheet = Fetch(code, "control-sheet.pdf");
  ASSERT_EQ(sheet.status, 200u) << sheet.text;
  EXPECT_TRUE(Has(sheet, "Mẫu số 05 (Thông tư 01/2018/TT-VPCP)")) << sheet.text;
  EXPECT_TRUE(Has(sheet, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"));
  EXPECT_EQ(Count(sheet.text, "Đúng hạn"), 1u) << "the forward, on its due day: " << sheet.text;
  EXPECT_EQ(Fetch(code, "stop.pdf").status, 404u);
}

}  // namespace
}  // namespace egov::testing
