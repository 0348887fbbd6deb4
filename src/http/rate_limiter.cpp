// Token-bucket rate limiting (see rate_limiter.hpp).
#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace egov::http {

bool RateLimiter::Allow(const std::string& key, unsigned* retry_after_seconds) {
  if (per_minute_ == 0) return true;
  const std::int64_t now = clock_.MonotonicMillis();
  Shard& shard = shards_[std::hash<std::string>{}(key) % kShards];
  std::lock_guard lock(shard.mutex);
  const double capacity = per_minute_;
  // Tokens regained in `millis` milliseconds.
  const auto refill = [capacity](std::int64_t millis) {
    return static_cast<double>(millis) * capacity / 60'000.0;
  };
  if (shard.buckets.size() >= kMaxKeysPerShard) {
    // Forget buckets that have refilled completely: they carry no information.
    std::erase_if(shard.buckets, [&](const auto& item) {
      return item.second.tokens + refill(now - item.second.updated) >= capacity;
    });
  }
  auto [it, inserted] = shard.buckets.try_emplace(key, Bucket{capacity, now});
  Bucket& b = it->second;
  b.tokens = std::min(capacity, b.tokens + refill(std::max<std::int64_t>(0, now - b.updated)));
  b.updated = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after_seconds) {
    // Whole milliseconds first (less a rounding error), then whole seconds, both rounded up.
    const auto wait_ms =
        static_cast<std::int64_t>(std::ceil((1.0 - b.tokens) * 60'000.0 / capacity - 1e-6));
    *retry_after_seconds = static_cast<unsigned>((wait_ms + 999) / 1000);
  }
  return false;
}

}  // namespace egov::http
