#include "http/rate_limiter.hpp"

#include <gtest/gtest.h>

#include "core/testing/fake_clock.hpp"

namespace egov::http {
namespace {

using core::testing::FakeClock;

TEST(RateLimiter, ABurstOfPerMinuteThenOneTokenPerInterval) {
  FakeClock clock(1'771'988'400'000);
  RateLimiter limiter(6, clock);  // one token every 10 s
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(limiter.Allow("10.0.0.1")) << i;
  unsigned retry = 0;
  EXPECT_FALSE(limiter.Allow("10.0.0.1", &retry));
  EXPECT_EQ(retry, 10u);
  EXPECT_TRUE(limiter.Allow("10.0.0.2")) << "another key has its own bucket";
  clock.Advance(9'000);
  EXPECT_FALSE(limiter.Allow("10.0.0.1", &retry));
  EXPECT_EQ(retry, 1u);
  clock.Advance(1'000);
  EXPECT_TRUE(limiter.Allow("10.0.0.1"));
  EXPECT_FALSE(limiter.Allow("10.0.0.1"));
  // A full minute refills the bucket, never beyond its capacity.
  clock.Advance(10 * 60'000);
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(limiter.Allow("10.0.0.1")) << i;
  EXPECT_FALSE(limiter.Allow("10.0.0.1"));
}

TEST(RateLimiter, SettingTheWallClockBackDoesNotRefillOrDrain) {
  FakeClock clock(1'771'988'400'000);
  RateLimiter limiter(1, clock);
  EXPECT_TRUE(limiter.Allow("a"));
  clock.Set(1'771'988'400'000 - 3'600'000);  // an hour back: the monotonic scale stands still
  unsigned retry = 0;
  EXPECT_FALSE(limiter.Allow("a", &retry));
  EXPECT_EQ(retry, 60u);
  clock.Set(1'771'988'400'000 - 3'600'000 + 60'000);
  EXPECT_TRUE(limiter.Allow("a"));
}

TEST(RateLimiter, ZeroPerMinuteAllowsEverything) {
  FakeClock clock;
  RateLimiter limiter(0, clock);
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.Allow("a"));
}

}  // namespace
}  // namespace egov::http
