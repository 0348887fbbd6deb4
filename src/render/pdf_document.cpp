// The cairo + Pango page composer (see pdf_document.hpp).
#include "render/pdf_document.hpp"

#include <cairo-pdf.h>
#include <glib.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace egov::render {

namespace {

constexpr double kCellPadX = 2.5;   // points, inside table cells
constexpr double kCellPadY = 1.5;   // points
constexpr double kRuleWidth = 0.5;  // points, table rules
constexpr double kEpsilon = 0.01;   // points

struct GFreeDeleter {
  void operator()(void* p) const { g_free(p); }
};
using GString = std::unique_ptr<char, GFreeDeleter>;

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PangoAlignment ToPango(Align align) {
  switch (align) {
    case Align::kCenter: return PANGO_ALIGN_CENTER;
    case Align::kRight: return PANGO_ALIGN_RIGHT;
    case Align::kLeft:
    case Align::kJustify: return PANGO_ALIGN_LEFT;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

std::string CleanText(std::string_view text) {
  std::string clean(text);
  for (char& c : clean) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = ' ';
  }
  GString valid(g_utf8_make_valid(clean.data(), static_cast<gssize>(clean.size())));
  return valid.get();
}

std::string EscapeMarkup(std::string_view text) {
  GString escaped(g_markup_escape_text(CleanText(text).c_str(), -1));
  return escaped.get();
}

double LayoutHeight(const Layout& layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return pango_units_to_double(h);
}

double LayoutWidth(const Layout& layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return pango_units_to_double(w);
}

Document::Document(double width_pt, double height_pt, Margins margins, std::string font_family)
    : width_(width_pt),
      height_(height_pt),
      margins_(margins),
      font_family_(std::move(font_family)) {
  surface_ = cairo_pdf_surface_create_for_stream(&AppendToString, &bytes_, width_, height_);
  cr_ = cairo_create(surface_);
  context_ = pango_cairo_create_context(cr_);
  // Layout must not depend on a device: no hinted metrics, no rounded glyph positions.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_, FALSE);
  // One Pango point is one PDF point (the default, 96 dpi, would scale text by 4/3).
  pango_cairo_context_set_resolution(context_, 72);
  pango_context_set_language(context_, pango_language_from_string("vi"));
  pages_.emplace_back();
  y_ = content_top();
}

Document::~Document() {
  if (context_ != nullptr) g_object_unref(context_);
  if (cr_ != nullptr) cairo_destroy(cr_);
  if (surface_ != nullptr) cairo_surface_destroy(surface_);
}

void Document::NewPage() {
  pages_.emplace_back();
  y_ = content_top();
}

void Document::KeepTogether(double height) {
  if (y_ + height > content_bottom() + kEpsilon && y_ > content_top() + kEpsilon) NewPage();
}

Layout Document::MakeText(const std::string& markup, const TextStyle& style, double width,
                          double max_height) const {
  Layout layout(pango_layout_new(context_), &g_object_unref);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, font_family_.c_str());
  pango_font_description_set_size(font, static_cast<int>(style.size_pt * PANGO_SCALE));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);

  pango_layout_set_width(layout.get(), width > 0 ? pango_units_from_double(width) : -1);
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), ToPango(style.align));
  pango_layout_set_justify(layout.get(), style.align == Align::kJustify);
  if (style.first_line_indent_pt > 0) {
    pango_layout_set_indent(layout.get(), pango_units_from_double(style.first_line_indent_pt));
  }
  if (max_height > 0) {
    pango_layout_set_height(layout.get(), pango_units_from_double(max_height));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }

  // Parse explicitly so a markup error (a bug: values are escaped) is loud, not blank text.
  PangoAttrList* attrs = nullptr;
  char* text = nullptr;
  GError* error = nullptr;
  if (!pango_parse_markup(markup.c_str(), static_cast<int>(markup.size()), 0, &attrs, &text,
                          nullptr, &error)) {
    std::string message = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    throw std::logic_error("invalid Pango markup: " + message);
  }
  pango_layout_set_text(layout.get(), text, -1);
  pango_layout_set_attributes(layout.get(), attrs);
  pango_attr_list_unref(attrs);
  g_free(text);
  return layout;
}

void Document::Place(const Layout& layout, double x, double y) {
  pages_.back().push_back([layout, x, y](cairo_t* cr) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
  });
}

void Document::Line(double x1, double y1, double x2, double y2, double line_width) {
  pages_.back().push_back([=](cairo_t* cr) {
    cairo_set_line_width(cr, line_width);
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
    cairo_stroke(cr);
  });
}

void Document::StrokeRect(double x, double y, double w, double h, double line_width) {
  pages_.back().push_back([=](cairo_t* cr) {
    cairo_set_line_width(cr, line_width);
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
  });
}

void Document::Qr(const QrMatrix& qr, double x, double y, double module_pt) {
  pages_.back().push_back([qr, x, y, module_pt](cairo_t* cr) {
    cairo_new_path(cr);
    for (int row = 0; row < qr.size; ++row) {
      int col = 0;
      while (col < qr.size) {
        if (!qr.at(col, row)) {
          ++col;
          continue;
        }
        int start = col;
        while (col < qr.size && qr.at(col, row)) ++col;
        cairo_rectangle(cr, x + start * module_pt, y + row * module_pt, (col - start) * module_pt,
                        module_pt);
      }
    }
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_fill(cr);
  });
}

void Document::Flow(const Layout& layout, double x) {
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  double origin = y_;  // where the layout's top would be on the current page
  int index = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    double top = origin + pango_units_to_double(logical.y);
    double bottom = top + pango_units_to_double(logical.height);
    if (bottom > content_bottom() + kEpsilon && top > content_top() + kEpsilon) {
      NewPage();
      origin = content_top() - pango_units_to_double(logical.y);
      bottom = content_top() + pango_units_to_double(logical.height);
    }
    double baseline = origin + pango_units_to_double(pango_layout_iter_get_baseline(iter));
    double line_x = x + pango_units_to_double(logical.x);
    pages_.back().push_back([layout, index, line_x, baseline](cairo_t* cr) {
      cairo_move_to(cr, line_x, baseline);
      pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout.get(), index));
    });
    y_ = bottom;
    ++index;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

void Document::Table(const TableSpec& table, double x) {
  const auto& columns = table.columns;
  auto make_row = [&](const std::vector<std::string>& cells, const TextStyle& base, bool is_header,
                      double max_height) {
    std::vector<Layout> layouts;
    double height = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      TextStyle style = base;
      style.align = is_header ? Align::kCenter : columns[c].align;
      const std::string& markup = c < cells.size() ? cells[c] : std::string();
      layouts.push_back(MakeText(markup, style, columns[c].width - 2 * kCellPadX, max_height));
      height = std::max(height, LayoutHeight(layouts.back()));
    }
    return std::pair(std::move(layouts), height + 2 * kCellPadY);
  };
  auto draw_row = [&](const std::vector<Layout>& layouts, double height) {
    double cx = x;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      StrokeRect(cx, y_, columns[c].width, height, kRuleWidth);
      Place(layouts[c], cx + kCellPadX, y_ + (height - LayoutHeight(layouts[c])) / 2);
      cx += columns[c].width;
    }
    y_ += height;
  };

  std::vector<std::string> header_cells;
  header_cells.reserve(columns.size());
  for (const auto& column : columns) header_cells.push_back(column.header_markup);
  auto [header_layouts, header_height] = make_row(header_cells, table.header, true, 0);
  // A page holds the header and at least one row; cells taller than that are ellipsised.
  double max_cell = content_bottom() - content_top() - header_height - 2 * kCellPadY - 1;
  std::vector<std::pair<std::vector<Layout>, double>> rows;
  for (const auto& cells : table.rows) rows.push_back(make_row(cells, table.body, false, max_cell));

  // The caption, the header and the first row start on the same page.
  double first = header_height + (rows.empty() ? 0 : rows.front().second);
  if (table.caption) first += LayoutHeight(table.caption);
  KeepTogether(first);
  if (table.caption) Flow(table.caption, x);
  draw_row(header_layouts, header_height);
  for (const auto& [layouts, height] : rows) {
    if (y_ + height > content_bottom() + kEpsilon) {
      NewPage();
      draw_row(header_layouts, header_height);
    }
    draw_row(layouts, height);
  }
}

std::string Document::Finish(const std::function<std::string(int, int)>& footer) {
  if (!title_.empty()) {
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title_.c_str());
  }
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Egov");
  int count = static_cast<int>(pages_.size());
  for (int page = 0; page < count; ++page) {
    cairo_set_source_rgb(cr_, 0, 0, 0);
    for (const auto& op : pages_[page]) {
      cairo_save(cr_);
      op(cr_);
      cairo_restore(cr_);
    }
    std::string markup = footer ? footer(page + 1, count) : std::string();
    if (!markup.empty()) {
      Layout layout = MakeText(markup, {.size_pt = 7, .italic = true, .align = Align::kCenter},
                               content_width());
      double y = content_bottom() + (margins_.bottom - LayoutHeight(layout)) / 2;
      cairo_move_to(cr_, content_left(), y);
      pango_cairo_show_layout(cr_, layout.get());
    }
    cairo_show_page(cr_);
  }
  pages_.clear();
  cairo_surface_finish(surface_);
  cairo_status_t status = cairo_surface_status(surface_);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_status(cr_);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("PDF rendering failed: ") +
                             cairo_status_to_string(status));
  }
  return std::move(bytes_);
}

}  // namespace egov::render
