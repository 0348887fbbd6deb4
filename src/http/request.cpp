// Request accessors: query and path parameters, JSON body parsing with the error policy of
// CONTRACT.md (malformed JSON and invalid UTF-8 are 400 bad_request).
#include "http/request.hpp"

#include <boost/json/parse.hpp>

#include "core/error.hpp"

namespace egov::http {

Request::Request(BeastRequest message, std::string request_id, std::string client_address)
    : message_(std::move(message)),
      request_id_(std::move(request_id)),
      client_address_(std::move(client_address)) {
  std::string_view target = message_.target();
  auto q = target.find('?');
  path_ = target.substr(0, q);
  if (q != std::string_view::npos) query_string_ = target.substr(q + 1);
}

std::string_view Request::header(std::string_view name) const {
  auto it = message_.find(name);
  return it == message_.end() ? std::string_view{} : std::string_view(it->value());
}

std::string_view Request::header(beast_http::field name) const {
  auto it = message_.find(name);
  return it == message_.end() ? std::string_view{} : std::string_view(it->value());
}

std::optional<std::string> Request::query(std::string_view name) const {
  std::string_view rest = query_string_;
  while (!rest.empty()) {
    auto amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    auto eq = pair.find('=');
    auto key = PercentDecode(pair.substr(0, eq), true);
    if (!key || *key != name) continue;
    auto value = PercentDecode(
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (!value || !IsValidUtf8(*value)) {
      throw FieldError(std::string(name), "tham số truy vấn không hợp lệ");
    }
    return value;
  }
  return std::nullopt;
}

const std::string& Request::param(const std::string& name) const {
  static const std::string kEmpty;
  auto it = params_.find(name);
  return it == params_.end() ? kEmpty : it->second;
}

const boost::json::object& Request::json() const {
  if (!json_) {
    if (!HasMediaType(header(beast_http::field::content_type), "application/json")) {
      throw Error(ErrorCode::kUnsupportedMedia,
                  "Nội dung yêu cầu phải ở dạng JSON (Content-Type: application/json).");
    }
    boost::system::error_code ec;
    boost::json::parse_options options;
    options.max_depth = 64;
    auto value = boost::json::parse(body(), ec, {}, options);
    if (ec) {
      throw Error(ErrorCode::kBadRequest, "Nội dung yêu cầu không phải JSON hợp lệ.", ec.message());
    }
    if (!value.is_object()) {
      throw Error(ErrorCode::kBadRequest, "Nội dung yêu cầu phải là một đối tượng JSON.");
    }
    json_ = std::move(value);
  }
  return json_->get_object();
}

bool HasMediaType(std::string_view content_type, std::string_view media_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!type.empty() && is_space(type.front())) type.remove_prefix(1);
  while (!type.empty() && is_space(type.back())) type.remove_suffix(1);
  return boost::beast::iequals(type, media_type);
}

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace egov::http
