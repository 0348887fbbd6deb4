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

}  // namespace

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
