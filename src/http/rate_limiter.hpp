// Per-key token buckets (key: a client address, an account name …): at most `per_minute`
// requests per minute with bursts up to the same number. In process memory by design: a
// limit per process is enough to stop abuse, and N processes give at most N times the rate.
// Thread-safe (sharded mutexes). per_minute == 0 disables the limiter.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace egov::http {

class RateLimiter {
 public:
  // Buckets refill on `clock`'s monotonic scale (MonotonicMillis), so a test moves time
  // instead of sleeping. `clock` must outlive the limiter.
  RateLimiter(unsigned per_minute, const core::Clock& clock)
      : per_minute_(per_minute), clock_(clock) {}

  // Takes one token for `key`; false when the bucket is empty. `retry_after_seconds` is set
  // to the wait until the next token (whole seconds, rounded up).
  bool Allow(const std::string& key, unsigned* retry_after_seconds = nullptr);
  unsigned per_minute() const { return per_minute_; }

 private:
  struct Bucket {
    double tokens;
    std::int64_t updated;  // clock_.MonotonicMillis() of the last refill
  };
  struct Shard {
    std::mutex mutex;  // guards buckets
    std::unordered_map<std::string, Bucket> buckets;
  };
  static constexpr size_t kShards = 16;
  static constexpr size_t kMaxKeysPerShard = 100000;  // bounded memory under address churn

  unsigned per_minute_;
  const core::Clock& clock_;
  std::array<Shard, kShards> shards_;
};

}  // namespace egov::http
