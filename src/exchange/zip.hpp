// One file in a zip archive, in memory (libzip): how an edXML attachment is carried before
// base64 (DOMAIN.md §4). Thread-safe (no shared state).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace egov::exchange {

// A zip archive holding `bytes` as one file named `name` (deflated, UTF-8 name, a fixed
// modification time so the same input gives the same archive). Throws std::runtime_error
// only if libzip fails (out of memory).
std::string ZipOne(std::string_view name, std::string_view bytes);

struct UnzippedFile {
  std::string name;
  std::string bytes;
};

// The single file of `archive`, at most `max_bytes` once unpacked; else a Vietnamese reason
// (not a zip, damaged, CRC mismatch, no file or several files, too large, encrypted).
std::variant<UnzippedFile, std::string> UnzipOne(std::string_view archive, std::size_t max_bytes);

}  // namespace egov::exchange
