// The other printed forms of a dossier (docs/forms.md): the supplement request, the refusal,
// the apology and new appointment, the stop notice and the control sheet, as A5 portrait PDFs
// with the header of Form 01. Their number and title are data (core::dossier::RuleSet gives
// them per rule set); the renderer prints what it is given.
#pragma once

#include <string>
#include <vector>

#include "render/form_parts.hpp"

namespace egov::render {

// What every form prints above and around its body. Values are formatted as the applicant
// should read them (UTF-8, NFC); empty values print a dotted line unless said otherwise.
struct FormCommon {
  FormHeader header;
  std::string number;    // "02": printed "Mẫu số 02" at the top right (empty: left out)
  std::string rule_set;  // "Thông tư 01/2018/TT-VPCP", after the number (empty: left out)
  std::string title;  // "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", printed in capitals
  std::string dossier_code;
  std::string applicant_name;
  std::string procedure_name;
  std::string received_at_text;  // "10 giờ 05 phút, ngày 25/02/2026"
  std::string agency_name;       // the agency that speaks in the body ("UBND huyện Trà Bồng")
};

// Form 02: everything missing, at once, why, and who guided.
struct SupplementRequest {
  FormCommon common;
  std::vector<std::string> missing;  // one numbered line each
  std::string reason;
  std::string officer_name;    // who asked and guides (signs "NGƯỜI HƯỚNG DẪN")
  std::string officer_agency;  // their agency
};

// Form 03: the refusal and its reason.
struct Refusal {
  FormCommon common;
  std::string reason;
  std::string officer_name;  // signs "NGƯỜI TIẾP NHẬN HỒ SƠ"
};

// Form 04: the apology, the old appointment and the new one.
struct Apology {
  FormCommon common;
  std::string reason;
  std::string old_due_text, new_due_text;  // "16 giờ 00 phút, ngày 18/03/2026"
};

// The stop notice (Form 05 of Circular 03/2025).
struct StopNotice {
  FormCommon common;
  std::string reason;
  std::string stopped_at_text;
};

// One hand-off (or other event) of the dossier, a row of the control sheet.
struct ControlSheetRow {
  std::string from_unit, from_person;  // who handed the dossier on
  std::string to_unit, to_person;      // who received it (empty: left blank)
  std::string time_text;
  std::string result;  // "Trước hạn" / "Đúng hạn" / "Quá hạn"; empty: not judged
  std::string note;    // what happened, and the event's note
};

// The control sheet: every hand-off, oldest first.
struct ControlSheet {
  FormCommon common;
  std::string due_at_text;
  std::vector<ControlSheetRow> rows;
};

// A5 PDF bytes (more pages when the text or the table needs them, each numbered "Trang
// i/n"). Thread-safe; throws std::runtime_error if cairo fails.
std::string RenderSupplementPdf(const SupplementRequest& form);
std::string RenderRefusalPdf(const Refusal& form);
std::string RenderApologyPdf(const Apology& form);
std::string RenderStopNoticePdf(const StopNotice& form);
std::string RenderControlSheetPdf(const ControlSheet& form);

}  // namespace egov::render
