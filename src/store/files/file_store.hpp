// Content-addressed storage of uploaded files on the local disk: a file is stored once,
// under its SHA-256 (root/ab/cd/abcd…), written to a temporary name, synced and renamed,
// so a crash never leaves a partial file under a real name. Thread-safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace egov::store {

class FileStore {
 public:
  // Touches no disk: `root` and the folders under it are created by the first Put, so a
  // command that stores no file leaves none behind.
  explicit FileStore(std::filesystem::path root);

  // Stores `bytes` under `sha256` (lower-case hex, computed by the caller) unless present.
  void Put(const std::string& sha256, std::string_view bytes);
  std::optional<std::string> Get(const std::string& sha256) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path PathOf(const std::string& sha256) const;
  std::filesystem::path root_;
};

// The MIME type of `bytes` as libmagic reads their content ("application/pdf", "image/png"…).
std::string SniffMimeType(std::string_view bytes);

}  // namespace egov::store
