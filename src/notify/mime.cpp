// Internet message formatting (see mime.hpp).
#include "notify/mime.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "core/calendar/date.hpp"

namespace egov::notify {

namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += kBase64[v & 63];
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    const unsigned v =
        static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kBase64[v >> 18];
    out += kBase64[(v >> 12) & 63];
    out += kBase64[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

bool IsPrintableAscii(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

std::string Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

bool IsPlainAddress(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (char c : address) {
    if (c <= 0x20 || c > 0x7E) return false;
    if (std::string_view("\"<>(),;:\\[]").find(c) != std::string_view::npos) return false;
  }
  const std::string_view domain = address.substr(at + 1);
  return domain.front() != '.' && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

std::optional<Mailbox> ParseMailbox(std::string_view text) {
  for (char c : text) {
    if (c == '\r' || c == '\n' || c == '\0') return std::nullopt;
  }
  const std::string trimmed = Trim(text);
  const auto open = trimmed.rfind('<');
  if (open == std::string::npos) {
    if (!IsPlainAddress(trimmed)) return std::nullopt;
    return Mailbox{"", trimmed};
  }
  if (trimmed.back() != '>') return std::nullopt;
  Mailbox m;
  m.address = trimmed.substr(open + 1, trimmed.size() - open - 2);
  if (!IsPlainAddress(m.address)) return std::nullopt;
  m.name = Trim(std::string_view(trimmed).substr(0, open));
  if (m.name.size() >= 2 && m.name.front() == '"' && m.name.back() == '"') {
    m.name = m.name.substr(1, m.name.size() - 2);
  }
  if (m.name.find_first_of("\"\\") != std::string::npos) return std::nullopt;
  return m;
}

std::string EncodeHeaderText(std::string_view utf8) {
  if (IsPrintableAscii(utf8)) return std::string(utf8);
  // "=?UTF-8?B?" + base64 + "?=" ≤ 75 bytes: at most 60 base64 characters, 45 bytes of text.
  constexpr std::size_t kMaxChunk = 45;
  std::string out;
  std::size_t i = 0;
  while (i < utf8.size()) {
    std::size_t end = i;
    while (end < utf8.size()) {
      const std::size_t len = SequenceLength(static_cast<unsigned char>(utf8[end]));
      if (end + len - i > kMaxChunk) break;
      end += len;
    }
    if (end == i) end = std::min(utf8.size(), i + 1);  // a broken sequence: never loop
    end = std::min(end, utf8.size());
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(utf8.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string FormatMailbox(const Mailbox& mailbox) {
  const std::string address = "<" + mailbox.address + ">";
  if (mailbox.name.empty()) return address;
  if (!IsPrintableAscii(mailbox.name)) return EncodeHeaderText(mailbox.name) + " " + address;
  bool atoms = true;  // only atext and spaces: no quotes needed
  for (char c : mailbox.name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ' ' ||
          std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos)) {
      atoms = false;
    }
  }
  return (atoms ? mailbox.name : "\"" + mailbox.name + "\"") + " " + address;
}

std::string FormatDate(std::int64_t utc_millis) {
  static constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                            "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto t = core::calendar::FromUtcMillis(utc_millis);
  const auto weekday = static_cast<int>(core::calendar::WeekdayOf(t.date));
  const std::int64_t second = (utc_millis / 1000) % 60;
  return fmt::format("{}, {:02d} {} {} {:02d}:{:02d}:{:02d} +0700", kDays[weekday], t.date.day,
                     kMonths[t.date.month - 1], t.date.year, t.minute_of_day / 60,
                     t.minute_of_day % 60, second < 0 ? second + 60 : second);
}

std::string Base64Lines(std::string_view bytes) {
  const std::string encoded = Base64(bytes);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) {
    if (i) out += "\r\n";
    out += encoded.substr(i, 76);
  }
  return out;
}

std::string BuildMessage(const MimeMessage& m) {
  std::string text;
  for (char c : m.text) {
    if (c == '\r') continue;
    if (c == '\n') text += '\r';
    text += c;
  }
  std::string subject = m.subject;
  for (char& c : subject) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return fmt::format(
      "From: {}\r\n"
      "To: {}\r\n"
      "Subject: {}\r\n"
      "Date: {}\r\n"
      "Message-ID: <{}>\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "Auto-Submitted: auto-generated\r\n"
      "\r\n"
      "{}\r\n",
      FormatMailbox(m.from), FormatMailbox(m.to), EncodeHeaderText(subject), FormatDate(m.date),
      m.message_id, Base64Lines(text));
}

}  // namespace egov::notify
