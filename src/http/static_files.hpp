// The built web app (web/dist) served from memory: files are read once at start-up, with
// their MIME type and an ETag. Hashed files under /assets/ are cached for a year; every other
// file, and index.html for deep links (the SPA fallback), must be revalidated. Requests can
// only reach files that were loaded, so no path can escape the folder.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>

#include "http/request.hpp"
#include "http/response.hpp"

namespace egov::http {

class StaticFiles {
 public:
  // Loads every regular file below `root`. A missing folder gives an empty set (the API
  // still works; pages answer 503 with an explanation).
  explicit StaticFiles(const std::filesystem::path& root);

  Response Serve(const Request& request) const;
  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string mime;
    std::string etag;
    bool immutable;
  };
  Response Send(const File& file, const Request& request) const;
  std::unordered_map<std::string, File> files_;  // key: "/assets/x.js"
};

// The MIME type for a file name by its extension; application/octet-stream when unknown.
std::string MimeType(std::string_view filename);

}  // namespace egov::http
