// The document registers (Decree 30/2020 Phụ lục IV): the PDF read back with pdftotext (the
// title and period, every column heading in order on every page, rows never split across a
// page break, page numbers) and the XLSX opened back with python3's zipfile (cells, widths,
// the frozen heading row).
#include "render/registers.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "render/read_back_testing.hpp"

namespace egov::render {
namespace {

using testing::PageCount;
using testing::PageSize;
using testing::PdfLines;
using testing::Quoted;
using testing::Run;
using testing::ScratchDir;

RegisterInfo Info() {
  return {"UBND TỈNH QUẢNG NGÃI", "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG", "Năm 2026"};
}

IncomingRegisterRow Incoming(int i) {
  std::string n = std::to_string(i);
  return {"05/12/2026",
          n,
          "UBND tỉnh Quảng Ngãi",
          n + "/QĐ-UBND",
          "01/12/2026",
          "Quyết định số " + n +
              " về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội "
              "năm 2027 cho các huyện, thị xã, thành phố trên địa bàn tỉnh (văn bản thứ " +
              n + ")",
          "Văn phòng HĐND và UBND",
          "06/12/2026",
          "",
          i % 7 == 0 ? "Khẩn" : ""};
}

// The text of page `page` in content-stream order, every run of white space made one space:
// the cells of a row come one after another, each cell's wrapped lines joined.
std::string StreamText(const testing::fs::path& pdf, int page) {
  auto r = Run("pdftotext -enc UTF-8 -raw -f " + std::to_string(page) + " -l " +
               std::to_string(page) + " " + Quoted(pdf) + " -");
  EXPECT_EQ(r.status, 0);
  return std::regex_replace(r.out, std::regex("\\s+"), " ");
}

std::string HeadingsJoined(RegisterKind kind) {
  std::string out;
  for (auto h : RegisterHeadings(kind)) out += (out.empty() ? "" : " ") + std::string(h);
  return out;
}

TEST(RegistersTest, HeadingsAreThoseOfTheDecree) {
  EXPECT_EQ(HeadingsJoined(RegisterKind::kOutgoing),
            "Số, ký hiệu Ngày tháng văn bản Tên loại và trích yếu nội dung Người ký Nơi nhận "
            "Đơn vị, người nhận bản lưu Số lượng bản Ngày chuyển Ký nhận Ghi chú");
  EXPECT_EQ(RegisterHeadings(RegisterKind::kOutgoing).size(), 10u);
  EXPECT_EQ(HeadingsJoined(RegisterKind::kIncoming),
            "Ngày đến Số đến Tác giả Số, ký hiệu Ngày tháng Tên loại và trích yếu Đơn vị hoặc "
            "người nhận Ngày chuyển Ký nhận Ghi chú");
  EXPECT_EQ(RegisterHeadings(RegisterKind::kIncoming).size(), 10u);
  EXPECT_EQ(HeadingsJoined(RegisterKind::kTracking),
            "Số đến Tên loại, số, ký hiệu, ngày, cơ quan ban hành Đơn vị hoặc người nhận Thời "
            "hạn giải quyết Tiến độ giải quyết Số, ký hiệu văn bản trả lời Ghi chú");
  EXPECT_EQ(RegisterHeadings(RegisterKind::kTracking).size(), 7u);
}

TEST(RegistersTest, IncomingPdfRepeatsItsHeadingsAndNeverSplitsARow) {
  std::vector<IncomingRegisterRow> rows;
  for (int i = 1; i <= 40; ++i) rows.push_back(Incoming(i));
  ScratchDir dir;
  auto pdf = dir.Write("den.pdf", RenderRegisterPdf(Info(), rows));
  auto size = PageSize(pdf);
  EXPECT_NEAR(size.first, 841.89, 0.5);  // A4 landscape
  EXPECT_NEAR(size.second, 595.28, 0.5);
  const int pages = PageCount(pdf);
  ASSERT_GE(pages, 3);

  auto first = PdfLines(pdf, 1, 1);
  ASSERT_GE(first.size(), 4u);
  EXPECT_EQ(first[0], "UBND TỈNH QUẢNG NGÃI");
  EXPECT_EQ(first[1], "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG");
  EXPECT_EQ(first[2], "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN");
  EXPECT_EQ(first[3], "Năm 2026");

  const std::string headings = HeadingsJoined(RegisterKind::kIncoming);
  int found = 0;
  for (int page = 1; page <= pages; ++page) {
    SCOPED_TRACE("page " + std::to_string(page));
    std::string text = StreamText(pdf, page);
    // Every page: the heading row, then rows, then the page number.
    EXPECT_NE(text.find(headings), std::string::npos);
    if (page > 1) {
      EXPECT_EQ(text.find(headings), 0u);
    }
    EXPECT_NE(text.find("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN – Năm 2026 – Trang " + std::to_string(page) + "/" +
                        std::to_string(pages)),
              std::string::npos);
    // Each row whole on one page: its ten cells in order.
    for (int i = 1; i <= 40; ++i) {
      auto r = Incoming(i);
      std::string whole = r.arrival_date + " " + r.arrival_number + " " + r.author + " " +
                          r.number_notation + " " + r.date + " " + r.type_and_summary + " " +
                          r.recipient + " " + r.transferred_on +
                          (r.note.empty() ? "" : " " + r.note);
      if (text.find(whole) != std::string::npos) ++found;
    }
  }
  EXPECT_EQ(found, 40);  // every row once, none cut by a page break
  // The row that opens page 2 follows the repeated headings directly.
  std::string second = StreamText(pdf, 2);
  EXPECT_EQ(second.substr(headings.size() + 1, 11), "05/12/2026 ");
}

TEST(RegistersTest, OutgoingAndTrackingPdfsHaveTheirTitles) {
  ScratchDir dir;
  OutgoingRegisterRow out{"07/QĐ-UBND",
                          "05/12/2026",
                          "Quyết định phê duyệt Kế hoạch",
                          "Nguyễn Văn An",
                          "Các phòng, ban",
                          "Lưu: VT, VP",
                          "05",
                          "05/12/2026",
                          "",
                          ""};
  auto pdf = dir.Write("di.pdf", RenderRegisterPdf(Info(), std::vector{out}));
  auto lines = PdfLines(pdf);
  EXPECT_EQ(lines[2], "SỔ ĐĂNG KÝ VĂN BẢN ĐI");
  std::string text = StreamText(pdf, 1);
  EXPECT_NE(text.find(HeadingsJoined(RegisterKind::kOutgoing) +
                      " 07/QĐ-UBND 05/12/2026 Quyết định phê duyệt Kế hoạch Nguyễn Văn An "
                      "Các phòng, ban Lưu: VT, VP 05 05/12/2026"),
            std::string::npos)
      << text;

  TrackingRegisterRow tracked{"12",
                              "Công văn 45/UBND-VP ngày 01/12/2026 của UBND tỉnh",
                              "Phòng Tư pháp",
                              "15/12/2026",
                              "Đang giải quyết",
                              "",
                              ""};
  pdf = dir.Write("td.pdf", RenderRegisterPdf(Info(), std::vector{tracked}));
  lines = PdfLines(pdf);
  EXPECT_EQ(lines[2], "SỔ THEO DÕI VIỆC GIẢI QUYẾT VĂN BẢN ĐẾN");
  text = StreamText(pdf, 1);
  EXPECT_NE(text.find(HeadingsJoined(RegisterKind::kTracking) +
                      " 12 Công văn 45/UBND-VP ngày 01/12/2026 của UBND tỉnh Phòng Tư pháp "
                      "15/12/2026 Đang giải quyết"),
            std::string::npos)
      << text;
}

// The cells of the first sheet as "A1=value" lines (shared strings resolved), then the
// column widths ("col 1-1 width") and the frozen pane ("pane A7"), read with python3.
std::string XlsxDump(const testing::fs::path& file) {
  const char* script = R"PY(
import re, sys, zipfile
from xml.etree import ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
strings = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        strings.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
for c in sheet.iter('{%s}c' % ns['m']):
    v = c.find('m:v', ns)
    if v is None:
        continue
    value = strings[int(v.text)] if c.get('t') == 's' else v.text
    print('%s=%s' % (c.get('r'), value))
for col in sheet.iter('{%s}col' % ns['m']):
    print('col %s-%s %s' % (col.get('min'), col.get('max'), col.get('width')))
for pane in sheet.iter('{%s}pane' % ns['m']):
    print('pane %s' % pane.get('topLeftCell'))
wb = ET.fromstring(z.read('xl/workbook.xml'))
for s in wb.iter('{%s}sheet' % ns['m']):
    print('sheet %s' % s.get('name'))
)PY";
  ScratchDir dir;
  auto py = dir.Write("dump.py", script);
  auto r = Run("python3 " + Quoted(py) + " " + Quoted(file));
  EXPECT_EQ(r.status, 0) << "python3 could not read the workbook";
  return r.out;
}

TEST(RegistersTest, IncomingXlsxOpensBackWithItsCells) {
  std::vector<IncomingRegisterRow> rows = {Incoming(1), Incoming(7)};
  ScratchDir dir;
  auto file = dir.Write("den.xlsx", RenderRegisterXlsx(Info(), rows));
  std::string dump = XlsxDump(file);
  auto has = [&dump](const std::string& line) {
    return dump.find(line + "\n") != std::string::npos;
  };
  EXPECT_TRUE(has("sheet Sổ")) << dump;
  EXPECT_TRUE(has("A1=UBND TỈNH QUẢNG NGÃI")) << dump;
  EXPECT_TRUE(has("A2=ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"));
  EXPECT_TRUE(has("A3=SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"));
  EXPECT_TRUE(has("A4=Năm 2026"));
  // The heading row (6) with the ten headings, then a row per document.
  const char* columns = "ABCDEFGHIJ";
  auto headings = RegisterHeadings(RegisterKind::kIncoming);
  for (std::size_t c = 0; c < headings.size(); ++c) {
    EXPECT_TRUE(has(std::string(1, columns[c]) + "6=" + std::string(headings[c]))) << c;
  }
  EXPECT_TRUE(has("A7=05/12/2026"));
  EXPECT_TRUE(has("B7=1"));
  EXPECT_TRUE(has("C7=UBND tỉnh Quảng Ngãi"));
  EXPECT_TRUE(has("D7=1/QĐ-UBND"));
  EXPECT_TRUE(has("F7=" + Incoming(1).type_and_summary));
  EXPECT_TRUE(has("G7=Văn phòng HĐND và UBND"));
  EXPECT_TRUE(has("B8=7"));
  EXPECT_TRUE(has("J8=Khẩn"));
  EXPECT_FALSE(has("I7="));     // Ký nhận: left for a signature (an empty string cell)
  EXPECT_TRUE(has("pane A7"));  // headings frozen
  EXPECT_TRUE(has("col 6-6 36.7109375")) << dump;  // 36 characters (and padding): the widest
}

TEST(RegistersTest, OutgoingAndTrackingXlsxHaveTheirHeadings) {
  ScratchDir dir;
  auto out = dir.Write("di.xlsx", RenderRegisterXlsx(Info(), std::vector<OutgoingRegisterRow>{}));
  std::string dump = XlsxDump(out);
  EXPECT_NE(dump.find("A3=SỔ ĐĂNG KÝ VĂN BẢN ĐI\n"), std::string::npos) << dump;
  EXPECT_NE(dump.find("F6=Đơn vị, người nhận bản lưu\n"), std::string::npos);
  EXPECT_NE(dump.find("I6=Ký nhận\n"), std::string::npos);
  auto tracked = dir.Write(
      "td.xlsx", RenderRegisterXlsx(Info(), std::vector<TrackingRegisterRow>{
                                                {"12", "Công văn", "Phòng Tư pháp", "15/12/2026",
                                                 "Đang giải quyết", "", ""}}));
  dump = XlsxDump(tracked);
  EXPECT_NE(dump.find("A3=SỔ THEO DÕI VIỆC GIẢI QUYẾT VĂN BẢN ĐẾN\n"), std::string::npos);
  EXPECT_NE(dump.find("G6=Ghi chú\n"), std::string::npos);
  EXPECT_NE(dump.find("E7=Đang giải quyết\n"), std::string::npos);
  EXPECT_EQ(dump.find("H6="), std::string::npos);  // seven columns
}

}  // namespace
}  // namespace egov::render
