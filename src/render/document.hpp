// An administrative document (văn bản hành chính) on A4, laid out after Decree
// 30/2020/NĐ-CP Phụ lục I (docs/documents-output.md): the issuing agency under its parent
// top-left with the number and notation, the national title and motto top-right with place
// and date, the type name and trích yếu centred (or, for a công văn, "V/v …" under the
// number), the content, "Nơi nhận" bottom-left and the signer bottom-right, then the seal's
// QR code and verification line. The renderer prints what it is given: the caller formats
// (upper case, dates, numbers).
#pragma once

#include <string>
#include <vector>

namespace egov::render {

struct AdministrativeDocument {
  // The agency block; a line break in a name is kept (other control characters print as
  // spaces).
  std::string parent_agency_name;  // "UBND TỈNH QUẢNG NGÃI" (upper line; empty: left out)
  std::string agency_name;         // "ỦY BAN NHÂN DÂN\nHUYỆN TRÀ BỒNG" (bold)
  std::string number_notation;     // "07/QĐ-UBND", printed "Số: 07/QĐ-UBND"
  std::string place_and_date;      // "Trà Bồng, ngày 05 tháng 12 năm 2026"
  // "QUYẾT ĐỊNH"; empty for a công văn, whose trích yếu is printed under its number.
  std::string type_name;
  std::string summary;                  // trích yếu: "Về việc …" (công văn: "V/v …")
  std::vector<std::string> addressees;  // "Kính gửi:" lines (a công văn's), may be empty
  // The authority that decides, centred in bold above the content of a decision
  // ("ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG"); empty: none.
  std::string authority;
  std::vector<std::string> paragraphs;  // the content, one paragraph each (first line indented)
  std::vector<std::string> recipients;  // Nơi nhận: "Như Điều 3;", "Lưu: VT, VP."
  std::string signing_authority;  // "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" (empty: none)
  std::string signer_position;    // "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
  std::string signer_name;        // "Nguyễn Văn An"
  // The seal's verification page ({public_base_url}/xac-thuc/{token}), printed as a QR code
  // with a short line; empty: no seal block.
  std::string verify_url;
  std::string seal_line;  // "Văn bản điện tử có dấu số của UBND huyện Trà Bồng." (empty: none)
};

// The PDF bytes. Throws std::invalid_argument when verify_url is too long for a QR code.
std::string RenderDocumentPdf(const AdministrativeDocument& document);

}  // namespace egov::render
