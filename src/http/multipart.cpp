// multipart/form-data parsing (see multipart.hpp).
#include "http/multipart.hpp"

#include "core/error.hpp"
#include "http/request.hpp"

namespace egov::http {

namespace {

Error Malformed(const char* detail) {
  return Error(ErrorCode::kBadRequest, "Nội dung tải lên không đúng định dạng multipart/form-data.",
               detail);
}

// The value of `key` in a header parameter list: name="file"; filename="a.pdf".
std::string Param(std::string_view header, std::string_view key) {
  std::string needle = std::string(key) + "=";
  size_t pos = 0;
  while ((pos = header.find(needle, pos)) != std::string_view::npos) {
    if (pos == 0 || header[pos - 1] == ' ' || header[pos - 1] == ';') break;
    pos += needle.size();
  }
  if (pos == std::string_view::npos) return {};
  pos += needle.size();
  if (pos < header.size() && header[pos] == '"') {
    auto end = header.find('"', pos + 1);
    if (end == std::string_view::npos) return {};
    return std::string(header.substr(pos + 1, end - pos - 1));
  }
  auto end = header.find(';', pos);
  return std::string(header.substr(pos, end == std::string_view::npos ? end : end - pos));
}

}  // namespace

std::vector<Part> ParseMultipart(std::string_view content_type, std::string_view body) {
  if (!HasMediaType(content_type, "multipart/form-data")) {
    throw Error(ErrorCode::kUnsupportedMedia, "Tệp phải được gửi dạng multipart/form-data.");
  }
  std::string boundary = Param(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200) throw Malformed("no boundary");
  const std::string delimiter = "--" + boundary;
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) throw Malformed("no first boundary");
  std::vector<Part> parts;
  while (true) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") break;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") throw Malformed("boundary not followed by CRLF");
    pos += 2;
    auto headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) throw Malformed("part without headers end");
    std::string_view headers = body.substr(pos, headers_end - pos);
    Part part;
    while (!headers.empty()) {
      auto eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
      auto colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string name(line.substr(0, colon));
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      if (name == "content-disposition") {
        part.name = Param(value, "name");
        part.filename = Param(value, "filename");
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    size_t data_start = headers_end + 4;
    auto next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos) throw Malformed("part without closing boundary");
    part.data = body.substr(data_start, next - data_start);
    parts.push_back(std::move(part));
    if (parts.size() > 20) throw Malformed("too many parts");
    pos = next + 2;
  }
  return parts;
}

}  // namespace egov::http
