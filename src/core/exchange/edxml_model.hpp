// The edXML exchange package of QCVN 102:2016/BTTTT (DOMAIN.md §4) as plain values: the
// header of an electronic document (edoc) with its attachments, and the Status package that
// answers one. Pure: no XML here — src/exchange builds and reads the XML text. Every text is
// UTF-8 as it appears in the package (dates `yyyy/MM/dd`, times `yyyy/MM/dd HH:mm:ss`, Vietnam
// time); Validate() says what a receiver refuses, with the reasons in Vietnamese. Field paths
// in problems are the element names from MessageHeader (or Status) down, joined with `.`,
// repeated elements as `[i]` from 0: `MessageHeader.Code.CodeNumber`,
// `MessageHeader.To[1].OrganId`.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace egov::core::exchange {

// The namespace of every edXML element.
inline constexpr std::string_view kEdxmlNamespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

// An agency as the header names it (From, To, the Status package's From).
struct Organization {
  std::string organ_id;  // 13-character code, 000.00.00.H48
  std::string organization_in_charge;
  std::string organ_name;
  std::string organ_add;
  std::string email;
  std::string telephone;
  std::string fax;
  std::string website;
  friend bool operator==(const Organization&, const Organization&) = default;
};

// Số và ký hiệu: CodeNumber "07", CodeNotation "QĐ-UBND".
struct Code {
  std::string code_number;    // ≤ 11 characters
  std::string code_notation;  // ≤ 30 characters
  friend bool operator==(const Code&, const Code&) = default;
};

struct PromulgationInfo {
  std::string place;
  std::string promulgation_date;  // yyyy/MM/dd
  friend bool operator==(const PromulgationInfo&, const PromulgationInfo&) = default;
};

struct DocumentType {
  std::optional<int> type;  // the standard's code of the document kind
  std::optional<int> type_detail;
  std::string type_name;  // "Quyết định", "Công văn" …
  friend bool operator==(const DocumentType&, const DocumentType&) = default;
};

struct SignerInfo {
  std::string competence;  // "TM.", "KT." …
  std::string position;
  std::string full_name;
  friend bool operator==(const SignerInfo&, const SignerInfo&) = default;
};

// OtherInfo.Priority: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ.
enum class Priority { kNormal = 0, kUrgent = 1, kVeryUrgent = 2, kFlash = 3, kFlashTimed = 4 };

struct OtherInfo {
  Priority priority = Priority::kNormal;
  std::string sphere_of_promulgation;
  std::string typer_notation;
  std::optional<int> promulgation_amount;
  std::optional<int> page_amount;
  std::vector<std::string> appendixes;
  friend bool operator==(const OtherInfo&, const OtherInfo&) = default;
};

// The document a package answers (MessageHeader.ResponseFor, Status.ResponseFor).
struct ResponseFor {
  std::string organ_id;
  std::string code;               // "07/QĐ-UBND"
  std::string promulgation_date;  // yyyy/MM/dd
  std::string document_id;
  friend bool operator==(const ResponseFor&, const ResponseFor&) = default;
};

struct StaffInfo {
  std::string department;
  std::string staff;
  std::string mobile;
  std::string email;
  friend bool operator==(const StaffInfo&, const StaffInfo&) = default;
};

// TraceHeaderList.TraceHeader: an agency the package passed through, and when.
struct TraceHeader {
  std::string organ_id;
  std::string timestamp;  // yyyy/MM/dd HH:mm:ss
  friend bool operator==(const TraceHeader&, const TraceHeader&) = default;
};

// Bussiness (sic).BussinessDocType: 0 new, 1 revoke (recall), 2 update, 3 replace.
enum class BusinessDocType { kNew = 0, kRevoke = 1, kUpdate = 2, kReplace = 3 };

// TraceHeaderList.Bussiness — spelt so in the standard's SDKs; readers accept `Business` too.
struct Business {
  std::string document_id;
  BusinessDocType doc_type = BusinessDocType::kNew;
  std::string doc_reason;
  std::optional<int> paper;  // 1 when a paper copy follows
  std::vector<StaffInfo> staff;
  friend bool operator==(const Business&, const Business&) = default;
};

struct MessageHeader {
  Organization from;
  std::vector<Organization> to;  // at least one
  // OrganId,yyyy/MM/dd,number/notation; empty when the sender gave none (EffectiveDocumentId).
  std::string document_id;
  Code code;
  PromulgationInfo promulgation_info;
  DocumentType document_type;
  std::string subject;  // trích yếu, ≤ 500 characters
  std::string content;
  SignerInfo signer_info;
  std::string due_date;  // yyyy/MM/dd or empty
  std::vector<std::string> to_places;
  OtherInfo other_info;
  std::vector<ResponseFor> response_for;
  std::optional<int> steering_type;
  friend bool operator==(const MessageHeader&, const MessageHeader&) = default;
};

// One attached file: its bytes as they were before zip and base64.
struct Attachment {
  std::string content_id;  // without the "cid:" of the manifest's reference
  std::string name;
  std::string description;
  std::string content_type;
  std::string bytes;
  friend bool operator==(const Attachment&, const Attachment&) = default;
};

// An edoc package: header, trace and the attached files.
struct Package {
  MessageHeader header;
  std::vector<TraceHeader> trace;
  Business business;
  std::vector<Attachment> attachments;
  friend bool operator==(const Package&, const Package&) = default;
};

// Status.StatusCode (DOMAIN.md §4), two digits on the wire.
enum class StatusCode {
  kArrived = 1,             // 01 arrived in the system
  kRefused = 2,             // 02 refused
  kReceived = 3,            // 03 received by the văn thư
  kAwaitingAssignment = 4,  // 04 arrived, awaiting assignment
  kAssigned = 5,            // 05 assigned, processing
  kDone = 6,                // 06 done
  kRecall = 13,             // 13 recall
  kRecallAccepted = 15,     // 15 recall / update accepted
  kRecallRefused = 16,      // 16 recall / update refused
};

// A Status package: what became of the document ResponseFor names, at the agency From.
struct StatusPackage {
  ResponseFor response_for;
  Organization from;
  StatusCode status_code = StatusCode::kArrived;
  std::string description;
  std::string timestamp;  // yyyy/MM/dd HH:mm:ss
  StaffInfo staff_info;
  friend bool operator==(const StatusPackage&, const StatusPackage&) = default;
};

// "01" … "16"; ParseStatusCode takes exactly those texts.
std::string_view Name(StatusCode code);
std::optional<StatusCode> ParseStatusCode(std::string_view text);
std::span<const StatusCode> AllStatusCodes();
// "Đã đến", "Từ chối" … in Vietnamese.
std::string_view Label(StatusCode code);

// One reason a package is refused: the field it is about and a Vietnamese message.
struct Problem {
  std::string field;
  std::string message;
  friend bool operator==(const Problem&, const Problem&) = default;
};

// The limits (in Unicode characters unless said otherwise), stated once: docs/exchange.md.
inline constexpr std::size_t kMaxCodeNumber = 11;
inline constexpr std::size_t kMaxCodeNotation = 30;
inline constexpr std::size_t kMaxSubject = 500;
inline constexpr std::size_t kMaxContent = 20000;
inline constexpr std::size_t kMaxName = 200;       // organ names, places, type names
inline constexpr std::size_t kMaxShortText = 100;  // e-mail, website, signer, staff fields
inline constexpr std::size_t kMaxPhone = 20;
inline constexpr std::size_t kMaxDocumentId = 100;
inline constexpr std::size_t kMaxDescription = 500;
inline constexpr std::size_t kMaxRepeated = 100;  // To, ToPlaces, Appendixes, ResponseFor, trace
inline constexpr std::size_t kMaxAttachments = 50;
inline constexpr std::size_t kMaxAttachmentName = 255;
inline constexpr std::size_t kMaxAttachmentBytes = 20 * 1024 * 1024;  // one file, unzipped

// Field checks, each nullopt when the text is acceptable, else the Vietnamese reason.
// A date `yyyy/MM/dd` that exists (years 1900–2199).
std::optional<std::string> DateProblem(std::string_view text);
// A time `yyyy/MM/dd HH:mm:ss` that exists.
std::optional<std::string> TimestampProblem(std::string_view text);
// A 13-character agency code of the form 000.00.00.H48.
std::optional<std::string> OrganIdProblem(std::string_view text);

// Everything a receiver refuses in a package or a status package, in field order; empty when
// it is acceptable. Mandatory: From (OrganId, OrganName), at least one To with its OrganId,
// Code (CodeNumber, CodeNotation), PromulgationInfo.PromulgationDate, Subject,
// SignerInfo.FullName; every attachment's name and bytes.
std::vector<Problem> Validate(const Package& package);
std::vector<Problem> Validate(const StatusPackage& status);

// The package's DocumentId, or the standard's composition of it when the sender gave none:
// `From.OrganId,PromulgationDate,CodeNumber/CodeNotation`.
std::string EffectiveDocumentId(const MessageHeader& header);

// An instant (UTC epoch milliseconds) as edXML writes it, in Vietnam time:
// "2026/03/02 09:15:00" and "2026/03/02".
std::string EdxmlTimestamp(std::int64_t utc_millis);
std::string EdxmlDate(std::int64_t utc_millis);

}  // namespace egov::core::exchange
