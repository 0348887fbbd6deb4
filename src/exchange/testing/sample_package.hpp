// Tests only: a realistic edoc package written from DOMAIN.md §4 — a decision of UBND tỉnh
// Quảng Ngãi sent to two districts — and a Status package answering it.
#pragma once

#include <string>
#include <string_view>

#include "core/exchange/edxml_model.hpp"
#include "exchange/base64.hpp"
#include "exchange/zip.hpp"

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

// A package as the national exchange's SDKs write it: the root in the default namespace,
// every other element with the `edXML:` prefix, `Bussiness`, an empty DigitalSignature,
// the attachments unprefixed after the envelope with the content id's "cid:" only in the
// manifest.
inline std::string RealWorldPackage(std::string_view business_element = "Bussiness") {
  const std::string attachment = Base64Encode(ZipOne("07.pdf", SampleFileBytes()));
  std::string b(business_element);
  return R"(<?xml version="1.0" encoding="utf-8"?>
<edXML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>000.00.00.H48</edXML:OrganId>
          <edXML:OrganizationInCharge>Ủy ban nhân dân tỉnh Quảng Ngãi</edXML:OrganizationInCharge>
          <edXML:OrganName>UBND tỉnh Quảng Ngãi</edXML:OrganName>
          <edXML:OrganAdd>52 Hùng Vương, TP. Quảng Ngãi</edXML:OrganAdd>
          <edXML:Email>vanthu@quangngai.gov.vn</edXML:Email>
          <edXML:Telephone>0255 3822 930</edXML:Telephone>
          <edXML:Fax />
          <edXML:Website />
        </edXML:From>
        <edXML:To>
          <edXML:OrganId>000.00.99.H48</edXML:OrganId>
          <edXML:OrganName>UBND huyện Trà Bồng</edXML:OrganName>
        </edXML:To>
        <edXML:Code>
          <edXML:CodeNumber>45</edXML:CodeNumber>
          <edXML:CodeNotation>UBND-KGVX</edXML:CodeNotation>
        </edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>Quảng Ngãi</edXML:Place>
          <edXML:PromulgationDate>2026/03/05</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType>
          <edXML:Type>18</edXML:Type>
          <edXML:TypeName>Công văn</edXML:TypeName>
          <edXML:TypeDetail>0</edXML:TypeDetail>
        </edXML:DocumentType>
        <edXML:Subject>V/v triển khai hệ thống quản lý văn bản và điều hành</edXML:Subject>
        <edXML:Content>Đề nghị UBND huyện Trà Bồng triển khai.</edXML:Content>
        <edXML:SignerInfo>
          <edXML:Competence>KT.</edXML:Competence>
          <edXML:Position>Phó Chủ tịch</edXML:Position>
          <edXML:FullName>Trần Phước Hiền</edXML:FullName>
        </edXML:SignerInfo>
        <edXML:DueDate>2026/03/20</edXML:DueDate>
        <edXML:ToPlaces>
          <edXML:Place>UBND huyện Trà Bồng</edXML:Place>
        </edXML:ToPlaces>
        <edXML:OtherInfo>
          <edXML:Priority>2</edXML:Priority>
          <edXML:SphereOfPromulgation>Liên thông văn bản</edXML:SphereOfPromulgation>
          <edXML:TyperNotation>TVC</edXML:TyperNotation>
          <edXML:PromulgationAmount>1</edXML:PromulgationAmount>
          <edXML:PageAmount>2</edXML:PageAmount>
          <edXML:Appendixes>
            <edXML:Appendix />
          </edXML:Appendixes>
        </edXML:OtherInfo>
        <edXML:SteeringType>0</edXML:SteeringType>
        <edXML:DocumentId>000.00.00.H48,2026/03/05,45/UBND-KGVX</edXML:DocumentId>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList id="a1b2c3d4" version="1.0" mustUnderstand="1" actor="http://schemas.xmlsoap.org/soap/actor/next">
        <edXML:TraceHeader>
          <edXML:OrganId>000.00.00.H48</edXML:OrganId>
          <edXML:Timestamp>2026/03/05 14:30:00</edXML:Timestamp>
        </edXML:TraceHeader>
        <edXML:)" +
         b + R"(>
          <edXML:)" +
         b + R"(DocType>0</edXML:)" + b + R"(DocType>
          <edXML:)" +
         b + R"(DocReason>Văn bản điện tử mới</edXML:)" + b + R"(DocReason>
          <edXML:StaffInfo>
            <edXML:Department>Văn phòng</edXML:Department>
            <edXML:Staff>Trần Thị Hoa</edXML:Staff>
            <edXML:Mobile />
            <edXML:Email />
          </edXML:StaffInfo>
          <edXML:Paper>0</edXML:Paper>
        </edXML:)" +
         b + R"(>
      </edXML:TraceHeaderList>
      <edXML:DigitalSignature />
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">
        <edXML:Reference xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="cid:5d0e" xlink:role="XLinkRole" xlink:type="simple">
          <edXML:Description>File đính kèm 1</edXML:Description>
          <edXML:AttachmentName>45-UBND-KGVX.pdf</edXML:AttachmentName>
          <edXML:ContentType>application/pdf</edXML:ContentType>
          <edXML:ContentId>cid:5d0e</edXML:ContentId>
        </edXML:Reference>
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>
    <Attachment>
      <ContentType>application/pdf</ContentType>
      <ContentId>5d0e</ContentId>
      <Description>File đính kèm 1</Description>
      <ContentTransferEncoded>)" +
         attachment + R"(</ContentTransferEncoded>
      <AttachmentName>45-UBND-KGVX.pdf</AttachmentName>
    </Attachment>
  </AttachmentEncoded>
</edXML>
)";
}

}  // namespace egov::exchange::testing
