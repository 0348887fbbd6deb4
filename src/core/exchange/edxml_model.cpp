// Names, field checks and validation of the edXML model (see edxml_model.hpp).
#include "core/exchange/edxml_model.hpp"

#include <array>
#include <cstdio>

#include "core/calendar/date.hpp"
#include "core/text/fold.hpp"

namespace egov::core::exchange {

namespace {

struct StatusName {
  StatusCode code;
  std::string_view name;
  std::string_view label;
};

constexpr std::array<StatusName, 9> kStatusNames{{
    {StatusCode::kArrived, "01", "Đã đến hệ thống"},
    {StatusCode::kRefused, "02", "Từ chối tiếp nhận"},
    {StatusCode::kReceived, "03", "Văn thư đã tiếp nhận"},
    {StatusCode::kAwaitingAssignment, "04", "Đã đến, chờ phân công"},
    {StatusCode::kAssigned, "05", "Đã phân công, đang xử lý"},
    {StatusCode::kDone, "06", "Đã hoàn thành"},
    {StatusCode::kRecall, "13", "Đề nghị thu hồi"},
    {StatusCode::kRecallAccepted, "15", "Đồng ý thu hồi, cập nhật"},
    {StatusCode::kRecallRefused, "16", "Từ chối thu hồi, cập nhật"},
}};

constexpr std::array<StatusCode, 9> kAllStatusCodes{
    StatusCode::kArrived,      StatusCode::kRefused,
    StatusCode::kReceived,     StatusCode::kAwaitingAssignment,
    StatusCode::kAssigned,     StatusCode::kDone,
    StatusCode::kRecall,       StatusCode::kRecallAccepted,
    StatusCode::kRecallRefused};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits at [pos, pos+n) as a number; -1 if any is not a digit.
int Digits(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!IsDigit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool IsValidEdxmlDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '/' || s[7] != '/') return false;
  const int y = Digits(s, 0, 4), m = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (y < 0 || m < 0 || d < 0) return false;
  return calendar::IsValidDate(calendar::Date{y, m, d});
}

// C0 controls other than tab, line feed and carriage return cannot appear in XML 1.0.
bool HasControlCharacter(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
  }
  return false;
}

std::string Quoted(std::string_view text) {
  if (text.size() > 40) return "\"" + std::string(text.substr(0, 40)) + "…\"";
  return "\"" + std::string(text) + "\"";
}

std::string Count(std::size_t n) { return std::to_string(n); }

// Collects problems under a path prefix.
class Checker {
 public:
  explicit Checker(std::vector<Problem>& out) : out_(out) {}

  void Add(std::string field, std::string message) {
    out_.push_back({std::move(field), std::move(message)});
  }

  // Length in characters, and mandatory when `required`.
  void Text(const std::string& field, std::string_view value, std::size_t max,
            bool required = false) {
    if (value.empty()) {
      if (required) Add(field, "Trường " + field + " là bắt buộc.");
      return;
    }
    if (text::CodePointCount(value) > max) {
      Add(field, "Trường " + field + " dài tối đa " + Count(max) + " ký tự.");
    } else if (HasControlCharacter(value)) {
      Add(field, "Trường " + field + " chứa ký tự điều khiển không được phép trong XML.");
    }
  }

  void Date(const std::string& field, std::string_view value, bool required) {
    if (value.empty()) {
      if (required) Add(field, "Trường " + field + " là bắt buộc.");
      return;
    }
    if (auto p = DateProblem(value)) Add(field, *p);
  }

  void Timestamp(const std::string& field, std::string_view value, bool required) {
    if (value.empty()) {
      if (required) Add(field, "Trường " + field + " là bắt buộc.");
      return;
    }
    if (auto p = TimestampProblem(value)) Add(field, *p);
  }

  void OrganId(const std::string& field, std::string_view value, bool required) {
    if (value.empty()) {
      if (required) Add(field, "Trường " + field + " là bắt buộc.");
      return;
    }
    if (auto p = OrganIdProblem(value)) Add(field, *p);
  }

  void Repeated(const std::string& field, std::size_t n, std::size_t max) {
    if (n > max) Add(field, "Có tối đa " + Count(max) + " phần tử " + field + ".");
  }

  void Organization(const std::string& path, const exchange::Organization& o, bool required) {
    OrganId(path + ".OrganId", o.organ_id, required);
    Text(path + ".OrganizationInCharge", o.organization_in_charge, kMaxName);
    Text(path + ".OrganName", o.organ_name, kMaxName, required);
    Text(path + ".OrganAdd", o.organ_add, kMaxName);
    Text(path + ".Email", o.email, kMaxShortText);
    Text(path + ".Telephone", o.telephone, kMaxPhone);
    Text(path + ".Fax", o.fax, kMaxPhone);
    Text(path + ".Website", o.website, kMaxShortText);
  }

  void ResponseFor(const std::string& path, const exchange::ResponseFor& r, bool required) {
    OrganId(path + ".OrganId", r.organ_id, required);
    Text(path + ".Code", r.code, kMaxCodeNumber + 1 + kMaxCodeNotation, required);
    Date(path + ".PromulgationDate", r.promulgation_date, false);
    Text(path + ".DocumentId", r.document_id, kMaxDocumentId);
  }

  void Staff(const std::string& path, const StaffInfo& s) {
    Text(path + ".Department", s.department, kMaxName);
    Text(path + ".Staff", s.staff, kMaxShortText);
    Text(path + ".Mobile", s.mobile, kMaxPhone);
    Text(path + ".Email", s.email, kMaxShortText);
  }

  void NonNegative(const std::string& field, const std::optional<int>& value) {
    if (value && *value < 0) Add(field, "Trường " + field + " phải là số không âm.");
  }

 private:
  std::vector<Problem>& out_;
};

std::string Indexed(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

}  // namespace

std::string_view Name(StatusCode code) {
  for (const auto& n : kStatusNames) {
    if (n.code == code) return n.name;
  }
  return "";
}

std::optional<StatusCode> ParseStatusCode(std::string_view text) {
  for (const auto& n : kStatusNames) {
    if (n.name == text) return n.code;
  }
  return std::nullopt;
}

std::span<const StatusCode> AllStatusCodes() { return kAllStatusCodes; }

std::string_view Label(StatusCode code) {
  for (const auto& n : kStatusNames) {
    if (n.code == code) return n.label;
  }
  return "";
}

std::optional<std::string> DateProblem(std::string_view text) {
  if (IsValidEdxmlDate(text)) return std::nullopt;
  return "Ngày " + Quoted(text) + " không hợp lệ: phải có dạng yyyy/MM/dd (ví dụ 2026/03/02).";
}

std::optional<std::string> TimestampProblem(std::string_view text) {
  bool ok = text.size() == 19 && IsValidEdxmlDate(text.substr(0, 10)) && text[10] == ' ' &&
            text[13] == ':' && text[16] == ':';
  if (ok) {
    const int h = Digits(text, 11, 2), mi = Digits(text, 14, 2), s = Digits(text, 17, 2);
    ok = h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
  }
  if (ok) return std::nullopt;
  return "Thời điểm " + Quoted(text) +
         " không hợp lệ: phải có dạng yyyy/MM/dd HH:mm:ss (ví dụ 2026/03/02 09:15:00).";
}

std::optional<std::string> OrganIdProblem(std::string_view text) {
  // V1V2V3.Z1Z2.Y1Y2.MX1X2: digits, a capital letter, digits.
  bool ok = text.size() == 13 && text[3] == '.' && text[6] == '.' && text[9] == '.';
  for (std::size_t i = 0; ok && i < 13; ++i) {
    if (i == 3 || i == 6 || i == 9) continue;
    if (i == 10) {
      ok = text[i] >= 'A' && text[i] <= 'Z';
    } else {
      ok = IsDigit(text[i]);
    }
  }
  if (ok) return std::nullopt;
  return "Mã định danh cơ quan " + Quoted(text) +
         " không hợp lệ: phải gồm 13 ký tự dạng 000.00.00.H48.";
}

std::vector<Problem> Validate(const Package& package) {
  std::vector<Problem> out;
  Checker c(out);
  const MessageHeader& h = package.header;
  const std::string m = "MessageHeader";
  c.Organization(m + ".From", h.from, true);
  if (h.to.empty()) c.Add(m + ".To", "Gói tin phải có ít nhất một nơi nhận (To).");
  c.Repeated(m + ".To", h.to.size(), kMaxRepeated);
  for (std::size_t i = 0; i < h.to.size() && i < kMaxRepeated; ++i) {
    c.Organization(Indexed(m + ".To", i), h.to[i], false);
    if (h.to[i].organ_id.empty()) {
      c.Add(Indexed(m + ".To", i) + ".OrganId",
            "Trường " + Indexed(m + ".To", i) + ".OrganId là bắt buộc.");
    }
  }
  c.Text(m + ".DocumentId", h.document_id, kMaxDocumentId);
  c.Text(m + ".Code.CodeNumber", h.code.code_number, kMaxCodeNumber, true);
  c.Text(m + ".Code.CodeNotation", h.code.code_notation, kMaxCodeNotation, true);
  c.Text(m + ".PromulgationInfo.Place", h.promulgation_info.place, kMaxName);
  c.Date(m + ".PromulgationInfo.PromulgationDate", h.promulgation_info.promulgation_date, true);
  c.NonNegative(m + ".DocumentType.Type", h.document_type.type);
  c.NonNegative(m + ".DocumentType.TypeDetail", h.document_type.type_detail);
  c.Text(m + ".DocumentType.TypeName", h.document_type.type_name, kMaxName);
  c.Text(m + ".Subject", h.subject, kMaxSubject, true);
  c.Text(m + ".Content", h.content, kMaxContent);
  c.Text(m + ".SignerInfo.Competence", h.signer_info.competence, kMaxShortText);
  c.Text(m + ".SignerInfo.Position", h.signer_info.position, kMaxShortText);
  c.Text(m + ".SignerInfo.FullName", h.signer_info.full_name, kMaxShortText, true);
  c.Date(m + ".DueDate", h.due_date, false);
  c.Repeated(m + ".ToPlaces", h.to_places.size(), kMaxRepeated);
  for (std::size_t i = 0; i < h.to_places.size() && i < kMaxRepeated; ++i) {
    c.Text(Indexed(m + ".ToPlaces.Place", i), h.to_places[i], kMaxName);
  }
  const OtherInfo& o = h.other_info;
  const int priority = static_cast<int>(o.priority);
  if (priority < 0 || priority > 4) {
    c.Add(m + ".OtherInfo.Priority", "Độ khẩn (Priority) phải là một chữ số từ 0 đến 4.");
  }
  c.Text(m + ".OtherInfo.SphereOfPromulgation", o.sphere_of_promulgation, kMaxName);
  c.Text(m + ".OtherInfo.TyperNotation", o.typer_notation, kMaxShortText);
  c.NonNegative(m + ".OtherInfo.PromulgationAmount", o.promulgation_amount);
  c.NonNegative(m + ".OtherInfo.PageAmount", o.page_amount);
  c.Repeated(m + ".OtherInfo.Appendixes", o.appendixes.size(), kMaxRepeated);
  for (std::size_t i = 0; i < o.appendixes.size() && i < kMaxRepeated; ++i) {
    c.Text(Indexed(m + ".OtherInfo.Appendixes.Appendix", i), o.appendixes[i], kMaxDescription);
  }
  c.Repeated(m + ".ResponseFor", h.response_for.size(), kMaxRepeated);
  for (std::size_t i = 0; i < h.response_for.size() && i < kMaxRepeated; ++i) {
    c.ResponseFor(Indexed(m + ".ResponseFor", i), h.response_for[i], true);
  }
  c.NonNegative(m + ".SteeringType", h.steering_type);

  const std::string t = "TraceHeaderList";
  c.Repeated(t + ".TraceHeader", package.trace.size(), kMaxRepeated);
  for (std::size_t i = 0; i < package.trace.size() && i < kMaxRepeated; ++i) {
    c.OrganId(Indexed(t + ".TraceHeader", i) + ".OrganId", package.trace[i].organ_id, true);
    c.Timestamp(Indexed(t + ".TraceHeader", i) + ".Timestamp", package.trace[i].timestamp, true);
  }
  const Business& b = package.business;
  const int doc_type = static_cast<int>(b.doc_type);
  if (doc_type < 0 || doc_type > 3) {
    c.Add(t + ".Bussiness.BussinessDocType",
          "Loại nghiệp vụ (BussinessDocType) phải là 0, 1, 2 hoặc 3.");
  }
  c.Text(t + ".Bussiness.DocumentId", b.document_id, kMaxDocumentId);
  c.Text(t + ".Bussiness.BussinessDocReason", b.doc_reason, kMaxDescription);
  c.NonNegative(t + ".Bussiness.Paper", b.paper);
  c.Repeated(t + ".Bussiness.StaffInfo", b.staff.size(), kMaxRepeated);
  for (std::size_t i = 0; i < b.staff.size() && i < kMaxRepeated; ++i) {
    c.Staff(Indexed(t + ".Bussiness.StaffInfo", i), b.staff[i]);
  }

  const std::string a = "AttachmentEncoded.Attachment";
  if (package.attachments.size() > kMaxAttachments) {
    c.Add("AttachmentEncoded", "Gói tin có tối đa " + Count(kMaxAttachments) + " tệp đính kèm.");
  }
  for (std::size_t i = 0; i < package.attachments.size() && i < kMaxAttachments; ++i) {
    const Attachment& f = package.attachments[i];
    const std::string p = Indexed(a, i);
    c.Text(p + ".ContentId", f.content_id, kMaxShortText);
    c.Text(p + ".AttachmentName", f.name, kMaxAttachmentName, true);
    c.Text(p + ".Description", f.description, kMaxDescription);
    c.Text(p + ".ContentType", f.content_type, kMaxShortText);
    if (f.bytes.empty()) {
      c.Add(p + ".ContentTransferEncoded",
            "Tệp đính kèm " + Quoted(f.name) + " không có nội dung.");
    } else if (f.bytes.size() > kMaxAttachmentBytes) {
      c.Add(p + ".ContentTransferEncoded", "Tệp đính kèm " + Quoted(f.name) + " lớn hơn " +
                                               Count(kMaxAttachmentBytes / (1024 * 1024)) +
                                               " MiB.");
    }
  }
  return out;
}

std::vector<Problem> Validate(const StatusPackage& status) {
  std::vector<Problem> out;
  Checker c(out);
  c.ResponseFor("Status.ResponseFor", status.response_for, true);
  c.Organization("Status.From", status.from, true);
  if (Name(status.status_code).empty()) {
    c.Add("Status.StatusCode", "Mã trạng thái (StatusCode) không thuộc danh mục QCVN 102:2016.");
  }
  c.Text("Status.Description", status.description, kMaxDescription);
  c.Timestamp("Status.Timestamp", status.timestamp, true);
  c.Staff("Status.StaffInfo", status.staff_info);
  return out;
}

std::string EffectiveDocumentId(const MessageHeader& header) {
  if (!header.document_id.empty()) return header.document_id;
  return header.from.organ_id + "," + header.promulgation_info.promulgation_date + "," +
         header.code.code_number + "/" + header.code.code_notation;
}

std::string EdxmlTimestamp(std::int64_t utc_millis) {
  std::int64_t seconds = utc_millis / 1000;
  if (utc_millis % 1000 < 0) --seconds;
  seconds += static_cast<std::int64_t>(calendar::kVietnamUtcOffsetMinutes) * 60;
  std::int64_t days = seconds / 86400, rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const calendar::Date d = calendar::CivilFromDays(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d/%02d/%02d %02d:%02d:%02d", d.year, d.month, d.day,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buf;
}

std::string EdxmlDate(std::int64_t utc_millis) { return EdxmlTimestamp(utc_millis).substr(0, 10); }

}  // namespace egov::core::exchange
