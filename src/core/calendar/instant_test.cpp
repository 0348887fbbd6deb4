#include "core/calendar/date.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

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

TEST(ParseIsoInstant, ReadsVietnamTimeUtcAndOtherOffsets) {
  EXPECT_EQ(ParseIsoInstant("2026-02-25T10:00:00+07:00"), kMorning);
  EXPECT_EQ(ParseIsoInstant("2026-02-25T03:00:00Z"), kMorning);
  EXPECT_EQ(ParseIsoInstant("2026-02-24T22:00:00-05:00"), kMorning);
  EXPECT_EQ(ParseIsoInstant("2026-02-25T10:00:59+07:00"), kMorning + 59'000);
  EXPECT_EQ(ParseIsoInstant("2026-02-25T10:00:00.5+07:00"), kMorning + 500);
  EXPECT_EQ(ParseIsoInstant("2026-02-25T03:00:00.123Z"), kMorning + 123);
  // Midnight in Vietnam is 17:00 UTC of the day before.
  EXPECT_EQ(ParseIsoInstant("2026-02-26T00:00:00+07:00"), ParseIsoInstant("2026-02-25T17:00:00Z"));
  // Round trip with the format the API writes.
  EXPECT_EQ(FormatVietnamInstant(ParseIsoInstant("2026-02-13T16:59:00+07:00")),
            "2026-02-13T16:59:00+07:00");
}

TEST(ParseIsoInstant, RefusesEverythingElse) {
  for (const char* bad : {"",
                          "2026-02-25",
                          "2026-02-25T10:00",
                          "2026-02-25T10:00+07:00",
                          "2026-02-25T10:00:00",
                          "2026-02-25 10:00:00+07:00",
                          "2026-02-25T24:00:00Z",
                          "2026-02-25T10:60:00Z",
                          "2026-02-25T10:00:60Z",
                          "2026-02-30T10:00:00Z",
                          "2026-02-25T10:00:00+7:00",
                          "2026-02-25T10:00:00+0700",
                          "2026-02-25T10:00:00+15:00",
                          "2026-02-25T10:00:00.Z",
                          "2026-02-25T10:00:00.1234Z",
                          "2026-02-25T10:00:00z",
                          "2026-02-25T10:00:00Z ",
                          " 2026-02-25T10:00:00Z",
                          "+026-02-25T10:00:00Z",
                          "2026-02-25T1 :00:00Z"}) {
    EXPECT_THROW(ParseIsoInstant(bad), Error) << bad;
  }
}

}  // namespace
}  // namespace egov::core::calendar
