// Per-key token buckets (key: a client address, an account name …): at most `per_minute`
// requests per minute with bursts up to the same number. In process memory by design: a
// limit per process is enough to stop abuse, and N processes give at most N times the rate.
// Thread-safe (sharded mutexes). per_minute == 0 disables the limiter.
#pragma once

#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace egov::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimiter(unsigned per_minute) : per_minute_(per_minute) {}

  // Takes one token for `key`; false when the bucket is empty. `retry_after_seconds` is set
  // to the wait until the next token.
  bool Allow(const std::string& key, unsigned* retry_after_seconds = nullptr,
             Clock::time_point now = Clock::now());
  unsigned per_minute() const { return per_minute_; }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  struct Shard {
    std::mutex mutex;  // guards buckets
    std::unordered_map<std::string, Bucket> buckets;
  };
  static constexpr size_t kShards = 16;
  static constexpr size_t kMaxKeysPerShard = 100000;  // bounded memory under address churn

  unsigned per_minute_;
  std::array<Shard, kShards> shards_;
};

}  // namespace egov::http
