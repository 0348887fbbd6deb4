// A small page composer over cairo + Pango for the printed forms of Circular 01/2018
// (receipts, supplement requests …). Text is shaped and wrapped by Pango (correct
// Vietnamese diacritics), placed top-down on pages of one fixed size, and written as a PDF
// whose fonts cairo embeds as subsets. Placement is recorded first and drawn in Finish(),
// so page furniture can say "Trang 1/3".
//
// Units are PDF points (1/72 inch), origin at the top-left corner of the page, y downwards.
// A Document is used by one thread; Documents share no state (Pango's font map is per
// thread), so different threads may render at the same time.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/qr.hpp"

namespace egov::render {

inline constexpr double kPointsPerMm = 72.0 / 25.4;

enum class Align { kLeft, kCenter, kRight, kJustify };

struct TextStyle {
  double size_pt = 10;
  bool bold = false;
  bool italic = false;
  Align align = Align::kLeft;
  double first_line_indent_pt = 0;  // each paragraph's first line (an administrative text's)
};

struct Margins {
  double top = 0, right = 0, bottom = 0, left = 0;  // points
};

// Text made safe to draw: control characters become spaces, invalid UTF-8 becomes U+FFFD.
std::string CleanText(std::string_view text);

// CleanText, then <, >, &, quotes escaped for Pango markup. Every user-supplied value goes
// through this.
std::string EscapeMarkup(std::string_view text);

// A shaped, wrapped block of text (shared, immutable once made).
using Layout = std::shared_ptr<PangoLayout>;

// Logical size of a layout in points.
double LayoutHeight(const Layout& layout);
double LayoutWidth(const Layout& layout);

struct TableColumn {
  std::string header_markup;
  double width = 0;  // points
  Align align = Align::kLeft;
};

struct TableSpec {
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;  // markup, one string per column
  TextStyle header, body;
  Layout caption;  // optional; flowed above the table and kept with its first row
};

class Document {
 public:
  // Font family for every text ("Noto Serif" from fonts-noto-core); fontconfig substitutes
  // the nearest installed family if it is missing.
  Document(double width_pt, double height_pt, Margins margins, std::string font_family);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  double page_width() const { return width_; }
  double page_height() const { return height_; }
  double content_left() const { return margins_.left; }
  double content_width() const { return width_ - margins_.left - margins_.right; }
  double content_top() const { return margins_.top; }
  double content_bottom() const { return height_ - margins_.bottom; }

  // The cursor: where the next flowed block starts on the current page.
  double y() const { return y_; }
  void Advance(double dy) { y_ += dy; }
  double Remaining() const { return content_bottom() - y_; }
  void NewPage();
  // Starts a new page unless `height` fits below the cursor (or the page is still empty).
  void KeepTogether(double height);

  // Lays out Pango markup in `width` points (0: one line per paragraph, no wrapping).
  // `max_height` > 0 ellipsises the text ("…") to
  // at most that height (used for table cells, which may not split across pages).
  Layout MakeText(const std::string& markup, const TextStyle& style, double width,
                  double max_height = 0) const;

  // Draws on the current page at an absolute position (no page break, cursor unchanged).
  void Place(const Layout& layout, double x, double y);
  void Line(double x1, double y1, double x2, double y2, double line_width);
  void StrokeRect(double x, double y, double w, double h, double line_width);
  // The symbol's top-left corner at (x, y), each module `module_pt` points square, drawn as
  // one filled path of rectangles (no hairline seams between modules).
  void Qr(const QrMatrix& qr, double x, double y, double module_pt);

  // Flows a layout at the cursor, line by line, continuing on new pages; the cursor ends
  // below its last line.
  void Flow(const Layout& layout, double x);

  // A ruled table at the cursor. Rows never split; a row that does not fit starts a new
  // page, where the header row is repeated. Cells are ellipsised to what one page holds.
  void Table(const TableSpec& table, double x);

  void SetTitle(const std::string& title) { title_ = title; }

  // Draws every page and returns the PDF bytes. `footer(page, page_count)` returns markup
  // drawn centred in the bottom margin (empty: none). Throws std::runtime_error if cairo
  // fails (out of memory). Call once.
  std::string Finish(const std::function<std::string(int, int)>& footer);

 private:
  using DrawOp = std::function<void(cairo_t*)>;

  double width_, height_;
  Margins margins_;
  std::string font_family_;
  std::string title_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  std::vector<std::vector<DrawOp>> pages_;
  double y_ = 0;
};

}  // namespace egov::render
