// Job states and the retry policy (see job.hpp).
#include "core/jobs/job.hpp"

#include <array>

#include "core/names.hpp"

namespace egov::core::jobs {

namespace {

constexpr NameOf<State> kStateNames[] = {
    {State::kQueued, "queued"},
    {State::kRunning, "running"},
    {State::kDone, "done"},
    {State::kFailed, "failed"},
};

constexpr std::array<State, 4> kAllStates = {State::kQueued, State::kRunning, State::kDone,
                                             State::kFailed};

}  // namespace

std::string_view Name(State state) { return NameIn<State>(kStateNames, state); }
std::optional<State> ParseState(std::string_view name) { return ParseIn<State>(kStateNames, name); }
std::span<const State> AllStates() { return kAllStates; }

bool IsKind(std::string_view kind) {
  if (kind.empty() || kind.size() > kMaxKindBytes) return false;
  if (kind.front() < 'a' || kind.front() > 'z') return false;
  for (char c : kind) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string CutUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) to the start of the cut sequence.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

std::int64_t BaseDelayMillis(int failed_attempt) {
  if (failed_attempt < 1) failed_attempt = 1;
  std::int64_t delay = kFirstRetryMillis;
  for (int i = 1; i < failed_attempt && delay < kMaxRetryMillis; ++i) delay *= 2;
  return delay < kMaxRetryMillis ? delay : kMaxRetryMillis;
}

std::int64_t JitterMillis(std::int64_t job_id, int failed_attempt) {
  // A fixed mix of the id and the attempt (SplitMix64's finaliser): spread, reproducible.
  std::uint64_t x = static_cast<std::uint64_t>(job_id) * 0x9E3779B97F4A7C15ull +
                    static_cast<std::uint64_t>(failed_attempt);
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  x ^= x >> 31;
  const auto span = static_cast<std::uint64_t>(BaseDelayMillis(failed_attempt) / 10);
  return static_cast<std::int64_t>(x % (span + 1));
}

std::int64_t RetryDelayMillis(std::int64_t job_id, int failed_attempt) {
  return BaseDelayMillis(failed_attempt) + JitterMillis(job_id, failed_attempt);
}

AfterFailure NextAfterFailure(std::int64_t job_id, int attempts, int max_attempts,
                              std::int64_t now) {
  if (attempts >= max_attempts) return {State::kFailed, std::nullopt};
  return {State::kQueued, now + RetryDelayMillis(job_id, attempts)};
}

}  // namespace egov::core::jobs
