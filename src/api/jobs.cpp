// /api/v1/jobs: the administrator's view of background jobs (docs/jobs.md) — the list by
// state and kind, one job, and the retry of a failed one. The rights are the service's
// (an administrator of the root agency).
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/json_view.hpp"
#include "api/routes.hpp"
#include "core/jobs/job.hpp"

namespace egov::api {

using boost::beast::http::verb;
using http::Request;

namespace {

struct JobView {
  std::int64_t id = 0;
  std::string kind;
  std::string_view state;
  int attempts = 0;
  int max_attempts = 0;
  Instant run_at;
  std::optional<std::string> last_error;
  int progress = 0;
  std::optional<std::string> progress_note;
  std::optional<std::string> claimed_by;
  std::optional<Instant> lease_until;
  Instant created_at;
  std::optional<Instant> finished_at;
};
BOOST_DESCRIBE_STRUCT(JobView, (),
                      (id, kind, state, attempts, max_attempts, run_at, last_error, progress,
                       progress_note, claimed_by, lease_until, created_at, finished_at))

JobView ViewOf(const core::jobs::Job& j) {
  return {j.id,
          j.kind,
          core::jobs::Name(j.state),
          j.attempts,
          j.max_attempts,
          Instant{j.run_at},
          j.last_error,
          j.progress,
          j.progress_note,
          j.claimed_by,
          InstantOf(j.lease_until),
          Instant{j.created_at},
          InstantOf(j.finished_at)};
}

}  // namespace

void RegisterJobRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/jobs", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto paging = ParsePaging(request);
               service::jobs::JobQuery q;
               q.page = paging.page;
               q.per_page = paging.per_page;
               q.kind = request.query("kind").value_or("");
               const auto state = request.query("state").value_or("");
               if (!state.empty()) {
                 q.state = core::jobs::ParseState(state);
                 if (!q.state) {
                   throw FieldError("state",
                                    "trạng thái phải là queued, running, done hoặc failed.");
                 }
               }
               auto result = s.jobs.List(caller, q);
               std::vector<JobView> items;
               for (const auto& j : result.items) items.push_back(ViewOf(j));
               return JsonView(ListOf(std::move(items), result.total, paging));
             }));

  router.Add(verb::get, "/api/v1/jobs/{id}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return JsonView(ViewOf(s.jobs.Get(caller, IdParam(request, "id"))));
             }));

  router.Add(verb::post, "/api/v1/jobs/{id}/retry", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return JsonView(ViewOf(s.jobs.Retry(caller, IdParam(request, "id"))));
             }));
}

}  // namespace egov::api
