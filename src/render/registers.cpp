// The document registers as PDF and XLSX (see registers.hpp).
#include "render/registers.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <stdexcept>

#include "render/form_parts.hpp"
#include "render/pdf_document.hpp"

namespace egov::render {

namespace {

struct Column {
  std::string_view heading;
  double weight;  // share of the width (PDF) and the XLSX width in characters
  Align align = Align::kLeft;
};

// Phụ lục IV, with the column headings of DOMAIN.md §4.
const std::vector<Column>& ColumnsOf(RegisterKind kind) {
  static const std::vector<Column> kOutgoing = {
      {"Số, ký hiệu", 16, Align::kCenter},
      {"Ngày tháng văn bản", 14, Align::kCenter},
      {"Tên loại và trích yếu nội dung", 40},
      {"Người ký", 15},
      {"Nơi nhận", 20},
      {"Đơn vị, người nhận bản lưu", 15},
      {"Số lượng bản", 8, Align::kCenter},
      {"Ngày chuyển", 14, Align::kCenter},
      {"Ký nhận", 11},
      {"Ghi chú", 11},
  };
  static const std::vector<Column> kIncoming = {
      {"Ngày đến", 14, Align::kCenter},
      {"Số đến", 8, Align::kCenter},
      {"Tác giả", 20},
      {"Số, ký hiệu", 16, Align::kCenter},
      {"Ngày tháng", 14, Align::kCenter},
      {"Tên loại và trích yếu", 40},
      {"Đơn vị hoặc người nhận", 18},
      {"Ngày chuyển", 14, Align::kCenter},
      {"Ký nhận", 11},
      {"Ghi chú", 11},
  };
  static const std::vector<Column> kTracking = {
      {"Số đến", 8, Align::kCenter},
      {"Tên loại, số, ký hiệu, ngày, cơ quan ban hành", 45},
      {"Đơn vị hoặc người nhận", 22},
      {"Thời hạn giải quyết", 14, Align::kCenter},
      {"Tiến độ giải quyết", 30},
      {"Số, ký hiệu văn bản trả lời", 18, Align::kCenter},
      {"Ghi chú", 16},
  };
  switch (kind) {
    case RegisterKind::kOutgoing: return kOutgoing;
    case RegisterKind::kIncoming: return kIncoming;
    case RegisterKind::kTracking: break;
  }
  return kTracking;
}

using Cells = std::vector<std::vector<std::string>>;

Cells CellsOf(const std::vector<OutgoingRegisterRow>& rows) {
  Cells out;
  for (const auto& r : rows) {
    out.push_back({r.number_notation, r.date, r.type_and_summary, r.signer, r.recipients,
                   r.file_copy_holder, r.copies, r.transferred_on, r.signed_receipt, r.note});
  }
  return out;
}
Cells CellsOf(const std::vector<IncomingRegisterRow>& rows) {
  Cells out;
  for (const auto& r : rows) {
    out.push_back({r.arrival_date, r.arrival_number, r.author, r.number_notation, r.date,
                   r.type_and_summary, r.recipient, r.transferred_on, r.signed_receipt, r.note});
  }
  return out;
}
Cells CellsOf(const std::vector<TrackingRegisterRow>& rows) {
  Cells out;
  for (const auto& r : rows) {
    out.push_back(
        {r.arrival_number, r.document, r.recipient, r.due, r.progress, r.reply_notation, r.note});
  }
  return out;
}

constexpr double kLandscapeWidth = 297 * kMm;
constexpr double kLandscapeHeight = 210 * kMm;
constexpr Margins kRegisterMargins{
    .top = 15 * kMm, .right = 15 * kMm, .bottom = 15 * kMm, .left = 20 * kMm};

std::string Pdf(RegisterKind kind, const RegisterInfo& info, const Cells& cells) {
  Document doc(kLandscapeWidth, kLandscapeHeight, kRegisterMargins, kFormFont);
  const std::string title(RegisterTitle(kind));
  doc.SetTitle(CleanText(title + " – " + info.agency_name + " – " + info.period));

  // The keeper, top-left; the title and period centred.
  const double block = doc.content_width() * 0.4;
  if (!info.parent_agency_name.empty()) {
    doc.Flow(doc.MakeText(EscapeMarkup(info.parent_agency_name),
                          {.size_pt = 11, .align = Align::kCenter}, block),
             doc.content_left());
  }
  doc.Flow(doc.MakeText(ValueOrBlank(info.agency_name),
                        {.size_pt = 11, .bold = true, .align = Align::kCenter}, block),
           doc.content_left());
  doc.Advance(3 * kMm);
  Paragraph(doc, EscapeMarkup(title), {.size_pt = 15, .bold = true, .align = Align::kCenter});
  if (!info.period.empty()) {
    Paragraph(doc, EscapeMarkup(info.period),
              {.size_pt = 12, .italic = true, .align = Align::kCenter});
  }
  doc.Advance(3 * kMm);

  const auto& columns = ColumnsOf(kind);
  const double total = std::accumulate(columns.begin(), columns.end(), 0.0,
                                       [](double sum, const Column& c) { return sum + c.weight; });
  TableSpec table;
  for (const Column& c : columns) {
    table.columns.push_back(
        {EscapeMarkup(c.heading), doc.content_width() * c.weight / total, c.align});
  }
  for (const auto& row : cells) {
    std::vector<std::string> escaped;
    for (const auto& cell : row) escaped.push_back(EscapeMarkup(cell));
    table.rows.push_back(std::move(escaped));
  }
  table.header = {.size_pt = 9, .bold = true};
  table.body = {.size_pt = 9};
  doc.Table(table, doc.content_left());

  const std::string footer = EscapeMarkup(title + (info.period.empty() ? "" : " – " + info.period));
  return doc.Finish([&footer](int page, int pages) {
    return footer + " – Trang " + std::to_string(page) + "/" + std::to_string(pages);
  });
}

// A temporary file removed with this object.
class TempFile {
 public:
  TempFile() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egov-register-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the register");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() { ::unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Xlsx(RegisterKind kind, const RegisterInfo& info, const Cells& cells) {
  TempFile file;
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  std::string tmpdir = std::filesystem::temp_directory_path().string();
  options.tmpdir = tmpdir.data();
  lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
  if (!book) throw std::runtime_error("libxlsxwriter could not create a workbook");
  const std::string title(RegisterTitle(kind));
  lxw_doc_properties properties{};
  std::string doc_title = CleanText(title + " – " + info.agency_name + " – " + info.period);
  properties.title = doc_title.data();
  properties.author = const_cast<char*>("Egov");
  workbook_set_properties(book, &properties);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Sổ");

  lxw_format* agency = workbook_add_format(book);
  format_set_bold(agency);
  lxw_format* heading_title = workbook_add_format(book);
  format_set_bold(heading_title);
  format_set_font_size(heading_title, 14);
  format_set_align(heading_title, LXW_ALIGN_CENTER);
  lxw_format* period = workbook_add_format(book);
  format_set_italic(period);
  format_set_align(period, LXW_ALIGN_CENTER);
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(header, LXW_BORDER_THIN);
  format_set_bg_color(header, 0xEEEEEE);
  lxw_format* cell = workbook_add_format(book);
  format_set_text_wrap(cell);
  format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(cell, LXW_BORDER_THIN);
  lxw_format* centred = workbook_add_format(book);
  format_set_text_wrap(centred);
  format_set_align(centred, LXW_ALIGN_CENTER);
  format_set_align(centred, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(centred, LXW_BORDER_THIN);

  const auto& columns = ColumnsOf(kind);
  const auto last = static_cast<lxw_col_t>(columns.size() - 1);
  lxw_row_t row = 0;
  if (!info.parent_agency_name.empty()) {
    worksheet_write_string(sheet, row++, 0, CleanText(info.parent_agency_name).c_str(), nullptr);
  }
  worksheet_write_string(sheet, row++, 0, CleanText(info.agency_name).c_str(), agency);
  worksheet_merge_range(sheet, row, 0, row, last, title.c_str(), heading_title);
  ++row;
  worksheet_merge_range(sheet, row, 0, row, last, CleanText(info.period).c_str(), period);
  row += 2;
  const lxw_row_t header_row = row;
  for (lxw_col_t c = 0; c <= last; ++c) {
    worksheet_set_column(sheet, c, c, columns[c].weight * 0.9, nullptr);
    worksheet_write_string(sheet, header_row, c, std::string(columns[c].heading).c_str(), header);
  }
  worksheet_set_row(sheet, header_row, 32, nullptr);
  for (const auto& values : cells) {
    ++row;
    for (lxw_col_t c = 0; c <= last; ++c) {
      lxw_format* format = columns[c].align == Align::kCenter ? centred : cell;
      worksheet_write_string(sheet, row, c, CleanText(values[c]).c_str(), format);
    }
  }
  // The heading row stays in view and is printed on every page.
  worksheet_freeze_panes(sheet, header_row + 1, 0);
  worksheet_repeat_rows(sheet, header_row, header_row);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_set_footer(sheet, "&CTrang &P/&N");

  if (workbook_close(book) != LXW_NO_ERROR) {
    throw std::runtime_error("libxlsxwriter could not write the register");
  }
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read the written register back");
  return bytes.str();
}

}  // namespace

std::string_view RegisterTitle(RegisterKind kind) {
  switch (kind) {
    case RegisterKind::kOutgoing: return "SỔ ĐĂNG KÝ VĂN BẢN ĐI";
    case RegisterKind::kIncoming: return "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN";
    case RegisterKind::kTracking: break;
  }
  return "SỔ THEO DÕI VIỆC GIẢI QUYẾT VĂN BẢN ĐẾN";
}

std::vector<std::string_view> RegisterHeadings(RegisterKind kind) {
  std::vector<std::string_view> out;
  for (const Column& c : ColumnsOf(kind)) out.push_back(c.heading);
  return out;
}

std::string RenderRegisterPdf(const RegisterInfo& info,
                              const std::vector<OutgoingRegisterRow>& rows) {
  return Pdf(RegisterKind::kOutgoing, info, CellsOf(rows));
}
std::string RenderRegisterPdf(const RegisterInfo& info,
                              const std::vector<IncomingRegisterRow>& rows) {
  return Pdf(RegisterKind::kIncoming, info, CellsOf(rows));
}
std::string RenderRegisterPdf(const RegisterInfo& info,
                              const std::vector<TrackingRegisterRow>& rows) {
  return Pdf(RegisterKind::kTracking, info, CellsOf(rows));
}
std::string RenderRegisterXlsx(const RegisterInfo& info,
                               const std::vector<OutgoingRegisterRow>& rows) {
  return Xlsx(RegisterKind::kOutgoing, info, CellsOf(rows));
}
std::string RenderRegisterXlsx(const RegisterInfo& info,
                               const std::vector<IncomingRegisterRow>& rows) {
  return Xlsx(RegisterKind::kIncoming, info, CellsOf(rows));
}
std::string RenderRegisterXlsx(const RegisterInfo& info,
                               const std::vector<TrackingRegisterRow>& rows) {
  return Xlsx(RegisterKind::kTracking, info, CellsOf(rows));
}

}  // namespace egov::render
