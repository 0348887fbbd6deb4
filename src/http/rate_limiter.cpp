// Token-bucket rate limiting (see rate_limiter.hpp).
#include "http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace egov::http {

bool RateLimiter::Allow(const std::string& key, unsigned* retry_after_seconds,
                        Clock::time_point now) {
  if (per_minute_ == 0) return true;
  Shard& shard = shards_[std::hash<std::string>{}(key) % kShards];
  std::lock_guard lock(shard.mutex);
  const double capacity = per_minute_;
  const double per_second = capacity / 60.0;
  if (shard.buckets.size() >= kMaxKeysPerShard) {
    // Forget buckets that have refilled completely: they carry no information.
    std::erase_if(shard.buckets, [&](const auto& item) {
      double elapsed = std::chrono::duration<double>(now - item.second.updated).count();
      return item.second.tokens + elapsed * per_second >= capacity;
    });
  }
  auto [it, inserted] = shard.buckets.try_emplace(key, Bucket{capacity, now});
  Bucket& b = it->second;
  double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(capacity, b.tokens + std::max(0.0, elapsed) * per_second);
  b.updated = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after_seconds) {
    *retry_after_seconds = static_cast<unsigned>(std::ceil((1.0 - b.tokens) / per_second));
  }
  return false;
}

}  // namespace egov::http
