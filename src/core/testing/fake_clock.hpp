// A clock for tests: starts at a chosen instant and moves only when the test says so
// (Set, Advance). Header-only; nothing in the shipped program uses it.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/clock.hpp"

namespace egov::core::testing {

// Thread-safe: any thread may read or move it at any time. The monotonic scale moves with
// every step forward of the wall clock and stands still when the wall clock is set back, as
// the test clock of `egov serve --test-clock-file` does.
class FakeClock final : public Clock {
 public:
  // `now_millis`: UTC epoch milliseconds (e.g. from calendar::ParseIsoInstant).
  explicit FakeClock(std::int64_t now_millis = 0) : now_(now_millis) {}

  std::int64_t NowMillis() const override { return now_.load(); }
  std::int64_t MonotonicMillis() const override { return monotonic_.load(); }

  // Moves the wall clock to `now_millis`; the monotonic scale advances by the step when it
  // is forward.
  void Set(std::int64_t now_millis) {
    const std::int64_t before = now_.exchange(now_millis);
    if (now_millis > before) monotonic_.fetch_add(now_millis - before);
  }
  // Moves both scales forward by `millis` (≥ 0).
  void Advance(std::int64_t millis) {
    if (millis <= 0) return;
    now_.fetch_add(millis);
    monotonic_.fetch_add(millis);
  }

 private:
  std::atomic<std::int64_t> now_;
  std::atomic<std::int64_t> monotonic_{0};
};

}  // namespace egov::core::testing
