// Layout of Form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" (Circular 01/2018/TT-VPCP),
// on A5 portrait. Sizes follow the A4 original scaled to A5 (about 0.7): 14 pt body text
// becomes 10 pt, the 13 pt national header 9 pt.
#include "render/receipt.hpp"

#include <glib.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "render/form_parts.hpp"
#include "render/pdf_document.hpp"

namespace egov::render {

namespace {

constexpr double kQrSize = 25;  // mm, the symbol without its quiet zone

std::string Count(int n) {
  if (n <= 0) return {};
  char text[16];
  std::snprintf(text, sizeof text, "%02d", n);
  return text;
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
  Document doc(kA5Width, kA5Height, kA5Margins, kFormFont);
  doc.SetTitle("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + CleanText(receipt.dossier_code));
  DrawHeader(doc, {receipt.parent_agency_name, receipt.agency_name, receipt.place_and_date});
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
