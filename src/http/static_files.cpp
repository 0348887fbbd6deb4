// In-memory static file serving with caching headers and the SPA fallback.
#include "http/static_files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace egov::http {

std::string MimeType(std::string_view filename) {
  static const std::unordered_map<std::string_view, std::string_view> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".pdf", "application/pdf"},
      {".webmanifest", "application/manifest+json"},
      {".wasm", "application/wasm"},
  };
  auto dot = filename.rfind('.');
  if (dot != std::string_view::npos) {
    auto it = kTypes.find(filename.substr(dot));
    if (it != kTypes.end()) return std::string(it->second);
  }
  return "application/octet-stream";
}

namespace {

std::string Fnv1aHex(std::string_view data) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return fmt::format("\"{:016x}\"", h);
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    std::string key = std::filesystem::relative(entry.path(), root).generic_string();
    key.insert(key.begin(), '/');
    File file{content.str(), MimeType(key), "", key.starts_with("/assets/")};
    file.etag = Fnv1aHex(file.content);
    files_.emplace(std::move(key), std::move(file));
  }
}

Response StaticFiles::Send(const File& file, const Request& request) const {
  Response r;
  r.content_type = file.mime;
  r.headers.emplace_back("ETag", file.etag);
  r.headers.emplace_back("Cache-Control",
                         file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (request.header(beast_http::field::if_none_match) == file.etag) {
    r.status = beast_http::status::not_modified;
    return r;
  }
  r.body = file.content;
  return r;
}

Response StaticFiles::Serve(const Request& request) const {
  std::string path(request.path());
  if (auto it = files_.find(path); it != files_.end() && path != "/index.html") {
    return Send(it->second, request);
  }
  if (path.starts_with("/assets/")) {
    throw Error(ErrorCode::kNotFound, "Không tìm thấy tệp được yêu cầu.");
  }
  auto index = files_.find("/index.html");
  if (index == files_.end()) {
    throw Error(ErrorCode::kUnavailable,
                "Giao diện web chưa được xây dựng. Hãy chạy `make build` rồi khởi động lại.");
  }
  Response r = Send(index->second, request);
  r.headers.emplace_back("X-Frame-Options", "DENY");
  return r;
}

}  // namespace egov::http
