// The texts of the messages to citizens (see citizen_messages.hpp, docs/notifications.md).
#include "core/notify/citizen_messages.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>
#include <utility>

#include "core/calendar/date.hpp"
#include "core/text/fold.hpp"

namespace egov::core::notify {

namespace {

constexpr std::array<std::pair<CitizenEvent, std::string_view>, 5> kNames = {{
    {CitizenEvent::kReceived, "received"},
    {CitizenEvent::kSupplementNeeded, "supplement_needed"},
    {CitizenEvent::kResultReady, "result_ready"},
    {CitizenEvent::kDelayed, "delayed"},
    {CitizenEvent::kRefused, "refused"},
}};

constexpr std::string_view kCounter = "Bộ phận tiếp nhận và trả kết quả";

// `text` without surrounding spaces and without a final full stop, so that a sentence can
// end it with its own.
std::string Clause(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && (space(text.back()) || text.back() == '.')) text.remove_suffix(1);
  return std::string(text);
}

// The first `count` code points of `utf8`.
std::string FirstCodePoints(std::string_view utf8, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) {
      if (seen == count) break;
      ++seen;
    }
  }
  return std::string(utf8.substr(0, i));
}

// head + middle + tail, the middle cut (ending in "…") so that the whole has at most
// kMaxSmsCodePoints code points. Head and tail are short and fixed; the middle is what the
// citizen or an officer wrote (a procedure's name, a reason, the missing items).
std::string FitSms(const std::string& head, const std::string& middle, const std::string& tail) {
  const std::size_t fixed = text::CodePointCount(head) + text::CodePointCount(tail);
  std::string whole = head + middle + tail;
  if (text::CodePointCount(whole) <= kMaxSmsCodePoints) return whole;
  const std::size_t room = kMaxSmsCodePoints > fixed + 1 ? kMaxSmsCodePoints - fixed - 1 : 0;
  return head + Clause(FirstCodePoints(middle, room)) + "…" + tail;
}

// "07:30-11:30,13:00-17:00" → "07:30–11:30, 13:00–17:00".
std::string HoursText(std::string_view hours) {
  std::string out;
  for (char c : hours) {
    if (c == '-') {
      out += "–";
    } else if (c == ',') {
      out += ", ";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Greeting(const NoticeFacts& f) {
  const std::string name = Clause(f.applicant_name);
  return name.empty() ? "Kính gửi Ông/Bà,\n\n" : "Kính gửi Ông/Bà " + name + ",\n\n";
}

std::string Footer(const NoticeFacts& f) {
  return fmt::format(
      "\n\nTra cứu tình trạng hồ sơ tại: {}\n\n"
      "Đây là thư gửi tự động, xin Ông/Bà không trả lời thư này.\n"
      "{}, {}",
      f.lookup_url, kCounter, f.agency_name);
}

std::int64_t Required(const std::optional<std::int64_t>& at, std::string_view what) {
  if (!at) throw std::invalid_argument(fmt::format("a citizen notice needs {}", what));
  return *at;
}

CitizenMessage Received(const NoticeFacts& f) {
  const std::int64_t at = Required(f.appointment, "the appointment");
  CitizenMessage m;
  m.subject = fmt::format("Hồ sơ {} đã được tiếp nhận", f.dossier_code);
  m.body = Greeting(f) +
           fmt::format(
               "{} đã tiếp nhận hồ sơ của Ông/Bà.\n\n"
               "Mã hồ sơ: {}\n"
               "Thủ tục: {}\n"
               "Thời gian hẹn trả kết quả: {}\n\n"
               "Xin Ông/Bà giữ mã hồ sơ để tra cứu và nhận kết quả.",
               f.agency_name, f.dossier_code, f.procedure_name, LongTime(at)) +
           Footer(f);
  m.sms = FitSms(fmt::format("Hồ sơ {} đã được tiếp nhận. Hẹn trả kết quả: {}. Thủ tục: ",
                             f.dossier_code, ShortTime(at)),
                 Clause(f.procedure_name), ". Tra cứu: " + f.lookup_url);
  return m;
}

CitizenMessage SupplementNeeded(const NoticeFacts& f) {
  CitizenMessage m;
  m.subject = fmt::format("Hồ sơ {} cần bổ sung, hoàn thiện", f.dossier_code);
  std::string items, sms_items;
  for (const auto& item : f.missing) {
    items += "- " + item + "\n";
    sms_items += (sms_items.empty() ? "" : "; ") + Clause(item);
  }
  std::string body = fmt::format("Hồ sơ {} ({}) của Ông/Bà cần được bổ sung, hoàn thiện.\n\n",
                                 f.dossier_code, f.procedure_name);
  if (!items.empty()) body += "Thành phần cần bổ sung:\n" + items + "\n";
  if (!Clause(f.reason).empty()) body += "Lý do: " + Clause(f.reason) + ".\n\n";
  body += fmt::format(
      "Xin Ông/Bà nộp hồ sơ bổ sung tại {}, {}. Thời gian giải quyết hồ sơ tạm dừng cho đến khi "
      "nhận đủ hồ sơ bổ sung.",
      kCounter, f.agency_name);
  m.body = Greeting(f) + body + Footer(f);
  std::string middle = sms_items;
  if (!Clause(f.reason).empty()) {
    middle += (middle.empty() ? "" : ". ") + std::string("Lý do: ") + Clause(f.reason);
  }
  m.sms = FitSms(fmt::format("Hồ sơ {} cần bổ sung: ", f.dossier_code), middle,
                 ". Tra cứu: " + f.lookup_url);
  return m;
}

CitizenMessage ResultReady(const NoticeFacts& f) {
  CitizenMessage m;
  m.subject = fmt::format("Hồ sơ {} đã có kết quả", f.dossier_code);
  std::string body = fmt::format("Hồ sơ {} ({}) của Ông/Bà đã có kết quả giải quyết.\n\n",
                                 f.dossier_code, f.procedure_name);
  if (f.by_post) {
    body += "Kết quả sẽ được gửi đến Ông/Bà qua dịch vụ bưu chính theo địa chỉ Ông/Bà đã đăng ký.";
    m.sms = FitSms(fmt::format("Hồ sơ {} đã có kết quả", f.dossier_code), "",
                   ", sẽ được gửi đến Ông/Bà qua bưu điện. Tra cứu: " + f.lookup_url);
  } else {
    body += fmt::format("Mời Ông/Bà đến nhận kết quả tại {}, {}, trong giờ làm việc", kCounter,
                        f.agency_name);
    if (!f.working_hours.empty()) body += " (" + HoursText(f.working_hours) + ")";
    body += " các ngày làm việc. Khi đến, xin mang theo giấy tiếp nhận hồ sơ và hẹn trả kết quả.";
    m.sms = FitSms(fmt::format("Hồ sơ {} đã có kết quả. Mời Ông/Bà đến nhận tại {}, ",
                               f.dossier_code, kCounter),
                   f.agency_name, ", trong giờ làm việc. Tra cứu: " + f.lookup_url);
  }
  m.body = Greeting(f) + body + Footer(f);
  return m;
}

CitizenMessage Delayed(const NoticeFacts& f) {
  const std::int64_t at = Required(f.appointment, "the new appointment");
  CitizenMessage m;
  m.subject = fmt::format("Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {}", f.dossier_code);
  std::string body =
      fmt::format("{} xin lỗi Ông/Bà vì chưa trả kết quả giải quyết hồ sơ {} ({}) đúng hẹn.\n\n",
                  f.agency_name, f.dossier_code, f.procedure_name);
  if (!Clause(f.reason).empty()) body += "Lý do: " + Clause(f.reason) + ".\n";
  if (f.old_appointment) body += "Thời gian hẹn trước đây: " + LongTime(*f.old_appointment) + "\n";
  body += "Thời gian hẹn trả kết quả mới: " + LongTime(at) + "\n\n";
  body += "Rất mong Ông/Bà thông cảm.";
  m.body = Greeting(f) + body + Footer(f);
  std::string head =
      fmt::format("Xin lỗi Ông/Bà: hồ sơ {} chưa có kết quả đúng hẹn. Hẹn trả mới: {}",
                  f.dossier_code, ShortTime(at));
  m.sms = Clause(f.reason).empty()
              ? FitSms(head, "", ". Tra cứu: " + f.lookup_url)
              : FitSms(head + ". Lý do: ", Clause(f.reason), ". Tra cứu: " + f.lookup_url);
  return m;
}

CitizenMessage Refused(const NoticeFacts& f) {
  CitizenMessage m;
  m.subject = fmt::format("Hồ sơ {} bị từ chối tiếp nhận giải quyết", f.dossier_code);
  std::string body = fmt::format("{} từ chối tiếp nhận giải quyết hồ sơ {} ({}) của Ông/Bà.\n\n",
                                 f.agency_name, f.dossier_code, f.procedure_name);
  if (!Clause(f.reason).empty()) body += "Lý do: " + Clause(f.reason) + ".\n\n";
  body += fmt::format("Mọi thắc mắc xin Ông/Bà liên hệ {}, {}.", kCounter, f.agency_name);
  m.body = Greeting(f) + body + Footer(f);
  std::string head = fmt::format("Hồ sơ {} bị từ chối tiếp nhận giải quyết", f.dossier_code);
  m.sms = Clause(f.reason).empty()
              ? FitSms(head, "", ". Tra cứu: " + f.lookup_url)
              : FitSms(head + ". Lý do: ", Clause(f.reason), ". Tra cứu: " + f.lookup_url);
  return m;
}

}  // namespace

std::string_view Name(CitizenEvent event) {
  for (const auto& [value, name] : kNames) {
    if (value == event) return name;
  }
  return "received";
}

std::optional<CitizenEvent> ParseCitizenEvent(std::string_view name) {
  for (const auto& [value, text] : kNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

std::string LongTime(std::int64_t utc_millis) {
  const auto t = calendar::FromUtcMillis(utc_millis);
  return fmt::format("{:02d} giờ {:02d} phút, ngày {:02d}/{:02d}/{}", t.minute_of_day / 60,
                     t.minute_of_day % 60, t.date.day, t.date.month, t.date.year);
}

std::string ShortTime(std::int64_t utc_millis) {
  const auto t = calendar::FromUtcMillis(utc_millis);
  return fmt::format("{:02d}:{:02d} ngày {:02d}/{:02d}/{}", t.minute_of_day / 60,
                     t.minute_of_day % 60, t.date.day, t.date.month, t.date.year);
}

CitizenMessage Compose(const NoticeFacts& facts) {
  switch (facts.event) {
    case CitizenEvent::kReceived: return Received(facts);
    case CitizenEvent::kSupplementNeeded: return SupplementNeeded(facts);
    case CitizenEvent::kResultReady: return ResultReady(facts);
    case CitizenEvent::kDelayed: return Delayed(facts);
    case CitizenEvent::kRefused: return Refused(facts);
  }
  throw std::invalid_argument("unknown citizen event");
}

}  // namespace egov::core::notify
