// Files compiled into the binary by egov_embed() (cmake/EgovLayer.cmake): SQL migrations,
// shipped data of data/, the OpenAPI document. Read-only, static storage duration.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace egov::embedded {

struct EmbeddedFile {
  std::string_view path;  // relative to the source root, e.g. "data/calendar/2026.json"
  std::string_view bytes;
};

// Declares a set made by egov_embed(TARGET NAME …) and returns it as a span.
#define EGOV_EMBEDDED_SET(NAME)                                                        \
  namespace egov::embedded {                                                           \
  extern const EmbeddedFile NAME[];                                                    \
  extern const std::size_t NAME##_count;                                               \
  inline std::span<const EmbeddedFile> NAME##_files() { return {NAME, NAME##_count}; } \
  }

}  // namespace egov::embedded
