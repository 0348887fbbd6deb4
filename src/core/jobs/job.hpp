// Durable background jobs (docs/jobs.md): a job's state with its name table, the record as
// the store returns it, the retry policy (attempt → delay, exponential with a cap) and the
// computation of what follows a failed attempt. Pure: no clock, no I/O; instants are UTC
// epoch milliseconds handed in by the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace egov::core::jobs {

// queued → running → done, or back to queued for a retry, or failed after the last attempt;
// an administrator's retry puts a failed job back to queued. A running job whose lease has
// expired (its process died) is claimed again as it stands.
enum class State { kQueued, kRunning, kDone, kFailed };

// "queued", "running", "done", "failed": the names of the API and of the `state` column.
std::string_view Name(State state);
// The state of an exact name; nullopt for any other text.
std::optional<State> ParseState(std::string_view name);
std::span<const State> AllStates();

// Limits on what a job carries (checked by the store's Enqueue and progress report).
constexpr std::size_t kMaxKindBytes = 64;            // [a-z0-9_], starting with a letter
constexpr std::size_t kMaxPayloadBytes = 64 * 1024;  // JSON text
constexpr std::size_t kMaxErrorBytes = 2000;         // last_error, cut at a UTF-8 boundary
constexpr std::size_t kMaxNoteBytes = 500;           // progress note, idem
constexpr int kDefaultMaxAttempts = 10;

// True when `kind` is 1–64 of a-z 0-9 _, starting with a letter ("citizen_notice").
bool IsKind(std::string_view kind);

// `text` cut to at most `max_bytes` bytes without splitting a UTF-8 sequence.
std::string CutUtf8(std::string_view text, std::size_t max_bytes);

struct Job {
  std::int64_t id = 0;
  std::string kind;
  std::string payload;  // JSON text, as enqueued
  State state = State::kQueued;
  std::int64_t run_at = 0;  // queued: not claimed before; otherwise when it last became due
  int attempts = 0;         // attempts started (a claim counts one)
  int max_attempts = kDefaultMaxAttempts;
  std::optional<std::string> last_error;    // the last failed attempt's message
  std::optional<std::int64_t> lease_until;  // running: another process may take it from then
  std::optional<std::string> claimed_by;    // running: the claiming process ("host:pid")
  int progress = 0;                         // 0–100
  std::optional<std::string> progress_note;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> finished_at;  // done or failed
};

// The retry policy: the delay before attempt n + 1 after attempt n (n ≥ 1) failed:
// 30 s × 2^(n−1), at most one hour (30 s, 1 min, 2 min … 32 min, then 1 h), plus a jitter
// of 0 to 10 % of that delay that depends only on the job's id and n — so retries of many
// jobs that failed together (the mail server down) spread out, and a test knows the exact
// value. The first retry thus comes within 33 s.
constexpr std::int64_t kFirstRetryMillis = 30'000;
constexpr std::int64_t kMaxRetryMillis = 3'600'000;
std::int64_t BaseDelayMillis(int failed_attempt);
std::int64_t JitterMillis(std::int64_t job_id, int failed_attempt);
std::int64_t RetryDelayMillis(std::int64_t job_id, int failed_attempt);

// What follows a failed attempt (attempts already counts it): queued again at `run_at`, or
// failed for good (run_at nullopt) when it was the last allowed.
struct AfterFailure {
  State state = State::kQueued;
  std::optional<std::int64_t> run_at;
};
AfterFailure NextAfterFailure(std::int64_t job_id, int attempts, int max_attempts,
                              std::int64_t now);

}  // namespace egov::core::jobs
