// Layout of the forms after Form 01 (see forms.hpp and docs/forms.md): the header of Form 01,
// "Mẫu số NN" above it on the right, the title in capitals and the dossier's code, the body,
// and the signature columns of the official forms.
#include "render/forms.hpp"

#include <glib.h>

#include <functional>

#include "render/pdf_document.hpp"

namespace egov::render {

namespace {

std::string Upper(const std::string& text) {
  std::string valid = CleanText(text);
  char* upper = g_utf8_strup(valid.c_str(), -1);
  char* nfc = g_utf8_normalize(upper, -1, G_NORMALIZE_NFC);
  std::string out = nfc;
  g_free(nfc);
  g_free(upper);
  return out;
}

// The page top: the form's number, the header, the title and the code. Returns the document
// ready for the body.
void Top(Document& doc, const FormCommon& c) {
  doc.SetTitle(CleanText(c.title) + " " + CleanText(c.dossier_code));
  if (!c.number.empty()) {
    std::string label = "Mẫu số " + EscapeMarkup(c.number);
    if (!c.rule_set.empty()) label += " (" + EscapeMarkup(c.rule_set) + ")";
    Layout number = doc.MakeText(label, {.size_pt = 8, .italic = true, .align = Align::kRight},
                                 doc.content_width());
    doc.Flow(number, doc.content_left());
    doc.Advance(1.5 * kMm);
  }
  DrawHeader(doc, c.header);
  doc.Advance(3 * kMm);
  Layout title =
      doc.MakeText(EscapeMarkup(Upper(c.title)),
                   {.size_pt = 12, .bold = true, .align = Align::kCenter}, doc.content_width());
  doc.Flow(title, doc.content_left());
  Layout code = doc.MakeText("Mã hồ sơ: " + Bold(c.dossier_code),
                             {.size_pt = 11, .align = Align::kCenter}, doc.content_width());
  doc.Flow(code, doc.content_left());
  doc.Advance(2.5 * kMm);
}

std::string Finish(Document& doc, const FormCommon& c) {
  std::string code = EscapeMarkup(c.dossier_code);
  return doc.Finish([&code](int page, int pages) {
    if (pages < 2) return std::string();
    return "Mã hồ sơ " + code + " – Trang " + std::to_string(page) + "/" + std::to_string(pages);
  });
}

std::string Render(const FormCommon& c, const std::function<void(Document&)>& body) {
  Document doc(kA5Width, kA5Height, kA5Margins, kFormFont);
  Top(doc, c);
  body(doc);
  return Finish(doc, c);
}

const SignatureColumn kNone{};

SignatureColumn Head() {
  return {"THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Ký, ghi rõ họ tên và đóng dấu)", ""};
}

// "Vào lúc …, <agency> tiếp nhận hồ sơ của ông/bà …, nội dung yêu cầu giải quyết: …".
std::string ReceivedLine(const FormCommon& c) {
  return "Vào lúc " + Time(c.received_at_text) + ", " + ValueOrBlank(c.agency_name) +
         " tiếp nhận hồ sơ của ông/bà " + Bold(c.applicant_name) +
         ", nội dung yêu cầu giải quyết: " + ValueOrBlank(c.procedure_name) + ".";
}

}  // namespace

std::string RenderSupplementPdf(const SupplementRequest& f) {
  const FormCommon& c = f.common;
  return Render(c, [&](Document& doc) {
    Paragraph(doc, "Hồ sơ của: " + Bold(c.applicant_name));
    Paragraph(doc, "Nội dung yêu cầu giải quyết: " + ValueOrBlank(c.procedure_name),
              kBodyJustified);
    Paragraph(doc, "Thời gian nhận hồ sơ: " + Time(c.received_at_text));
    Paragraph(doc,
              "Sau khi xem xét thành phần, hồ sơ, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm "
              "những nội dung sau:",
              kBodyJustified);
    if (f.missing.empty()) Paragraph(doc, std::string("1. ") + kBlank);
    for (std::size_t i = 0; i < f.missing.size(); ++i) {
      Paragraph(doc, std::to_string(i + 1) + ". " + ValueOrBlank(f.missing[i]), kBodyJustified);
    }
    Paragraph(doc, "Lý do: " + ValueOrBlank(f.reason), kBodyJustified);
    std::string guide = ValueOrBlank(f.officer_name);
    if (!f.officer_agency.empty()) guide += ", " + EscapeMarkup(f.officer_agency);
    Paragraph(doc,
              "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ " + guide +
                  " để được hướng dẫn.",
              kBodyJustified);
    Signatures(doc, kNone, {"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", f.officer_name});
  });
}

std::string RenderRefusalPdf(const Refusal& f) {
  const FormCommon& c = f.common;
  return Render(c, [&](Document& doc) {
    Paragraph(doc, ValueOrBlank(c.agency_name) + " tiếp nhận hồ sơ của: " + Bold(c.applicant_name));
    Paragraph(doc, "Nội dung yêu cầu giải quyết: " + ValueOrBlank(c.procedure_name),
              kBodyJustified);
    Paragraph(doc, "Thời gian nhận hồ sơ: " + Time(c.received_at_text));
    Paragraph(doc,
              "Qua xem xét, " + ValueOrBlank(c.agency_name) +
                  " thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
              kBodyJustified);
    Paragraph(doc, "<b>" + ValueOrBlank(f.reason) + "</b>", kBodyJustified);
    Paragraph(doc, "Xin thông báo để ông/bà được biết và thực hiện.");
    Signatures(doc, kNone, {"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", f.officer_name});
  });
}

std::string RenderApologyPdf(const Apology& f) {
  const FormCommon& c = f.common;
  return Render(c, [&](Document& doc) {
    Paragraph(doc, "Kính gửi: " + Bold(c.applicant_name));
    Paragraph(doc, ReceivedLine(c), kBodyJustified);
    Paragraph(doc, "Thời gian hẹn trả kết quả giải quyết hồ sơ: " + Time(f.old_due_text));
    Paragraph(doc,
              "Tuy nhiên, đến nay " + ValueOrBlank(c.agency_name) +
                  " chưa trả kết quả giải quyết hồ sơ của ông/bà đúng hẹn. Lý do: " +
                  ValueOrBlank(f.reason) + ".",
              kBodyJustified);
    Paragraph(doc, "Sự chậm trễ này đã gây phiền hà cho ông/bà. " + ValueOrBlank(c.agency_name) +
                       " xin lỗi ông/bà và hẹn lại thời gian trả kết quả vào: <b>" +
                       Time(f.new_due_text) + "</b>.");
    Paragraph(doc, "Rất mong nhận được sự cảm thông của ông/bà.");
    Signatures(doc, kNone, Head());
  });
}

std::string RenderStopNoticePdf(const StopNotice& f) {
  const FormCommon& c = f.common;
  return Render(c, [&](Document& doc) {
    Paragraph(doc, "Kính gửi: " + Bold(c.applicant_name));
    Paragraph(doc, ReceivedLine(c), kBodyJustified);
    Paragraph(doc,
              ValueOrBlank(c.agency_name) + " thông báo dừng giải quyết hồ sơ nêu trên kể từ " +
                  Time(f.stopped_at_text) + ".",
              kBodyJustified);
    Paragraph(doc, "Lý do: <b>" + ValueOrBlank(f.reason) + "</b>", kBodyJustified);
    Paragraph(doc, "Xin thông báo để ông/bà được biết.");
    Signatures(doc, kNone, Head());
  });
}

std::string RenderControlSheetPdf(const ControlSheet& f) {
  const FormCommon& c = f.common;
  return Render(c, [&](Document& doc) {
    Paragraph(doc, "Kèm theo hồ sơ của: " + Bold(c.applicant_name));
    Paragraph(doc, "Nội dung yêu cầu giải quyết: " + ValueOrBlank(c.procedure_name),
              kBodyJustified);
    Paragraph(doc, "Thời gian nhận hồ sơ: " + Time(c.received_at_text));
    Paragraph(doc, "Thời gian hẹn trả kết quả: " + Time(f.due_at_text));
    doc.Advance(1 * kMm);
    const double w = doc.content_width();
    const double tt = 6 * kMm, party = 25 * kMm, time = 22 * kMm, result = 15 * kMm;
    std::vector<TableColumn> columns = {
        {"TT", tt, Align::kCenter},
        {"Bên giao\n(đơn vị, người)", party, Align::kLeft},
        {"Bên nhận\n(đơn vị, người)", party, Align::kLeft},
        {"Thời gian", time, Align::kLeft},
        {"Kết quả", result, Align::kCenter},
        {"Ghi chú", w - tt - 2 * party - time - result, Align::kLeft},
    };
    auto party_cell = [](const std::string& unit, const std::string& person) {
      std::string cell = unit.empty() ? "" : "<b>" + EscapeMarkup(unit) + "</b>";
      if (!person.empty()) cell += (cell.empty() ? "" : "\n") + EscapeMarkup(person);
      return cell;
    };
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < f.rows.size(); ++i) {
      const ControlSheetRow& r = f.rows[i];
      rows.push_back({std::to_string(i + 1), party_cell(r.from_unit, r.from_person),
                      party_cell(r.to_unit, r.to_person), EscapeMarkup(r.time_text),
                      EscapeMarkup(r.result), EscapeMarkup(r.note)});
    }
    if (rows.empty()) rows.push_back({"", kBlank, "", "", "", ""});
    TableSpec table{.columns = std::move(columns),
                    .rows = std::move(rows),
                    .header = {.size_pt = 7.5, .bold = true},
                    .body = {.size_pt = 7.5},
                    .caption = doc.MakeText("Quá trình giao, nhận hồ sơ:", kBody, w)};
    doc.Table(table, doc.content_left());
  });
}

}  // namespace egov::render
