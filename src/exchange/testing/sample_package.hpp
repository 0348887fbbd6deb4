// Tests only: a realistic edoc package written from DOMAIN.md §4 — a decision of UBND tỉnh
// Quảng Ngãi sent to two districts — and a Status package answering it.
#pragma once

#include <string>

#include "core/exchange/edxml_model.hpp"

namespace egov::exchange::testing {

// Bytes that are not text and do not compress to nothing: every byte value, a PDF header.
inline std::string SampleFileBytes() {
  std::string bytes = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  for (int round = 0; round < 40; ++round) {
    for (int b = 0; b < 256; ++b) bytes += static_cast<char>((b * 31 + round * 7) & 255);
  }
  bytes += "\n%%EOF\n";
  return bytes;
}

inline core::exchange::Package SamplePackage() {
  using namespace core::exchange;
  Package p;
  MessageHeader& h = p.header;
  h.from = {.organ_id = "000.00.00.H48",
            .organization_in_charge = "Ủy ban nhân dân tỉnh Quảng Ngãi",
            .organ_name = "UBND tỉnh Quảng Ngãi",
            .organ_add = "52 Hùng Vương, phường Trần Phú, TP. Quảng Ngãi",
            .email = "vanthu@quangngai.gov.vn",
            .telephone = "0255 3822 930",
            .fax = "0255 3822 931",
            .website = "https://www.quangngai.gov.vn"};
  h.to = {{.organ_id = "000.00.53.H48", .organ_name = "UBND huyện Bình Sơn"},
          {.organ_id = "000.00.99.H48", .organ_name = "UBND huyện Trà Bồng"}};
  h.document_id = "000.00.00.H48,2026/03/02,07/QĐ-UBND";
  h.code = {"07", "QĐ-UBND"};
  h.promulgation_info = {"Quảng Ngãi", "2026/03/02"};
  h.document_type = {.type = 1, .type_detail = 0, .type_name = "Quyết định"};
  h.subject = "Về việc phê duyệt Kế hoạch chuyển đổi số tỉnh Quảng Ngãi năm 2026";
  h.content =
      "Phê duyệt Kế hoạch chuyển đổi số năm 2026 kèm theo Quyết định này.\n"
      "Các sở, ban, ngành và UBND các huyện tổ chức thực hiện.";
  h.signer_info = {"TM.", "Chủ tịch", "Nguyễn Văn Thành"};
  h.due_date = "2026/03/16";
  h.to_places = {"Như Điều 3", "Lưu: VT, KGVX"};
  h.other_info = {.priority = Priority::kUrgent,
                  .sphere_of_promulgation = "Văn bản đi",
                  .typer_notation = "KGVX",
                  .promulgation_amount = 2,
                  .page_amount = 3,
                  .appendixes = {"Phụ lục I: Danh mục nhiệm vụ"}};
  h.steering_type = 0;
  p.trace = {{"000.00.00.H48", "2026/03/02 09:15:00"}};
  p.business = {
      .document_id = "000.00.00.H48,2026/03/02,07/QĐ-UBND",
      .doc_type = BusinessDocType::kNew,
      .doc_reason = "Văn bản mới",
      .paper = 0,
      .staff = {{"Văn phòng UBND tỉnh", "Trần Thị Hoa", "0905123456", "hoa.vt@quangngai.gov.vn"}}};
  p.attachments = {
      {.content_id = "qd-07-2026",
       .name = "07-QĐ-UBND Kế hoạch chuyển đổi số.pdf",
       .description = "Quyết định đã ký số",
       .content_type = "application/pdf",
       .bytes = SampleFileBytes()},
      {.content_id = "phu-luc-1",
       .name = "Phụ lục I.txt",
       .description = "Danh mục nhiệm vụ",
       .content_type = "text/plain",
       .bytes = "Nhiệm vụ 1: Số hóa hồ sơ một cửa.\nNhiệm vụ 2: Liên thông văn bản.\n"}};
  return p;
}

inline core::exchange::StatusPackage SampleStatus() {
  using namespace core::exchange;
  StatusPackage s;
  s.response_for = {"000.00.00.H48", "07/QĐ-UBND", "2026/03/02",
                    "000.00.00.H48,2026/03/02,07/QĐ-UBND"};
  s.from = {.organ_id = "000.00.53.H48", .organ_name = "UBND huyện Bình Sơn"};
  s.status_code = StatusCode::kReceived;
  s.description = "Văn thư đã tiếp nhận văn bản";
  s.timestamp = "2026/03/02 10:05:00";
  s.staff_info = {"Văn phòng HĐND và UBND", "Lê Văn Bình", "0914000111", "binh@binhson.gov.vn"};
  return s;
}

}  // namespace egov::exchange::testing
