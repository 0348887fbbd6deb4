// Layout of Form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (Circular 01/2018/TT-VPCP),
// on A5 portrait. Sizes follow the A4 original scaled to A5 (about 0.7): 14 pt body text
// becomes 10 pt, the 13 pt national header 9 pt.
#include "render/receipt.hpp"

#include <glib.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "render/pdf_document.hpp"

namespace egov::render {

namespace {

constexpr double kMm = kPointsPerMm;
constexpr double kA5Width = 148 * kMm;
constexpr double kA5Height = 210 * kMm;
constexpr Margins kMargins{
    .top = 10 * kMm, .right = 10 * kMm, .bottom = 12 * kMm, .left = 13 * kMm};
constexpr const char* kFont = "Noto Serif";

constexpr double kBodyPt = 10;
constexpr double kParagraphGap = 1;     // points between body paragraphs
constexpr double kSignatureSpace = 14;  // mm left blank for a signature
constexpr double kQrSize = 25;          // mm, the symbol without its quiet zone
constexpr double kRule = 0.5;           // points

constexpr TextStyle kBody{.size_pt = kBodyPt};
constexpr TextStyle kBodyJustified{.size_pt = kBodyPt, .align = Align::kJustify};

// Between two fields on one line (a place to wrap).
constexpr const char* kFieldGap = "    ";

// The dotted line the official form prints where a value is written by hand.
constexpr const char* kBlank = "……………………";

std::string ValueOrBlank(const std::string& value) {
  return value.empty() ? std::string(kBlank) : EscapeMarkup(value);
}

std::string Bold(const std::string& value) {
  return value.empty() ? std::string(kBlank) : "<b>" + EscapeMarkup(value) + "</b>";
}

std::string Count(int n) {
  if (n <= 0) return {};
  char text[16];
  std::snprintf(text, sizeof text, "%02d", n);
  return text;
}

constexpr std::string_view kNoBreakSpace = "\u00a0";

// Escaped, with its spaces made no-break so it wraps as one unit (short values only: times,
// labels). pdftotext reads the no-break spaces back as plain spaces.
std::string NoBreak(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') {
      out += kNoBreakSpace;
    } else {
      out += c;
    }
  }
  return out;
}

// "Label: value" that wraps as one unit.
std::string Field(std::string_view label, const std::string& value) {
  return NoBreak(label) + ":" + std::string(kNoBreakSpace) + NoBreak(EscapeMarkup(value));
}

// A date-time such as "16 giờ 30 phút, ngày 11/03/2026", kept on one line when short.
std::string Time(const std::string& value) {
  if (value.empty()) return kBlank;
  return value.size() <= 48 ? NoBreak(EscapeMarkup(value)) : EscapeMarkup(value);
}

// Case-insensitive comparison of Vietnamese text (NFC, then Unicode case folding).
bool SameText(std::string_view a, std::string_view b) {
  auto fold = [](std::string_view s) {
    std::string valid = CleanText(s);
    char* nfc = g_utf8_normalize(valid.c_str(), -1, G_NORMALIZE_NFC);
    char* folded = g_utf8_casefold(nfc, -1);
    std::string out = folded;
    g_free(folded);
    g_free(nfc);
    return out;
  };
  return fold(a) == fold(b);
}

// "Bộ phận tiếp nhận và trả kết quả, UBND HUYỆN X": the form names the counter, then its
// agency. When the counter has its own name (a public-administration service centre), that
// name stands first.
std::string CounterLine(const Receipt& r) {
  constexpr std::string_view kCounter = "Bộ phận tiếp nhận và trả kết quả";
  std::string line = r.agency_name.empty() || SameText(r.agency_name, kCounter)
                         ? std::string(kCounter)
                         : EscapeMarkup(r.agency_name);
  if (!r.parent_agency_name.empty()) line += ", " + EscapeMarkup(r.parent_agency_name);
  return line;
}

// The two header blocks side by side; the cursor ends below the taller one.
void Header(Document& doc, const Receipt& r) {
  const double left = doc.content_left();
  const double gap = 3 * kMm;
  const TextStyle nation_style{.size_pt = 9, .bold = true, .align = Align::kCenter};
  Layout nation = doc.MakeText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nation_style, 0);
  double right_width = LayoutWidth(nation) + 2;
  double left_width = doc.content_width() - right_width - gap;
  double right_x = left + left_width + gap;
  double top = doc.y();

  // Left: the parent agency, the receiving unit in bold, a short rule.
  double y = top;
  if (!r.parent_agency_name.empty()) {
    Layout parent = doc.MakeText(EscapeMarkup(r.parent_agency_name),
                                 {.size_pt = 9, .align = Align::kCenter}, left_width);
    doc.Place(parent, left, y);
    y += LayoutHeight(parent);
  }
  Layout agency = doc.MakeText(ValueOrBlank(r.agency_name),
                               {.size_pt = 9, .bold = true, .align = Align::kCenter}, left_width);
  doc.Place(agency, left, y);
  y += LayoutHeight(agency) + 2.5;
  double rule = left_width / 3;
  doc.Line(left + (left_width - rule) / 2, y, left + (left_width + rule) / 2, y, kRule);
  double left_bottom = y;

  // Right: the national title, the motto underlined to its own width, place and date.
  Layout title = doc.MakeText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nation_style, right_width);
  doc.Place(title, right_x, top);
  y = top + LayoutHeight(title);
  Layout motto = doc.MakeText("Độc lập - Tự do - Hạnh phúc",
                              {.size_pt = 10, .bold = true, .align = Align::kCenter}, right_width);
  doc.Place(motto, right_x, y);
  PangoRectangle ink, logical;
  pango_layout_get_extents(motto.get(), &ink, &logical);
  y += LayoutHeight(motto) + 2.5;
  double ink_x = right_x + pango_units_to_double(ink.x);
  doc.Line(ink_x, y, ink_x + pango_units_to_double(ink.width), y, kRule);
  y += 4;
  if (!r.place_and_date.empty()) {
    Layout date =
        doc.MakeText(EscapeMarkup(r.place_and_date),
                     {.size_pt = 9.5, .italic = true, .align = Align::kCenter}, right_width);
    doc.Place(date, right_x, y);
    y += LayoutHeight(date);
  }
  doc.Advance(std::max(left_bottom, y) - top);
}

void Title(Document& doc, const Receipt& r) {
  doc.Advance(3 * kMm);
  Layout title =
      doc.MakeText("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                   {.size_pt = 12, .bold = true, .align = Align::kCenter}, doc.content_width());
  doc.Flow(title, doc.content_left());
  Layout code = doc.MakeText("Mã hồ sơ: " + Bold(r.dossier_code),
                             {.size_pt = 11, .align = Align::kCenter}, doc.content_width());
  doc.Flow(code, doc.content_left());
  doc.Advance(2.5 * kMm);
}

void Paragraph(Document& doc, const std::string& markup, const TextStyle& style = kBody) {
  doc.Flow(doc.MakeText(markup, style, doc.content_width()), doc.content_left());
  doc.Advance(kParagraphGap);
}

void ComponentTable(Document& doc, const Receipt& r) {
  const double w = doc.content_width();
  const double tt = 7 * kMm, original = 12 * kMm, certified = 20 * kMm, copy = 11 * kMm;
  std::vector<TableColumn> columns = {
      {"TT", tt, Align::kCenter},
      {"Tên giấy tờ", w - tt - original - certified - copy, Align::kLeft},
      {"Bản\nchính", original, Align::kCenter},
      {"Bản\nchứng thực", certified, Align::kCenter},
      {"Bản\nsao", copy, Align::kCenter},
  };
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < r.components.size(); ++i) {
    const ReceiptComponent& c = r.components[i];
    rows.push_back({std::to_string(i + 1), ValueOrBlank(c.name), Count(c.original),
                    Count(c.certified), Count(c.copy)});
  }
  if (rows.empty()) rows.push_back({"", kBlank, "", "", ""});
  TableSpec table{.columns = std::move(columns),
                  .rows = std::move(rows),
                  .header = {.size_pt = 8.5, .bold = true},
                  .body = {.size_pt = 9},
                  .caption = doc.MakeText("1. Thành phần hồ sơ nộp gồm:", kBody, w)};
  doc.Table(table, doc.content_left());
  doc.Advance(kParagraphGap + 1);
}

void Body(Document& doc, const Receipt& r) {
  Paragraph(doc, CounterLine(r));
  std::string applicant = "Tiếp nhận hồ sơ của: " + Bold(r.applicant_name);
  if (!r.applicant_id_number.empty()) {
    applicant += kFieldGap + Field("Số định danh cá nhân", r.applicant_id_number);
  }
  Paragraph(doc, applicant);
  Paragraph(doc, "Địa chỉ: " + ValueOrBlank(r.applicant_address));
  std::string contact;
  if (!r.applicant_phone.empty()) contact = Field("Số điện thoại", r.applicant_phone);
  if (!r.applicant_email.empty()) {
    contact += (contact.empty() ? "" : kFieldGap) + Field("Email", r.applicant_email);
  }
  if (!contact.empty()) Paragraph(doc, contact);
  std::string request = "Nội dung yêu cầu giải quyết: " + ValueOrBlank(r.procedure_name);
  if (!r.procedure_code.empty()) {
    request += " (mã thủ tục: " + EscapeMarkup(r.procedure_code) + ")";
  }
  Paragraph(doc, request, kBodyJustified);

  ComponentTable(doc, r);
  Paragraph(doc, "2. Số lượng hồ sơ: 01 (bộ)");
  Paragraph(doc,
            "3. Thời gian giải quyết hồ sơ theo quy định là: " + ValueOrBlank(r.time_limit_text));
  Paragraph(doc, "4. Thời gian nhận hồ sơ: " + Time(r.received_at_text));
  Paragraph(doc, "5. Thời gian trả kết quả giải quyết hồ sơ: <b>" + Time(r.due_at_text) + "</b>");
  int item = 6;
  if (!r.fee_text.empty()) {
    Paragraph(doc, std::to_string(item++) + ". Phí, lệ phí: " + EscapeMarkup(r.fee_text));
  }
  Paragraph(doc, std::to_string(item) + ". Nhận kết quả tại: " + ValueOrBlank(r.return_place));
  Paragraph(doc, "Vào Sổ theo dõi hồ sơ, " + ValueOrBlank(r.logbook_text) + ".");
}

// The foot of the form, kept on one page: the QR code with its caption in the bottom-left
// corner (when there is a lookup URL), then the two signature columns, the receiver's name
// printed under the right one.
void Foot(Document& doc, const Receipt& r) {
  const double qr_side = kQrSize * kMm;
  double qr_column = 0, module = 0, quiet = 0;
  QrMatrix qr;
  Layout caption;
  if (!r.lookup_url.empty()) {
    qr = EncodeQr(r.lookup_url);
    module = qr_side / qr.size;
    quiet = 4 * module;  // kept clear: the margin on the left, the gap above, a column right
    qr_column = qr_side + quiet;
    caption = doc.MakeText("Quét mã để tra cứu\nvà đánh giá",
                           {.size_pt = 8, .italic = true, .align = Align::kCenter}, qr_column);
  }
  const double column = (doc.content_width() - qr_column) / 2;
  const TextStyle heading{.size_pt = 9.5, .bold = true, .align = Align::kCenter};
  const TextStyle note{.size_pt = 9, .italic = true, .align = Align::kCenter};
  Layout left_heading = doc.MakeText("NGƯỜI NỘP HỒ SƠ", heading, column);
  Layout right_heading = doc.MakeText("NGƯỜI TIẾP NHẬN HỒ SƠ", heading, column);
  Layout left_note = doc.MakeText("(Ký và ghi rõ họ tên)", note, column);
  Layout right_note = doc.MakeText("(Ký và ghi rõ họ tên)", note, column);
  Layout name = doc.MakeText(EscapeMarkup(r.receiver_name), heading, column);
  double heading_height = std::max(LayoutHeight(left_heading), LayoutHeight(right_heading));
  double signatures =
      heading_height + LayoutHeight(left_note) + kSignatureSpace * kMm + LayoutHeight(name);
  double qr_block = caption ? qr_side + 1 + LayoutHeight(caption) : 0;

  doc.Advance(std::max(3 * kMm, quiet));
  doc.KeepTogether(std::max(signatures, qr_block));
  double x = doc.content_left(), top = doc.y();
  if (caption) {
    doc.Qr(qr, x, top, module);
    doc.Place(caption, x - quiet / 2, top + qr_side + 1);  // centred under the symbol
  }
  x += qr_column;
  double y = top;
  doc.Place(left_heading, x, y);
  doc.Place(right_heading, x + column, y);
  y += heading_height;
  doc.Place(left_note, x, y);
  doc.Place(right_note, x + column, y);
  y += LayoutHeight(left_note) + kSignatureSpace * kMm;
  doc.Place(name, x + column, y);
  doc.Advance(std::max(signatures, qr_block));
}

}  // namespace

std::string RenderReceiptPdf(const Receipt& receipt) {
  Document doc(kA5Width, kA5Height, kMargins, kFont);
  doc.SetTitle("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + CleanText(receipt.dossier_code));
  Header(doc, receipt);
  Title(doc, receipt);
  Body(doc, receipt);
  Foot(doc, receipt);
  std::string code = EscapeMarkup(receipt.dossier_code);
  return doc.Finish([&code](int page, int pages) {
    if (pages < 2) return std::string();
    return "Mã hồ sơ " + code + " – Trang " + std::to_string(page) + "/" + std::to_string(pages);
  });
}

}  // namespace egov::render
