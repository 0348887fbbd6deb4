// The outbox (see job_queue.hpp).
#include "service/jobs/job_queue.hpp"

#include "store/jobs/jobs.hpp"

namespace egov::service::jobs {

std::int64_t JobQueue::Enqueue(store::WriteTransaction& tx, std::string_view kind,
                               std::string payload) const {
  const auto now = clock_.NowMillis();
  return store::jobs::Enqueue(tx, {std::string(kind), std::move(payload), now}, now);
}

std::int64_t JobQueue::EnqueueAt(store::WriteTransaction& tx, std::string_view kind,
                                 std::string payload, std::int64_t run_at) const {
  return store::jobs::Enqueue(tx, {std::string(kind), std::move(payload), run_at},
                              clock_.NowMillis());
}

}  // namespace egov::service::jobs
