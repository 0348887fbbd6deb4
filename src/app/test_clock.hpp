// The test clock of `egov serve --test-clock-file PATH` (README, docs/architecture.md): API
// and browser tests start the real server at a chosen instant and move its time by
// rewriting a file. Never used in production: Validate() refuses it unless the server
// listens on a loopback address only, and the server warns loudly at start. The production
// clock (SystemClock) knows nothing of it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <mutex>
#include <string>

#include "core/clock.hpp"

namespace egov::app {

// The file holds one ISO 8601 instant ("2026-02-13T16:59:00+07:00", "…Z"; surrounding
// whitespace ignored). NowMillis() answers that instant plus the real time elapsed since the
// file was last modified; the file is looked at (stat) on every call and read again when its
// inode, size or modification time changed, so a test moves time by writing a new file and
// renaming it over PATH. A file that cannot be read or parsed later keeps the previous time
// (a writer caught half-way) until it can.
//
// MonotonicMillis() is the real monotonic clock plus every forward step of the file's time:
// moving the time forward expires timed caches and refills rate limits as if that time had
// passed; moving it back leaves them alone.
//
// Thread-safe (one mutex around the file state).
class TestClock final : public core::Clock {
 public:
  // Reads PATH once; throws std::runtime_error (Vietnamese) when it is missing or invalid.
  explicit TestClock(std::string path);

  std::int64_t NowMillis() const override;
  std::int64_t MonotonicMillis() const override;

  const std::string& path() const { return path_; }

 private:
  struct Stamp {
    ino_t inode = 0;
    off_t size = -1;
    std::int64_t modified_ns = 0;
    friend bool operator==(const Stamp&, const Stamp&) = default;
  };
  // Under mutex_: re-reads the file when its stamp changed. False only when the first read
  // fails (the constructor's).
  bool RefreshLocked() const;
  // Under mutex_: the answer of NowMillis() for the current base.
  std::int64_t NowLocked() const;

  std::string path_;
  mutable std::mutex mutex_;  // guards everything below
  mutable Stamp stamp_;
  mutable bool loaded_ = false;
  mutable std::int64_t instant_ = 0;      // the file's instant, UTC epoch ms
  mutable std::int64_t modified_ms_ = 0;  // the file's modification time, UTC epoch ms
  mutable std::int64_t monotonic_offset_ = 0;
  mutable std::string last_problem_;  // logged once per distinct problem
};

}  // namespace egov::app
