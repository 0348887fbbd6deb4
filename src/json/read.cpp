// The leaves of the generic reader and the stored data's failures (read.hpp).
#include "json/read.hpp"

#include <fmt/format.h>

#include "core/text/fold.hpp"

namespace egov::json::detail {

namespace {

// An unknown member's name echoes the client's input into the answer: at most this many
// bytes of it, cut at a character boundary.
constexpr std::size_t kMaxEchoedKeyBytes = 40;

std::string_view EchoedKey(std::string_view key) {
  if (key.size() <= kMaxEchoedKeyBytes) return key;
  std::size_t end = kMaxEchoedKeyBytes;
  while (end > 0 && (static_cast<unsigned char>(key[end]) & 0xC0) == 0x80) --end;
  return key.substr(0, end);
}

}  // namespace

std::string Path::ToString() const {
  if (parent == nullptr) return {};
  std::string out = parent->ToString();
  if (item) return fmt::format("{}[{}]", out, index);
  if (!out.empty()) out += '.';
  out += member;
  return out;
}

std::string ReadString(const boost::json::value& v, const Path& path, const Limits& limits) {
  if (!v.is_string()) throw FieldError(path.ToString(), "phải là một chuỗi ký tự.");
  std::string s(v.as_string());
  if (core::text::CodePointCount(s) > limits.max_chars) {
    throw FieldError(path.ToString(), fmt::format("dài tối đa {} ký tự.", limits.max_chars));
  }
  return s;
}

bool ReadBool(const boost::json::value& v, const Path& path) {
  if (!v.is_bool()) throw FieldError(path.ToString(), "phải là true hoặc false.");
  return v.as_bool();
}

std::int64_t ReadInteger(const boost::json::value& v, const Path& path, const Limits& limits) {
  // A uint64 above INT64_MAX, a double (even 2.0) and anything out of range are refused:
  // a count is never silently truncated.
  if (!v.is_int64() || v.as_int64() < limits.min || v.as_int64() > limits.max) {
    throw FieldError(path.ToString(),
                     fmt::format("phải là số nguyên từ {} đến {}.", limits.min, limits.max));
  }
  return v.as_int64();
}

const boost::json::array& ReadArray(const boost::json::value& v, const Path& path,
                                    const Limits& limits) {
  if (!v.is_array()) throw FieldError(path.ToString(), "phải là một danh sách.");
  if (v.as_array().size() > limits.max_items) {
    throw FieldError(path.ToString(), fmt::format("có tối đa {} phần tử.", limits.max_items));
  }
  return v.as_array();
}

const boost::json::object& ReadObject(const boost::json::value& v, const Path& path) {
  if (!v.is_object()) throw FieldError(path.ToString(), "phải là một đối tượng JSON.");
  return v.as_object();
}

void RejectUnknown(const boost::json::object& body, const Path& path, const std::string_view* known,
                   std::size_t count) {
  for (const auto& member : body) {
    bool ok = false;
    for (std::size_t i = 0; i < count && !ok; ++i) ok = member.key() == known[i];
    if (!ok) {
      const Path here{&path, EchoedKey(member.key())};
      throw FieldError(here.ToString(), "trường này không được hỗ trợ.");
    }
  }
}

void ThrowMissing(const Path& path) { throw FieldError(path.ToString(), "thiếu trường bắt buộc."); }

boost::json::value ParseStored(std::string_view text, std::string_view what,
                               boost::json::storage_ptr memory) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec, std::move(memory));
  if (ec) throw CorruptData(fmt::format("{}: not JSON ({})", what, ec.message()));
  return v;
}

void RethrowAsCorrupt(std::string_view what) {
  try {
    throw;
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kValidationFailed) throw;
    std::string problem = e.message();
    if (!e.fields().empty()) {
      const auto& [field, message] = *e.fields().begin();
      problem = fmt::format("{}: {}", field.empty() ? "(document)" : field, message);
    }
    throw CorruptData(fmt::format("{}: {}", what, problem));
  }
}

}  // namespace egov::json::detail
