// The document registers of Decree 30/2020/NĐ-CP Phụ lục IV (DOMAIN.md §4,
// docs/documents-output.md): outgoing (10 columns), incoming (10) and the tracking of incoming
// documents' handling (7), for a period, as a printable A4 landscape PDF (the title on the
// first page, the heading row repeated on every page, pages numbered) and as XLSX (one sheet:
// the title rows, the heading row frozen, column widths, wrapped text). Every value is a
// string as it is printed; the caller formats dates and numbers. "Ký nhận" is left for a
// signature by hand unless given.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace egov::render {

enum class RegisterKind { kOutgoing, kIncoming, kTracking };

// What heads the register: the agency that keeps it and the period.
struct RegisterInfo {
  std::string parent_agency_name;  // "UBND TỈNH QUẢNG NGÃI" (empty: left out)
  std::string agency_name;         // "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"
  std::string period;              // "Năm 2026", "Từ ngày 01/12/2026 đến ngày 31/12/2026"
};

// Sổ đăng ký văn bản đi.
struct OutgoingRegisterRow {
  std::string number_notation;   // Số, ký hiệu
  std::string date;              // Ngày tháng văn bản
  std::string type_and_summary;  // Tên loại và trích yếu nội dung
  std::string signer;            // Người ký
  std::string recipients;        // Nơi nhận
  std::string file_copy_holder;  // Đơn vị, người nhận bản lưu
  std::string copies;            // Số lượng bản
  std::string transferred_on;    // Ngày chuyển
  std::string signed_receipt;    // Ký nhận
  std::string note;              // Ghi chú
};

// Sổ đăng ký văn bản đến.
struct IncomingRegisterRow {
  std::string arrival_date;      // Ngày đến
  std::string arrival_number;    // Số đến
  std::string author;            // Tác giả
  std::string number_notation;   // Số, ký hiệu
  std::string date;              // Ngày tháng
  std::string type_and_summary;  // Tên loại và trích yếu
  std::string recipient;         // Đơn vị hoặc người nhận
  std::string transferred_on;    // Ngày chuyển
  std::string signed_receipt;    // Ký nhận
  std::string note;              // Ghi chú
};

// Sổ theo dõi việc giải quyết văn bản đến.
struct TrackingRegisterRow {
  std::string arrival_number;  // Số đến
  std::string document;        // Tên loại, số, ký hiệu, ngày, cơ quan ban hành
  std::string recipient;       // Đơn vị hoặc người nhận
  std::string due;             // Thời hạn giải quyết
  std::string progress;        // Tiến độ giải quyết
  std::string reply_notation;  // Số, ký hiệu văn bản trả lời
  std::string note;            // Ghi chú
};

// The register's title ("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" …) and its column headings, in order.
std::string_view RegisterTitle(RegisterKind kind);
std::vector<std::string_view> RegisterHeadings(RegisterKind kind);

// PDF bytes (A4 landscape). Throws std::runtime_error if cairo fails.
std::string RenderRegisterPdf(const RegisterInfo& info,
                              const std::vector<OutgoingRegisterRow>& rows);
std::string RenderRegisterPdf(const RegisterInfo& info,
                              const std::vector<IncomingRegisterRow>& rows);
std::string RenderRegisterPdf(const RegisterInfo& info,
                              const std::vector<TrackingRegisterRow>& rows);

// XLSX bytes (written through a temporary file, libxlsxwriter 1.1 writes only to files).
// Throws std::runtime_error when the workbook cannot be written.
std::string RenderRegisterXlsx(const RegisterInfo& info,
                               const std::vector<OutgoingRegisterRow>& rows);
std::string RenderRegisterXlsx(const RegisterInfo& info,
                               const std::vector<IncomingRegisterRow>& rows);
std::string RenderRegisterXlsx(const RegisterInfo& info,
                               const std::vector<TrackingRegisterRow>& rows);

}  // namespace egov::render
