#include "core/jobs/job.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/dossier/citizen_notice.hpp"

namespace egov::core::jobs {
namespace {

TEST(JobStates, RoundTripUnderTheirNames) {
  ASSERT_EQ(AllStates().size(), 4u);
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < AllStates().size(); ++i) {
    EXPECT_EQ(AllStates()[i], static_cast<State>(i));
    EXPECT_EQ(ParseState(Name(AllStates()[i])), AllStates()[i]);
    EXPECT_TRUE(names.insert(Name(AllStates()[i])).second);
  }
  EXPECT_EQ(Name(State::kQueued), "queued");
  EXPECT_EQ(Name(State::kRunning), "running");
  EXPECT_EQ(Name(State::kDone), "done");
  EXPECT_EQ(Name(State::kFailed), "failed");
  EXPECT_EQ(ParseState("Queued"), std::nullopt);
  EXPECT_EQ(ParseState(""), std::nullopt);
  EXPECT_EQ(ParseState("queued "), std::nullopt);
}

TEST(JobKinds, AreLowerCaseWordsOfAtMost64Bytes) {
  EXPECT_TRUE(IsKind("citizen_notice"));
  EXPECT_TRUE(IsKind("a"));
  EXPECT_TRUE(IsKind("ocr2"));
  EXPECT_TRUE(IsKind(std::string(64, 'a')));
  EXPECT_FALSE(IsKind(std::string(65, 'a')));
  EXPECT_FALSE(IsKind(""));
  EXPECT_FALSE(IsKind("2ocr"));
  EXPECT_FALSE(IsKind("_x"));
  EXPECT_FALSE(IsKind("Citizen"));
  EXPECT_FALSE(IsKind("citizen-notice"));
  EXPECT_FALSE(IsKind("citizen notice"));
  EXPECT_FALSE(IsKind("thông_báo"));
}

TEST(JobText, IsCutAtAUtf8Boundary) {
  EXPECT_EQ(CutUtf8("abc", 3), "abc");
  EXPECT_EQ(CutUtf8("abcd", 3), "abc");
  // "ệ" is 3 bytes (E1 BB 87): never split.
  EXPECT_EQ(CutUtf8("aệ", 3), "a");
  EXPECT_EQ(CutUtf8("aệ", 4), "aệ");
  EXPECT_EQ(CutUtf8("aệb", 2), "a");
  EXPECT_EQ(CutUtf8("ệ", 0), "");
}

TEST(RetryPolicy, DoublesFromThirtySecondsUpToAnHour) {
  const std::int64_t expected[] = {30'000,  60'000,    120'000,   240'000,   480'000,
                                   960'000, 1'920'000, 3'600'000, 3'600'000, 3'600'000};
  for (int n = 1; n <= 10; ++n) EXPECT_EQ(BaseDelayMillis(n), expected[n - 1]) << n;
  EXPECT_EQ(BaseDelayMillis(60), 3'600'000);
  EXPECT_EQ(BaseDelayMillis(1'000'000), 3'600'000);  // no overflow
  EXPECT_EQ(BaseDelayMillis(0), 30'000);             // a nonsense attempt is the first
}

TEST(RetryPolicy, JitterIsAtMostATenthAndFixedByIdAndAttempt) {
  std::set<std::int64_t> seen;
  for (std::int64_t id = 1; id <= 200; ++id) {
    for (int n = 1; n <= 12; ++n) {
      const auto j = JitterMillis(id, n);
      EXPECT_GE(j, 0);
      EXPECT_LE(j, BaseDelayMillis(n) / 10) << id << " " << n;
      EXPECT_EQ(j, JitterMillis(id, n));
      EXPECT_EQ(RetryDelayMillis(id, n), BaseDelayMillis(n) + j);
      if (n == 1) seen.insert(j);
    }
  }
  // Spread: 200 jobs failing together do not all come back at the same millisecond.
  EXPECT_GT(seen.size(), 150u);
  // The first retry comes within a minute whatever the job.
  for (std::int64_t id = 1; id <= 10'000; ++id) EXPECT_LE(RetryDelayMillis(id, 1), 33'000);
}

TEST(RetryPolicy, QueuesAgainUntilTheLastAttemptThenFails) {
  const std::int64_t now = 1'780'000'000'000;
  auto first = NextAfterFailure(7, 1, 3, now);
  EXPECT_EQ(first.state, State::kQueued);
  EXPECT_EQ(first.run_at, now + 30'000 + JitterMillis(7, 1));
  auto second = NextAfterFailure(7, 2, 3, now);
  EXPECT_EQ(second.state, State::kQueued);
  EXPECT_EQ(second.run_at, now + 60'000 + JitterMillis(7, 2));
  auto last = NextAfterFailure(7, 3, 3, now);
  EXPECT_EQ(last.state, State::kFailed);
  EXPECT_EQ(last.run_at, std::nullopt);
  EXPECT_EQ(NextAfterFailure(7, 4, 3, now).state, State::kFailed);
  EXPECT_EQ(NextAfterFailure(7, 1, 1, now).state, State::kFailed);
}

}  // namespace
}  // namespace egov::core::jobs

namespace egov::core::dossier {
namespace {

// The events' names are tested with their texts (core/notify/citizen_messages_test.cpp).
TEST(CitizenEvents, ComeFromTheirActions) {
  EXPECT_EQ(CitizenEventOf(Action::kIntake), CitizenEvent::kReceived);
  EXPECT_EQ(CitizenEventOf(Action::kAccept), CitizenEvent::kReceived);
  EXPECT_EQ(CitizenEventOf(Action::kRequestSupplement), CitizenEvent::kSupplementNeeded);
  EXPECT_EQ(CitizenEventOf(Action::kComplete), CitizenEvent::kResultReady);
  EXPECT_EQ(CitizenEventOf(Action::kReschedule), CitizenEvent::kDelayed);
  EXPECT_EQ(CitizenEventOf(Action::kRefuse), CitizenEvent::kRefused);
  int told = 0;
  for (auto a : AllActions()) told += CitizenEventOf(a).has_value();
  EXPECT_EQ(told, 6);  // no other action is told to the citizen
  EXPECT_EQ(CitizenEventOf(Action::kSubmit), std::nullopt);
  EXPECT_EQ(CitizenEventOf(Action::kForward), std::nullopt);
  EXPECT_EQ(CitizenEventOf(Action::kReturnResult), std::nullopt);
}

}  // namespace
}  // namespace egov::core::dossier
