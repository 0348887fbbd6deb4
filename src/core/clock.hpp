// The time source of Egov, behind an interface so tests can move time (across Tết, past a
// deadline). Instants are UTC epoch milliseconds; business time is Vietnam time (UTC+7).
#pragma once

#include <cstdint>

namespace egov::core {

class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since 1970-01-01T00:00:00Z. Thread-safe.
  virtual std::int64_t NowMillis() const = 0;
  // Milliseconds on a monotonic scale with an arbitrary origin: never goes backwards, not
  // moved by changes of the wall clock. For timed caches and rate limits (intervals, never
  // instants to store or show). Thread-safe.
  virtual std::int64_t MonotonicMillis() const = 0;
};

}  // namespace egov::core
