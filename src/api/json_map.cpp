// The leaves of the generic body reader (json_map.hpp).
#include "api/json_map.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text/fold.hpp"

namespace egov::api::json_map_detail {

std::string ReadString(const boost::json::value& v, const char* name, const Limits& limits) {
  if (!v.is_string()) throw FieldError(name, "phải là một chuỗi ký tự.");
  std::string s(v.as_string());
  if (core::text::CodePointCount(s) > limits.max_chars) {
    throw FieldError(name, fmt::format("dài tối đa {} ký tự.", limits.max_chars));
  }
  return s;
}

bool ReadBool(const boost::json::value& v, const char* name) {
  if (!v.is_bool()) throw FieldError(name, "phải là true hoặc false.");
  return v.as_bool();
}

std::int64_t ReadInteger(const boost::json::value& v, const char* name, const Limits& limits) {
  // A uint64 above INT64_MAX, a double (even 2.0) and anything out of range are refused:
  // a count is never silently truncated.
  if (!v.is_int64() || v.as_int64() < limits.min || v.as_int64() > limits.max) {
    throw FieldError(name, fmt::format("phải là số nguyên từ {} đến {}.", limits.min, limits.max));
  }
  return v.as_int64();
}

const boost::json::array& ReadArray(const boost::json::value& v, const char* name,
                                    const Limits& limits) {
  if (!v.is_array()) throw FieldError(name, "phải là một danh sách.");
  if (v.as_array().size() > limits.max_items) {
    throw FieldError(name, fmt::format("có tối đa {} phần tử.", limits.max_items));
  }
  return v.as_array();
}

const boost::json::object& ReadObject(const boost::json::value& v, const char* name) {
  if (!v.is_object()) throw FieldError(name, "phải là một đối tượng JSON.");
  return v.as_object();
}

void RejectUnknown(const boost::json::object& body, const std::string_view* known,
                   std::size_t count) {
  for (const auto& member : body) {
    bool ok = false;
    for (std::size_t i = 0; i < count && !ok; ++i) ok = member.key() == known[i];
    if (!ok) throw FieldError(std::string(member.key()), "trường này không được hỗ trợ.");
  }
}

void ThrowMissing(const char* name) { throw FieldError(name, "thiếu trường bắt buộc."); }

}  // namespace egov::api::json_map_detail
