// An administrative document on A4 (see document.hpp).
#include "render/document.hpp"

#include <algorithm>

#include "render/form_parts.hpp"
#include "render/pdf_document.hpp"

namespace egov::render {

namespace {

// Phụ lục I: A4, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
constexpr double kA4Width = 210 * kMm;
constexpr double kA4Height = 297 * kMm;
constexpr Margins kA4Margins{
    .top = 20 * kMm, .right = 15 * kMm, .bottom = 20 * kMm, .left = 30 * kMm};
constexpr double kContentPt = 13;      // content 13–14 pt
constexpr double kParagraphSpace = 6;  // points between paragraphs
constexpr double kQrSide = 22;         // mm

// An agency's name as printed: escaped, its line breaks kept ("ỦY BAN NHÂN DÂN\nHUYỆN TRÀ
// BỒNG" breaks where the caller chose).
std::string AgencyLines(const std::string& name) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = name.find('\n', start);
    out += EscapeMarkup(
        name.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    out += "\n";
    start = end + 1;
  }
  return out;
}

// The header: agency block and number left, national title, motto, place and date right.
void Header(Document& doc, const AdministrativeDocument& d) {
  const double left = doc.content_left();
  const double gap = 4 * kMm;
  const TextStyle nation_style{.size_pt = 12, .bold = true, .align = Align::kCenter};
  Layout nation = doc.MakeText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nation_style, 0);
  const double right_width = LayoutWidth(nation) + 2;
  const double left_width = doc.content_width() - right_width - gap;
  const double right_x = left + left_width + gap;
  const double top = doc.y();

  double y = top;
  if (!d.parent_agency_name.empty()) {
    Layout parent = doc.MakeText(AgencyLines(d.parent_agency_name),
                                 {.size_pt = 12, .align = Align::kCenter}, left_width);
    doc.Place(parent, left, y);
    y += LayoutHeight(parent);
  }
  Layout agency =
      doc.MakeText(d.agency_name.empty() ? std::string(kBlank) : AgencyLines(d.agency_name),
                   {.size_pt = 12, .bold = true, .align = Align::kCenter}, left_width);
  doc.Place(agency, left, y);
  y += LayoutHeight(agency) + 2;
  const double rule = left_width / 3;
  doc.Line(left + (left_width - rule) / 2, y, left + (left_width + rule) / 2, y, kRule);
  double left_bottom = y;

  Layout title = doc.MakeText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", nation_style, right_width);
  doc.Place(title, right_x, top);
  y = top + LayoutHeight(title);
  Layout motto = doc.MakeText("Độc lập - Tự do - Hạnh phúc",
                              {.size_pt = 13, .bold = true, .align = Align::kCenter}, right_width);
  doc.Place(motto, right_x, y);
  PangoRectangle ink, logical;
  pango_layout_get_extents(motto.get(), &ink, &logical);
  y += LayoutHeight(motto) + 2;
  const double ink_x = right_x + pango_units_to_double(ink.x);
  doc.Line(ink_x, y, ink_x + pango_units_to_double(ink.width), y, kRule);
  const double right_bottom = y;

  // The number on the left and place and date on the right, on one level below both rules.
  const double line_top = std::max(left_bottom, right_bottom) + 6;
  Layout number = doc.MakeText("Số: " + ValueOrBlank(d.number_notation),
                               {.size_pt = 13, .align = Align::kCenter}, left_width);
  doc.Place(number, left, line_top);
  left_bottom = line_top + LayoutHeight(number);
  if (d.type_name.empty() && !d.summary.empty()) {
    Layout summary =
        doc.MakeText(EscapeMarkup(d.summary), {.size_pt = 12, .align = Align::kCenter}, left_width);
    doc.Place(summary, left, left_bottom + 2);
    left_bottom += 2 + LayoutHeight(summary);
  }
  double date_bottom = line_top;
  if (!d.place_and_date.empty()) {
    Layout date =
        doc.MakeText(EscapeMarkup(d.place_and_date),
                     {.size_pt = 13, .italic = true, .align = Align::kCenter}, right_width);
    doc.Place(date, right_x, line_top);
    date_bottom += LayoutHeight(date);
  }
  doc.Advance(std::max(left_bottom, date_bottom) - top);
}

// The type name and trích yếu centred with a short rule under them.
void Title(Document& doc, const AdministrativeDocument& d) {
  if (d.type_name.empty()) return;
  doc.Advance(6 * kMm);
  const TextStyle style{.size_pt = 14, .bold = true, .align = Align::kCenter};
  Layout type = doc.MakeText(EscapeMarkup(d.type_name), style, doc.content_width());
  Layout summary = doc.MakeText(EscapeMarkup(d.summary), style, doc.content_width());
  doc.KeepTogether(LayoutHeight(type) + LayoutHeight(summary) + 4);
  doc.Flow(type, doc.content_left());
  if (!d.summary.empty()) doc.Flow(summary, doc.content_left());
  doc.Advance(5);
  const double rule = doc.content_width() / 5;
  const double x = doc.content_left() + (doc.content_width() - rule) / 2;
  doc.Line(x, doc.y(), x + rule, doc.y(), kRule);
}

void Content(Document& doc, const AdministrativeDocument& d) {
  doc.Advance(5 * kMm);
  if (!d.addressees.empty()) {
    // "Kính gửi:" then the addressees one per line, aligned after the label.
    Layout label = doc.MakeText("Kính gửi:", {.size_pt = 14}, 0);
    const double label_width = LayoutWidth(label) + 2 * kMm;
    const double x = doc.content_left() + 25 * kMm;
    doc.Place(label, x, doc.y());
    for (const std::string& addressee : d.addressees) {
      Layout line = doc.MakeText(EscapeMarkup(addressee), {.size_pt = 14},
                                 doc.content_width() - 25 * kMm - label_width);
      doc.Flow(line, x + label_width);
    }
    doc.Advance(3 * kMm);
  }
  if (!d.authority.empty()) {
    Paragraph(doc, EscapeMarkup(d.authority),
              {.size_pt = kContentPt + 1, .bold = true, .align = Align::kCenter});
    doc.Advance(kParagraphSpace);
  }
  const TextStyle body{
      .size_pt = kContentPt, .align = Align::kJustify, .first_line_indent_pt = 10 * kMm};
  for (const std::string& paragraph : d.paragraphs) {
    doc.Flow(doc.MakeText(EscapeMarkup(paragraph), body, doc.content_width()), doc.content_left());
    doc.Advance(kParagraphSpace);
  }
}

// Nơi nhận bottom-left and the signer bottom-right, side by side, kept on one page with the
// `below` points that follow (the seal block).
void Foot(Document& doc, const AdministrativeDocument& d, double below) {
  const double left_width = doc.content_width() * 0.45;
  const double right_width = doc.content_width() - left_width;
  const double right_x = doc.content_left() + left_width;
  std::string recipients = "<b><i>Nơi nhận:</i></b>";
  for (const std::string& r : d.recipients) recipients += "\n- " + EscapeMarkup(r);
  Layout left = doc.MakeText(recipients, {.size_pt = 11}, left_width);
  std::string signer;
  auto add = [&signer](const std::string& line) {
    if (line.empty()) return;
    if (!signer.empty()) signer += "\n";
    signer += EscapeMarkup(line);
  };
  add(d.signing_authority);
  add(d.signer_position);
  Layout heading =
      doc.MakeText(signer, {.size_pt = 13, .bold = true, .align = Align::kCenter}, right_width);
  Layout name = doc.MakeText(EscapeMarkup(d.signer_name),
                             {.size_pt = 13, .bold = true, .align = Align::kCenter}, right_width);
  const double signature_space = 25 * kMm;
  const double right_height = LayoutHeight(heading) + signature_space + LayoutHeight(name);
  const double height = std::max(LayoutHeight(left), right_height);
  doc.Advance(2 * kMm);
  doc.KeepTogether(height + below);
  const double top = doc.y();
  doc.Place(left, doc.content_left(), top + 4);
  doc.Place(heading, right_x, top);
  doc.Place(name, right_x, top + LayoutHeight(heading) + signature_space);
  doc.Advance(height);
}

// The seal: the QR code of the verification page and a short line beside it, laid out before
// the foot so that the foot is kept on one page with it.
struct SealLayout {
  QrMatrix qr;
  double side = 0, module = 0, quiet = 0;
  Layout line;
  double height = 0;  // with the space above it; 0: no seal block
};

SealLayout MakeSeal(Document& doc, const AdministrativeDocument& d) {
  SealLayout out;
  if (d.verify_url.empty()) return out;
  out.qr = EncodeQr(d.verify_url);
  out.side = kQrSide * kMm;
  out.module = out.side / out.qr.size;
  out.quiet = 4 * out.module;
  std::string text;
  if (!d.seal_line.empty()) text = EscapeMarkup(d.seal_line) + "\n";
  text += "Quét mã QR hoặc truy cập " + EscapeMarkup(d.verify_url) +
          " để kiểm tra tính xác thực của văn bản.";
  out.line = doc.MakeText(text, {.size_pt = 9, .italic = true},
                          doc.content_width() - out.side - 2 * out.quiet);
  out.height = std::max(5 * kMm, out.quiet) + std::max(out.side, LayoutHeight(out.line));
  return out;
}

void SealBlock(Document& doc, const SealLayout& seal) {
  if (seal.height == 0) return;
  doc.Advance(std::max(5 * kMm, seal.quiet));
  const double top = doc.y();
  doc.Qr(seal.qr, doc.content_left() + seal.quiet, top, seal.module);
  doc.Place(seal.line, doc.content_left() + seal.side + 2 * seal.quiet,
            top + (seal.side - LayoutHeight(seal.line)) / 2);
  doc.Advance(std::max(seal.side, LayoutHeight(seal.line)));
}

}  // namespace

std::string RenderDocumentPdf(const AdministrativeDocument& d) {
  Document doc(kA4Width, kA4Height, kA4Margins, kFormFont);
  std::string title = d.type_name.empty() ? d.summary : d.type_name + " " + d.summary;
  if (!d.number_notation.empty()) title = d.number_notation + " " + title;
  doc.SetTitle(CleanText(title));
  Header(doc, d);
  Title(doc, d);
  Content(doc, d);
  const SealLayout seal = MakeSeal(doc, d);
  Foot(doc, d, seal.height);
  SealBlock(doc, seal);
  const std::string notation = EscapeMarkup(d.number_notation);
  return doc.Finish([&notation](int page, int pages) {
    if (pages < 2) return std::string();
    return (notation.empty() ? std::string() : notation + " – ") + "Trang " + std::to_string(page) +
           "/" + std::to_string(pages);
  });
}

}  // namespace egov::render
