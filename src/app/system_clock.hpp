// The real clock, for production wiring (tests inject their own core::Clock).
#pragma once

#include <chrono>

#include "core/clock.hpp"

namespace egov::app {

class SystemClock final : public core::Clock {
 public:
  std::int64_t NowMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  std::int64_t MonotonicMillis() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace egov::app
