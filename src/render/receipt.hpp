// Form 01 of Circular 01/2018/TT-VPCP, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the
// receipt and appointment slip the one-stop counter hands the applicant, as an A5 portrait
// PDF with a QR code for looking the dossier up and rating the service. docs/forms.md
// describes the fields and the layout.
#pragma once

#include <string>
#include <vector>

namespace egov::render {

// One component of the dossier (thành phần hồ sơ) and how many of each form were handed in.
struct ReceiptComponent {
  std::string name;
  int original = 0, certified = 0, copy = 0;  // bản chính, bản chứng thực, bản sao
};

// Everything printed on the receipt, already formatted as the applicant should read it
// (UTF-8, NFC). Empty strings are allowed: an empty email, phone or identity number is left
// out; an empty fee line is left out; an empty lookup_url prints no QR code; other empty
// fields print a dotted line to be filled in by hand.
struct Receipt {
  std::string parent_agency_name;  // e.g. "UBND HUYỆN TRÀ BỒNG" (upper line of the header)
  std::string agency_name;         // e.g. "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"
  std::string place_and_date;      // e.g. "Trà Bồng, ngày 25 tháng 02 năm 2026"
  std::string dossier_code;        // "000.00.99.H48-260225-0001"
  std::string applicant_name, applicant_id_number, applicant_phone, applicant_email,
      applicant_address;
  std::string procedure_code, procedure_name;
  std::vector<ReceiptComponent> components;
  std::string time_limit_text;   // "03 ngày làm việc" / "Giải quyết trong ngày"
  std::string received_at_text;  // "10 giờ 05 phút, ngày 25/02/2026"
  std::string due_at_text;       // same format
  std::string return_place;      // where the result is collected
  std::string logbook_text;      // "Quyển số: 01/2026, Số thứ tự: 0001"
  std::string fee_text;  // "8.000 đồng (Bằng chữ: Tám nghìn đồng)" or "Không thu phí"
  std::string receiver_name;  // the reception officer who signs
  std::string lookup_url;     // encoded in the QR code (lookup + rating)
};

// A5 (148 × 210 mm) PDF bytes, one page or more (long procedure names and component lists
// wrap and continue on further pages, numbered "Trang i/n"). Fonts: Noto Serif
// (fonts-noto-core), embedded as a subset. Thread-safe (no shared state); a few
// milliseconds per page. Throws std::invalid_argument if lookup_url is too long for a QR
// code (over 2331 bytes), std::runtime_error if cairo fails.
std::string RenderReceiptPdf(const Receipt& receipt);

}  // namespace egov::render
