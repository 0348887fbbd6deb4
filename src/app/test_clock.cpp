// The file-driven test clock (see test_clock.hpp).
#include "app/test_clock.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/calendar/date.hpp"
#include "core/error.hpp"

namespace egov::app {

namespace {

std::int64_t RealNowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t SteadyMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string Trim(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

TestClock::TestClock(std::string path) : path_(std::move(path)) {
  std::lock_guard lock(mutex_);
  if (!RefreshLocked()) {
    throw std::runtime_error("--test-clock-file " + path_ + ": " + last_problem_);
  }
}

bool TestClock::RefreshLocked() const {
  struct stat st {};
  const auto problem = [this](const std::string& message) {
    if (loaded_ && message != last_problem_) {
      spdlog::warn("test clock: {}: {} (keeping the previous time)", path_, message);
    }
    last_problem_ = message;
    return loaded_;
  };
  if (::stat(path_.c_str(), &st) != 0) return problem("không đọc được tệp");
  const Stamp stamp{
      st.st_ino, st.st_size,
      static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
  if (loaded_ && stamp == stamp_) return true;
  std::ifstream in(path_);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return problem("không đọc được tệp");
  std::int64_t instant = 0;
  try {
    instant = core::calendar::ParseIsoInstant(Trim(text.str()));
  } catch (const Error& e) {
    return problem(e.message());
  }
  const std::int64_t modified_ms = stamp.modified_ns / 1'000'000;
  if (loaded_) {
    // The monotonic scale follows forward steps of the test time, never backward ones.
    const std::int64_t before = NowLocked();
    const std::int64_t after = instant + std::max<std::int64_t>(0, RealNowMillis() - modified_ms);
    if (after > before) monotonic_offset_ += after - before;
    spdlog::warn("test clock: time set to {} by {}", core::calendar::FormatVietnamInstant(instant),
                 path_);
  }
  stamp_ = stamp;
  instant_ = instant;
  modified_ms_ = modified_ms;
  loaded_ = true;
  last_problem_.clear();
  return true;
}

std::int64_t TestClock::NowLocked() const {
  return instant_ + std::max<std::int64_t>(0, RealNowMillis() - modified_ms_);
}

std::int64_t TestClock::NowMillis() const {
  std::lock_guard lock(mutex_);
  RefreshLocked();
  return NowLocked();
}

std::int64_t TestClock::MonotonicMillis() const {
  std::lock_guard lock(mutex_);
  RefreshLocked();
  return SteadyMillis() + monotonic_offset_;
}

}  // namespace egov::app
