// JSON input and output helpers (see json_util.hpp).
#include "api/json_util.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/calendar/date.hpp"
#include "core/error.hpp"

namespace egov::api {

namespace {

int IntQuery(const http::Request& request, const char* name, int fallback, int min, int max) {
  auto raw = request.query(name);
  if (!raw || raw->empty()) return fallback;
  int value = 0;
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), value);
  if (ec != std::errc() || ptr != raw->data() + raw->size() || value < min || value > max) {
    throw FieldError(name, fmt::format("phải là số nguyên từ {} đến {}.", min, max));
  }
  return value;
}

// Walks a JSON value, refusing forbidden characters in its strings (see JsonBody).
void CheckStrings(const boost::json::value& value, const std::string& path, bool multi_line,
                  bool exempt) {
  switch (value.kind()) {
    case boost::json::kind::string:
      if (exempt) return;
      if (auto problem = ForbiddenCharacterProblem(value.get_string(), multi_line)) {
        throw FieldError(path.empty() ? "body" : path, *problem);
      }
      return;
    case boost::json::kind::array: {
      const auto& array = value.get_array();
      for (std::size_t i = 0; i < array.size(); ++i) {
        CheckStrings(array[i], fmt::format("{}[{}]", path, i), multi_line, exempt);
      }
      return;
    }
    case boost::json::kind::object:
      for (const auto& member : value.get_object()) {
        const std::string_view key = member.key();
        CheckStrings(member.value(),
                     path.empty() ? std::string(key) : path + "." + std::string(key),
                     IsMultiLineField(key), key.find("password") != std::string_view::npos);
      }
      return;
    default: return;
  }
}

}  // namespace

bool IsMultiLineField(std::string_view key) {
  return key == "note" || key == "reason" || key == "comment" || key == "content" ||
         key == "instruction";
}

std::optional<std::string> ForbiddenCharacterProblem(std::string_view text, bool multi_line) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    // Decode one code point of valid UTF-8 (Request::json() has checked it).
    char32_t cp = *p;
    int length = 1;
    if (cp >= 0xF0) {
      length = 4;
      cp &= 0x07;
    } else if (cp >= 0xE0) {
      length = 3;
      cp &= 0x0F;
    } else if (cp >= 0xC0) {
      length = 2;
      cp &= 0x1F;
    }
    if (end - p < length) break;
    for (int i = 1; i < length; ++i) cp = (cp << 6) | (p[i] & 0x3F);
    p += length;
    const bool line_break = cp == U'\n' || cp == U'\r' || cp == U'\t';
    const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    const bool bidi = cp == 0x061C || cp == 0x200E || cp == 0x200F ||
                      (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    if (control && line_break && multi_line) continue;
    if (control) {
      return fmt::format("chứa ký tự điều khiển không được phép (U+{:04X}){}.",
                         static_cast<std::uint32_t>(cp),
                         line_break ? "; trường này chỉ có một dòng" : "");
    }
    if (bidi) {
      return fmt::format("chứa ký tự điều khiển hướng văn bản không được phép (U+{:04X}).",
                         static_cast<std::uint32_t>(cp));
    }
  }
  return std::nullopt;
}

const boost::json::object& JsonBody(const http::Request& request) {
  const auto& body = request.json();
  for (const auto& member : body) {
    const std::string_view key = member.key();
    CheckStrings(member.value(), std::string(key), IsMultiLineField(key),
                 key.find("password") != std::string_view::npos);
  }
  return body;
}

Paging ParsePaging(const http::Request& request) {
  return {IntQuery(request, "page", 1, 1, 1'000'000), IntQuery(request, "per_page", 50, 1, 500)};
}

std::string FormatInstant(std::int64_t utc_millis) {
  return core::calendar::FormatVietnamInstant(utc_millis);
}

std::int64_t IdParam(const http::Request& request, const std::string& name) {
  const std::string& raw = request.param(name);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (ec != std::errc() || ptr != raw.data() + raw.size() || value <= 0) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy mục được yêu cầu.");
  }
  return value;
}

}  // namespace egov::api
