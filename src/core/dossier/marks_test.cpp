// The work queues' marks, at chosen instants of the 2026 calendar with the default hours
// (07:30–11:30, 13:00–17:00).
#include "core/dossier/marks.hpp"

#include <gtest/gtest.h>

#include "core/calendar/date.hpp"
#include "core/testing/calendar_2026.hpp"

namespace egov::core::dossier {
namespace {

std::int64_t At(const char* local) {
  return calendar::ToUtcMillis(calendar::ParseLocalDateTime(local));
}

TEST(QueueMarks, OverdueFromTheMinuteAfterTheDueMinute) {
  const auto& c = testing::Calendar2026();
  const auto due = At("2026-03-02T13:30");
  EXPECT_EQ(MarkOf(Status::kProcessing, due, At("2026-03-02T13:30") + 59'000, c), Mark::kDueSoon);
  EXPECT_EQ(MarkOf(Status::kProcessing, due, At("2026-03-02T13:31"), c), Mark::kOverdue);
  EXPECT_EQ(MarkOf(Status::kResultReady, due, At("2026-03-03T08:00"), c), Mark::kOverdue);
  // Paused: never overdue; finished dossiers carry no mark.
  EXPECT_EQ(MarkOf(Status::kSupplementRequested, due, At("2026-03-09T08:00"), c), Mark::kPaused);
  EXPECT_EQ(MarkOf(Status::kReturned, due, At("2026-03-09T08:00"), c), Mark::kNone);
  EXPECT_EQ(MarkOf(Status::kProcessing, std::nullopt, At("2026-03-09T08:00"), c), Mark::kNone);
}

TEST(QueueMarks, DueSoonWithinEightWorkingHours) {
  const auto& c = testing::Calendar2026();
  // Friday 6/3 16:00: 1 hour on Friday, 7 on Monday 9/3 (4 in the morning, 3 from 13:00) →
  // 16:00.
  EXPECT_EQ(DueSoonUntil(At("2026-03-06T16:00"), c), At("2026-03-09T16:00"));
  EXPECT_EQ(MarkOf(Status::kProcessing, At("2026-03-09T16:00"), At("2026-03-06T16:00"), c),
            Mark::kDueSoon);
  EXPECT_EQ(MarkOf(Status::kProcessing, At("2026-03-09T16:01"), At("2026-03-06T16:00"), c),
            Mark::kNone);
  // Before the working day: the window opens at 07:30 and closes at 17:00.
  EXPECT_EQ(DueSoonUntil(At("2026-03-02T06:00"), c), At("2026-03-02T17:00"));
}

TEST(QueueMarks, NamesRoundTrip) {
  for (Mark m : {Mark::kOverdue, Mark::kDueSoon, Mark::kPaused}) EXPECT_EQ(ParseMark(Name(m)), m);
  EXPECT_FALSE(ParseMark(""));
  EXPECT_FALSE(ParseMark("Overdue"));
}

}  // namespace
}  // namespace egov::core::dossier
