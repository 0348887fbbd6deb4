#include "core/calendar/date.hpp"

#include <gtest/gtest.h>

namespace egov::core::calendar {
namespace {

// 2026-02-25T10:00:00+07:00 is 2026-02-25T03:00:00Z.
constexpr std::int64_t kMorning = 1'771'988'400'000;

TEST(FormatInstant, WritesVietnamTimeWithItsOffset) {
  EXPECT_EQ(FormatVietnamInstant(kMorning), "2026-02-25T10:00:00+07:00");
  EXPECT_EQ(FormatVietnamInstant(kMorning + 59'999),
            "2026-02-25T10:00:59+07:00");  // milliseconds dropped
  EXPECT_EQ(FormatVietnamInstant(kMorning + (13 * 3600 + 59 * 60 + 7) * 1000LL),
            "2026-02-25T23:59:07+07:00");
  // 17:00Z is already the next day in Vietnam.
  EXPECT_EQ(FormatVietnamInstant(kMorning + 14 * 3600 * 1000LL), "2026-02-26T00:00:00+07:00");
  EXPECT_EQ(FormatVietnamInstant(0), "1970-01-01T07:00:00+07:00");
  EXPECT_EQ(FormatVietnamInstant(4'102'444'800'000), "2100-01-01T07:00:00+07:00");
  EXPECT_EQ(FormatVietnamInstant(-1'000), "1970-01-01T06:59:59+07:00");
}

}  // namespace
}  // namespace egov::core::calendar
