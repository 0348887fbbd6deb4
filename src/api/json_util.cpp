// JSON input and output helpers (see json_util.hpp).
#include "api/json_util.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/calendar/date.hpp"
#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace egov::api {

namespace {

const boost::json::value* Member(const boost::json::object& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

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

int CountMember(const boost::json::object& body, const char* key, const std::string& field,
                int max) {
  const auto* v = Member(body, key);
  if (!v) return 0;
  const std::string problem = fmt::format("số bản phải là số nguyên từ 0 đến {}.", max);
  if (v->is_int64() && v->get_int64() >= 0 && v->get_int64() <= max) {
    return static_cast<int>(v->get_int64());
  }
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(max)) {
    return static_cast<int>(v->get_uint64());
  }
  throw FieldError(field, problem);
}

std::optional<std::string> OptionalString(const boost::json::object& body, const char* key,
                                          std::size_t max_chars) {
  const auto* v = Member(body, key);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw FieldError(key, "phải là một chuỗi ký tự.");
  std::string s(v->as_string());
  if (core::text::CodePointCount(s) > max_chars) {
    throw FieldError(key, fmt::format("dài tối đa {} ký tự.", max_chars));
  }
  return s;
}

std::string RequiredString(const boost::json::object& body, const char* key,
                           std::size_t max_chars) {
  auto s = OptionalString(body, key, max_chars);
  if (!s) throw FieldError(key, "thiếu trường bắt buộc.");
  return *s;
}

std::optional<bool> OptionalBool(const boost::json::object& body, const char* key) {
  const auto* v = Member(body, key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) throw FieldError(key, "phải là true hoặc false.");
  return v->as_bool();
}

std::optional<std::vector<std::string>> OptionalStringArray(const boost::json::object& body,
                                                            const char* key,
                                                            std::size_t max_items) {
  const auto* v = Member(body, key);
  if (!v) return std::nullopt;
  if (!v->is_array()) throw FieldError(key, "phải là một danh sách.");
  const auto& array = v->as_array();
  if (array.size() > max_items) {
    throw FieldError(key, fmt::format("có tối đa {} phần tử.", max_items));
  }
  std::vector<std::string> out;
  for (const auto& item : array) {
    if (!item.is_string()) throw FieldError(key, "mỗi phần tử phải là một chuỗi ký tự.");
    out.emplace_back(item.as_string());
  }
  return out;
}

void RejectUnknownKeys(const boost::json::object& body, std::initializer_list<const char*> known) {
  for (const auto& member : body) {
    bool ok = false;
    for (const char* k : known) ok = ok || member.key() == k;
    if (!ok) throw FieldError(std::string(member.key()), "trường này không được hỗ trợ.");
  }
}

Paging ParsePaging(const http::Request& request) {
  return {IntQuery(request, "page", 1, 1, 1'000'000), IntQuery(request, "per_page", 50, 1, 500)};
}

boost::json::object ListJson(boost::json::array items, std::int64_t total, const Paging& paging) {
  return {{"items", std::move(items)},
          {"total", total},
          {"page", paging.page},
          {"per_page", paging.per_page}};
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
