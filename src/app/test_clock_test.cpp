#include "app/test_clock.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/calendar/date.hpp"

namespace egov::app {
namespace {

using core::calendar::ParseIsoInstant;

class TestClockTest : public ::testing::Test {
 protected:
  static std::string MakeDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "egov-clock-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // As EgovServer::SetTime does: a new file renamed over the old one.
  void Write(const std::string& text) {
    { std::ofstream(path_ + ".next") << text; }
    std::filesystem::rename(path_ + ".next", path_);
  }

  std::string dir_ = MakeDir();
  std::string path_ = dir_ + "/clock";
};

// The clock runs on in real time from the instant written; a test takes well under a minute.
constexpr std::int64_t kSlack = 60'000;

TEST_F(TestClockTest, AnswersTheFileInstantPlusTheTimeElapsedSinceItWasWritten) {
  Write("2026-02-13T16:59:00+07:00\n");
  TestClock clock(path_);
  const std::int64_t start = ParseIsoInstant("2026-02-13T16:59:00+07:00");
  const std::int64_t now = clock.NowMillis();
  EXPECT_GE(now, start);
  EXPECT_LT(now, start + kSlack);
  EXPECT_GE(clock.NowMillis(), now);  // runs on, never back, while the file stays
}

TEST_F(TestClockTest, RewritingTheFileMovesTimeAndTheMonotonicScaleOnlyForward) {
  Write("2026-02-13T16:59:00+07:00");
  TestClock clock(path_);
  const std::int64_t monotonic = clock.MonotonicMillis();

  Write("  2026-02-23T07:30:00Z  ");  // surrounding whitespace is ignored
  const std::int64_t later = ParseIsoInstant("2026-02-23T07:30:00Z");
  EXPECT_GE(clock.NowMillis(), later);
  EXPECT_LT(clock.NowMillis(), later + kSlack);
  // Forward by about 9 days 21.5 hours: timed caches see that much time pass.
  const std::int64_t step = later - ParseIsoInstant("2026-02-13T16:59:00+07:00");
  EXPECT_GE(clock.MonotonicMillis() - monotonic, step - kSlack);
  EXPECT_LT(clock.MonotonicMillis() - monotonic, step + kSlack);

  // Back by a year: the wall clock follows, the monotonic scale does not jump back.
  const std::int64_t before_back = clock.MonotonicMillis();
  Write("2025-02-23T07:30:00Z");
  EXPECT_LT(clock.NowMillis(), ParseIsoInstant("2025-02-23T07:30:00Z") + kSlack);
  EXPECT_GE(clock.MonotonicMillis(), before_back);
  EXPECT_LT(clock.MonotonicMillis(), before_back + kSlack);
}

TEST_F(TestClockTest, ABadOrMissingFileLaterKeepsThePreviousTime) {
  Write("2026-03-16T23:59:00+07:00");
  TestClock clock(path_);
  const std::int64_t start = ParseIsoInstant("2026-03-16T23:59:00+07:00");
  Write("2026-03-17");  // not an instant
  EXPECT_GE(clock.NowMillis(), start);
  EXPECT_LT(clock.NowMillis(), start + kSlack);
  std::filesystem::remove(path_);
  EXPECT_LT(clock.NowMillis(), start + kSlack);
  Write("2026-03-17T00:00:00+07:00");  // good again: followed at once
  EXPECT_GE(clock.NowMillis(), ParseIsoInstant("2026-03-17T00:00:00+07:00"));
}

TEST_F(TestClockTest, StartingWithoutAValidFileIsRefused) {
  EXPECT_THROW(TestClock{path_}, std::runtime_error);  // missing
  Write("13/2/2026 16:59");
  try {
    TestClock clock(path_);
    FAIL() << "accepted an invalid instant";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("Thời điểm không hợp lệ"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace egov::app
