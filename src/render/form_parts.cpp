// The shared pieces of the A5 forms (see form_parts.hpp).
#include "render/form_parts.hpp"

#include <algorithm>

namespace egov::render {

namespace {

constexpr std::string_view kNoBreakSpace = "\u00a0";

}  // namespace

std::string ValueOrBlank(const std::string& value) {
  return value.empty() ? std::string(kBlank) : EscapeMarkup(value);
}

std::string Bold(const std::string& value) {
  return value.empty() ? std::string(kBlank) : "<b>" + EscapeMarkup(value) + "</b>";
}

// pdftotext reads the no-break spaces back as plain spaces.
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

std::string Field(std::string_view label, const std::string& value) {
  return NoBreak(label) + ":" + std::string(kNoBreakSpace) + NoBreak(EscapeMarkup(value));
}

std::string Time(const std::string& value) {
  if (value.empty()) return kBlank;
  return value.size() <= 48 ? NoBreak(EscapeMarkup(value)) : EscapeMarkup(value);
}

void DrawHeader(Document& doc, const FormHeader& r) {
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

void Paragraph(Document& doc, const std::string& markup, const TextStyle& style) {
  doc.Flow(doc.MakeText(markup, style, doc.content_width()), doc.content_left());
  doc.Advance(kParagraphGap);
}

void Signatures(Document& doc, const SignatureColumn& left, const SignatureColumn& right) {
  const double column = doc.content_width() / 2;
  const TextStyle heading{.size_pt = 9.5, .bold = true, .align = Align::kCenter};
  const TextStyle note{.size_pt = 9, .italic = true, .align = Align::kCenter};
  double height = 0;
  struct Placed {
    Layout heading, note, name;
    double height = 0;
  };
  auto make = [&](const SignatureColumn& c) {
    Placed p;
    if (c.heading.empty()) return p;
    p.heading = doc.MakeText(EscapeMarkup(c.heading), heading, column);
    p.note = doc.MakeText(EscapeMarkup(c.note), note, column);
    p.name = doc.MakeText(EscapeMarkup(c.name), heading, column);
    p.height = LayoutHeight(p.heading) + LayoutHeight(p.note) + kSignatureSpace * kMm +
               LayoutHeight(p.name);
    return p;
  };
  Placed columns[] = {make(left), make(right)};
  for (const Placed& p : columns) height = std::max(height, p.height);
  doc.Advance(3 * kMm);
  doc.KeepTogether(height);
  const double top = doc.y();
  for (int i = 0; i < 2; ++i) {
    const Placed& p = columns[i];
    if (!p.heading) continue;
    const double x = doc.content_left() + i * column;
    double y = top;
    doc.Place(p.heading, x, y);
    y += LayoutHeight(p.heading);
    doc.Place(p.note, x, y);
    y += LayoutHeight(p.note) + kSignatureSpace * kMm;
    doc.Place(p.name, x, y);
  }
  doc.Advance(height);
}

}  // namespace egov::render
