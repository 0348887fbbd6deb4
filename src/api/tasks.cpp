// Work queues (docs/workflow.md, "Work queues"): /api/v1/tasks, /api/v1/tasks/unit,
// /api/v1/tasks/counts, and a dossier's assignment and candidate officers.
#include <boost/json.hpp>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/json_view.hpp"
#include "api/routes.hpp"
#include "core/dossier/marks.hpp"
#include "core/error.hpp"
#include "json/read.hpp"

namespace egov::api {

using boost::beast::http::verb;
using http::Request;

struct TaskStepView {
  int index = 0;
  std::string name;
  std::string_view role;
  std::string agency_code;
  std::optional<Instant> due_at;
  std::optional<std::string> assignee;  // null: anyone of the step
};
BOOST_DESCRIBE_STRUCT(TaskStepView, (), (index, name, role, agency_code, due_at, assignee))

struct TaskView {
  std::string code;
  std::string procedure_code;
  std::string procedure_name;
  std::string_view status;
  std::string applicant_name;
  std::string receiving_agency;
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;
  std::optional<TaskStepView> current_step;  // null before an online submission is received
  std::optional<std::string_view> mark;      // overdue | due_soon | paused | null
};
BOOST_DESCRIBE_STRUCT(TaskView, (),
                      (code, procedure_code, procedure_name, status, applicant_name,
                       receiving_agency, received_at, due_at, current_step, mark))

struct TaskCountsView {
  std::int64_t mine = 0, overdue = 0, due_soon = 0, online = 0, unit = 0;
};
BOOST_DESCRIBE_STRUCT(TaskCountsView, (), (mine, overdue, due_soon, online, unit))

struct OfficerView {
  std::string username;
  std::string full_name;
};
BOOST_DESCRIBE_STRUCT(OfficerView, (), (username, full_name))

// PUT /api/v1/dossiers/{code}/assignee: {"username": string|null, "version"?}.
struct AssigneeBody {
  std::optional<std::string> username;
  std::optional<std::int64_t> version;
};
BOOST_DESCRIBE_STRUCT(AssigneeBody, (), (username, version))
constexpr auto JsonRules(json::For<AssigneeBody>) {
  return std::to_array<json::FieldRule>({
      {"username", {.max_chars = 64}},
      {"version", {.min = 1, .max = 1'000'000'000'000LL}},
  });
}

namespace {

service::dossier::TaskQuery QueryOf(const Request& request, const Paging& paging) {
  service::dossier::TaskQuery q;
  q.page = paging.page;
  q.per_page = paging.per_page;
  const auto mark = request.query("mark").value_or("");
  if (!mark.empty()) {
    q.mark = core::dossier::ParseMark(mark);
    if (q.mark != core::dossier::Mark::kOverdue && q.mark != core::dossier::Mark::kDueSoon) {
      throw FieldError("mark", "phải là overdue hoặc due_soon.");
    }
  }
  return q;
}

http::Response TaskListResponse(const service::dossier::TaskList& list, const Paging& paging) {
  std::vector<TaskView> items;
  items.reserve(list.items.size());
  for (const auto& t : list.items) {
    const auto& r = t.row;
    TaskView v{r.code,
               r.procedure_code,
               r.procedure_name,
               core::dossier::Name(r.status),
               r.applicant_name,
               r.receiving_agency,
               InstantOf(r.received_at),
               InstantOf(r.due_at),
               std::nullopt,
               std::nullopt};
    if (r.has_step) {
      v.current_step = TaskStepView{r.step_index,
                                    r.step_name,
                                    core::access::RoleName(r.step_role),
                                    r.step_agency_code,
                                    InstantOf(r.step_due_at),
                                    r.assignee};
    }
    if (t.mark != core::dossier::Mark::kNone) v.mark = core::dossier::Name(t.mark);
    items.push_back(std::move(v));
  }
  return JsonView(ListOf(std::move(items), list.total, paging));
}

}  // namespace

void RegisterTaskRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/tasks", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto paging = ParsePaging(request);
               return TaskListResponse(s.dossiers.Tasks(caller, QueryOf(request, paging)), paging);
             }));

  router.Add(verb::get, "/api/v1/tasks/unit", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto paging = ParsePaging(request);
               auto q = QueryOf(request, paging);
               q.assignee = request.query("assignee").value_or("");
               if (q.assignee.size() > 64) throw FieldError("assignee", "dài tối đa 64 ký tự.");
               return TaskListResponse(s.dossiers.UnitTasks(caller, q), paging);
             }));

  router.Add(verb::get, "/api/v1/tasks/counts", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto c = s.dossiers.CountTasks(caller);
               return JsonView(TaskCountsView{c.mine, c.overdue, c.due_soon, c.online, c.unit});
             }));

  router.Add(verb::put, "/api/v1/dossiers/{code}/assignee",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto& code = request.param("code");
               AssigneeBody body;
               try {
                 const auto& object = JsonBody(request);
                 if (!object.contains("username")) {
                   throw FieldError("username", "cần có (tên đăng nhập, hoặc null để bỏ giao).");
                 }
                 body = json::Read<AssigneeBody>(object);
               } catch (const Error&) {
                 s.dossiers.Get(caller, code);  // a dossier the caller may not see: 404 first
                 throw;
               }
               return DossierResponse(s.dossiers.Assign(caller, code, body.username, body.version));
             }));

  router.Add(
      verb::get, "/api/v1/dossiers/{code}/officers", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        const auto paging = ParsePaging(request);
        const auto step = request.query("step").value_or("current");
        if (step != "current" && step != "next") {
          s.dossiers.Get(caller, request.param("code"));  // 404 first
          throw FieldError("step", "phải là current hoặc next.");
        }
        auto officers = s.dossiers.Officers(caller, request.param("code"), step == "next");
        const auto total = static_cast<std::int64_t>(officers.size());
        std::vector<OfficerView> items;
        const auto first =
            static_cast<std::size_t>(paging.page - 1) * static_cast<std::size_t>(paging.per_page);
        for (std::size_t i = first;
             i < officers.size() && i < first + static_cast<std::size_t>(paging.per_page); ++i) {
          items.push_back({officers[i].username, officers[i].full_name});
        }
        return JsonView(ListOf(std::move(items), total, paging));
      }));
}

}  // namespace egov::api
