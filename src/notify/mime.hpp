// Internet messages as RFC 5322 and MIME want them (RFC 2045, 2047): mailboxes, the Date
// header, encoded words for non-ASCII header text, and a whole text/plain UTF-8 message with a
// base64 body. Pure functions (no I/O, no clock: the date is passed in); thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace egov::notify {

// A mailbox: an optional display name (UTF-8) and an address ("local@domain").
struct Mailbox {
  std::string name;
  std::string address;
};

// True for a plain address: one '@', a non-empty local part and a domain with a dot or a
// single label, printable ASCII without spaces, quotes, angle brackets, commas, semicolons or
// backslashes, at most 254 bytes. (Stricter than RFC 5321 on purpose: no quoted local parts.)
bool IsPlainAddress(std::string_view address);

// "Egov <khongtraloi@example.vn>", "\"Egov, xã\" <a@b.vn>" or "a@b.vn"; nullopt when the
// address in it is not plain (IsPlainAddress) or the text is not one of these forms.
std::optional<Mailbox> ParseMailbox(std::string_view text);

// Header text: as is when it is printable ASCII, else RFC 2047 encoded words
// ("=?UTF-8?B?…?=", each at most 75 bytes, never splitting a character), separated by
// folding whitespace ("\r\n ").
std::string EncodeHeaderText(std::string_view utf8);

// "Egov <a@b.vn>", the name encoded (EncodeHeaderText) or quoted when needed; "<a@b.vn>"
// without a name.
std::string FormatMailbox(const Mailbox& mailbox);

// RFC 5322 date-time of a UTC instant in Vietnam time: "Thu, 05 Mar 2026 08:00:00 +0700".
std::string FormatDate(std::int64_t utc_millis);

// Base64 (RFC 4648, with padding) in lines of at most 76 characters joined by "\r\n".
std::string Base64Lines(std::string_view bytes);

struct MimeMessage {
  Mailbox from;
  Mailbox to;
  std::string subject;     // UTF-8, one line
  std::string text;        // UTF-8, lines separated by "\n"
  std::string message_id;  // without angle brackets: "notice.12.X@example.vn"
  std::int64_t date = 0;   // UTC epoch ms
};

// The whole message, CRLF line ends: From, To, Subject, Date, Message-ID, MIME-Version,
// Content-Type text/plain; charset=UTF-8, Content-Transfer-Encoding base64, Auto-Submitted
// (RFC 3834), a blank line and the body (its "\n" turned into CRLF before encoding).
std::string BuildMessage(const MimeMessage& message);

}  // namespace egov::notify
