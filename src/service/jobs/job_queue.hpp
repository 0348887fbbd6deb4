// The outbox through which other services enqueue background jobs (docs/jobs.md): a job is
// written in the caller's write transaction, so it exists if and only if the change that
// causes it commits. Thread-safe (no state besides the clock).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace egov::service::jobs {

class JobQueue {
 public:
  explicit JobQueue(const core::Clock& clock) : clock_(clock) {}

  // A job of `kind` (core::jobs::IsKind) with `payload` (JSON text), due now; its id.
  std::int64_t Enqueue(store::WriteTransaction& tx, std::string_view kind,
                       std::string payload) const;
  // The same, due at `run_at` (UTC ms).
  std::int64_t EnqueueAt(store::WriteTransaction& tx, std::string_view kind, std::string payload,
                         std::int64_t run_at) const;

 private:
  const core::Clock& clock_;
};

}  // namespace egov::service::jobs
