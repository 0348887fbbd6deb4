// /api/v1/dossiers (officers) and the public submission and lookup routes.
#include <boost/json.hpp>

#include "api/auth_context.hpp"
#include "api/dossier_bodies.hpp"
#include "api/json_util.hpp"
#include "api/json_view.hpp"
#include "api/routes.hpp"
#include "core/dossier/dossier.hpp"
#include "core/error.hpp"
#include "http/multipart.hpp"
#include "service/dossier/forms.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;

// Answers of the dossier routes.
struct CurrentStepView {
  int index = 0;  // from 0, the first step of the process
  std::string name;
  std::string_view role;
  std::string agency_code;
  std::optional<Instant> due_at;
  Omittable<std::string> assignee;  // the officer a forward named for the step
};
BOOST_DESCRIBE_STRUCT(CurrentStepView, (), (index, name, role, agency_code, due_at, assignee))

// A step of the dossier's process as resolved at intake (its concrete agency).
struct StepView {
  int index = 0;
  std::string name;
  std::string_view role;
  std::string agency_code;
  int hours = 0;  // working hours allotted
};
BOOST_DESCRIBE_STRUCT(StepView, (), (index, name, role, agency_code, hours))

struct EventView {
  Instant at;
  std::string_view action;
  std::string actor;
  std::string agency_code;
  std::optional<int> from_step;
  std::optional<int> to_step;
  std::string note;
  // The due times the event set (recorded then), and the officer a forward named.
  Omittable<Instant> due_at;
  Omittable<Instant> step_due_at;
  Omittable<std::string> to_user;
};
BOOST_DESCRIBE_STRUCT(EventView, (),
                      (at, action, actor, agency_code, from_step, to_step, note, due_at,
                       step_due_at, to_user))

struct FileView {
  std::string sha256;
  std::string component;
  std::string mime_type;
  std::int64_t size = 0;
  std::string file_name;
};
BOOST_DESCRIBE_STRUCT(FileView, (), (sha256, component, mime_type, size, file_name))

// A citizen's rating of a returned dossier (docs/workflow.md, "Rating").
struct RatingView {
  std::string code;
  int score = 0;
  RatingCriteria criteria;  // the criteria rated, only
  std::string comment;      // "" when none
  Instant rated_at;
};
BOOST_DESCRIBE_STRUCT(RatingView, (), (code, score, criteria, comment, rated_at))

struct DossierView {
  std::string code;
  std::string procedure_code;
  int procedure_version = 0;
  std::string procedure_name;
  std::string_view status;
  std::string_view channel;
  core::dossier::Applicant applicant;
  std::vector<core::catalog::Component> components;  // as handed in
  std::string receiving_agency;
  std::string receiving_agency_name;
  std::optional<CurrentStepView> current_step;
  Instant submitted_at;
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;
  std::string public_token;
  std::vector<FileView> files;
  std::vector<EventView> events;  // oldest first
  Omittable<Instant> completed_at;
  Omittable<std::string_view> timeliness;  // early | on_time | late, once completed
  std::int64_t version = 1;                // for optimistic locking of actions
  std::string competent_agency;            // the agency that decides
  std::string processing_agency;           // the agency holding the dossier now
  std::vector<StepView> steps;
  // For the caller: the workflow actions they may post now, and whether the current step is
  // overdue (docs/workflow.md, "Work queues").
  std::vector<std::string_view> allowed_actions;
  bool overdue = false;
  Omittable<RatingView> rating;  // the citizen's rating, once given
};
BOOST_DESCRIBE_STRUCT(DossierView, (),
                      (code, procedure_code, procedure_version, procedure_name, status, channel,
                       applicant, components, receiving_agency, receiving_agency_name, current_step,
                       submitted_at, received_at, due_at, public_token, files, events, completed_at,
                       timeliness, version, competent_agency, processing_agency, steps,
                       allowed_actions, overdue, rating))

// An item of GET /api/v1/dossiers.
struct DossierSummaryView {
  std::string code;
  std::string procedure_code;
  std::string procedure_name;
  std::string_view status;
  std::string_view channel;
  std::string applicant_name;
  std::string receiving_agency;
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;
  Instant submitted_at;
};
BOOST_DESCRIBE_STRUCT(DossierSummaryView, (),
                      (code, procedure_code, procedure_name, status, channel, applicant_name,
                       receiving_agency, received_at, due_at, submitted_at))

// POST /api/v1/public/submissions
struct SubmissionView {
  std::string code;
  std::string_view status;
  std::string public_token;
};
BOOST_DESCRIBE_STRUCT(SubmissionView, (), (code, status, public_token))

struct ReceivingAgencyView {
  std::string code;
  std::string name;
  std::string kind;
};
BOOST_DESCRIBE_STRUCT(ReceivingAgencyView, (), (code, name, kind))

// GET /api/v1/public/agencies: the list without paging.
struct ReceivingAgenciesView {
  std::vector<ReceivingAgencyView> items;
  std::int64_t total = 0;
};
BOOST_DESCRIBE_STRUCT(ReceivingAgenciesView, (), (items, total))

// GET /api/v1/public/dossiers/{code}, the applicant's name masked.
struct PublicLookupView {
  std::string_view code;
  std::string_view procedure_name;
  std::string_view status;
  std::string_view status_label;
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;
  std::string_view applicant_name;
};
BOOST_DESCRIBE_STRUCT(PublicLookupView, (),
                      (code, procedure_name, status, status_label, received_at, due_at,
                       applicant_name))

namespace {

CurrentStepView CurrentStepOf(const service::dossier::DossierView& v) {
  const auto& d = v.dossier;
  const auto& step = v.steps[static_cast<std::size_t>(d.current_step)];
  CurrentStepView out{
      d.current_step,           step.name, core::access::RoleName(step.role), step.agency_code,
      InstantOf(d.step_due_at), {}};
  if (d.assignee) out.assignee = *d.assignee;
  return out;
}

RatingView RatingOf(const std::string& code, const store::dossier::StoredRating& r) {
  RatingView out{code, r.score, {}, r.comment, Instant{r.rated_at}};
  if (r.attitude) out.criteria.attitude = *r.attitude;
  if (r.guidance) out.criteria.guidance = *r.guidance;
  if (r.time_taken) out.criteria.time_taken = *r.time_taken;
  if (r.fees_as_posted) out.criteria.fees_as_posted = *r.fees_as_posted;
  return out;
}

FileView FileOf(const core::dossier::File& f) {
  return {f.sha256, f.component, f.mime_type, f.size, f.file_name};
}

DossierView ViewOf(const service::dossier::DossierView& v) {
  const auto& d = v.dossier;
  DossierView out{d.code,
                  d.procedure_code,
                  d.procedure_version,
                  d.procedure_name,
                  core::dossier::Name(d.status),
                  core::dossier::Name(d.channel),
                  d.applicant,
                  d.components,
                  d.receiving_agency_code,
                  d.receiving_agency_name,
                  std::nullopt,
                  Instant{d.submitted_at},
                  InstantOf(d.received_at),
                  InstantOf(d.due_at),
                  d.public_token,
                  {},
                  {},
                  {}};
  // No current step before an online submission is received.
  if (d.received_at && d.current_step >= 0 && d.current_step < static_cast<int>(v.steps.size())) {
    out.current_step = CurrentStepOf(v);
  }
  for (const auto& f : v.files) out.files.push_back(FileOf(f));
  for (const auto& e : v.events) {
    EventView event{Instant{e.at},
                    core::dossier::Name(e.action),
                    e.actor,
                    e.agency_code,
                    e.from_step,
                    e.to_step,
                    e.note,
                    {},
                    {},
                    {}};
    if (e.due_at) event.due_at = Instant{*e.due_at};
    if (e.step_due_at) event.step_due_at = Instant{*e.step_due_at};
    if (e.to_user) event.to_user = *e.to_user;
    out.events.push_back(std::move(event));
  }
  if (d.completed_at) out.completed_at = Instant{*d.completed_at};
  if (v.timeliness) out.timeliness = core::calendar::TimelinessName(*v.timeliness);
  out.version = d.version;
  out.competent_agency = d.competent_agency_code;
  out.processing_agency = d.current_agency_code;
  for (const auto& step : v.steps) {
    out.steps.push_back(
        {step.index, step.name, core::access::RoleName(step.role), step.agency_code, step.hours});
  }
  for (auto action : v.allowed_actions) out.allowed_actions.push_back(core::dossier::Name(action));
  out.overdue = v.overdue;
  if (v.rating) out.rating = RatingOf(d.code, *v.rating);
  return out;
}

// The file name of a form's PDF, before "-<code>.pdf" (ASCII, unaccented Vietnamese).
std::string_view FormFileStem(core::dossier::Form form) {
  switch (form) {
    case core::dossier::Form::kReceipt: return "giay-hen";
    case core::dossier::Form::kSupplement: return "yeu-cau-bo-sung";
    case core::dossier::Form::kRefusal: return "tu-choi";
    case core::dossier::Form::kApology: return "xin-loi";
    case core::dossier::Form::kStop: return "dung-giai-quyet";
    case core::dossier::Form::kControlSheet: return "phieu-kiem-soat";
  }
  return "mau";
}

std::optional<std::string> IdempotencyKey(const Request& request) {
  auto key = request.header("Idempotency-Key");
  if (key.empty()) return std::nullopt;
  return std::string(key);
}

}  // namespace

http::Response DossierResponse(const service::dossier::DossierView& v) {
  return JsonView(ViewOf(v));
}

void RegisterDossierRoutes(http::Router& router, const service::Services& services,
                           http::BlockingPool& pool) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/dossiers/{code}/forms/{form}",
             http::Handler([&s, &pool](Request& request) -> boost::asio::awaitable<http::Response> {
               auto caller = RequireCaller(request, s);
               std::string_view name = request.param("form");
               std::optional<core::dossier::Form> form;
               if (name.ends_with(".pdf")) {
                 form = core::dossier::ParseForm(name.substr(0, name.size() - 4));
               }
               if (!form) {
                 throw Error(ErrorCode::kNotFound,
                             "Không có mẫu này (có: receipt hoặc 01, supplement, refusal, "
                             "apology, stop, control-sheet; đuôi .pdf).");
               }
               // The QR points at the public lookup page under the configured public base
               // URL, never at what the request's Host or X-Forwarded-* headers claim.
               std::string base = s.public_base_url;
               std::string code = request.param("code");
               auto work = [&s, caller, code, base, which = *form] {
                 return s.forms.FormPdf(caller, code, which, base);
               };
               std::string pdf = co_await pool.Run(std::move(work));
               http::Response r = http::TextResponse(std::move(pdf), "application/pdf");
               r.headers.emplace_back("Content-Disposition", "inline; filename=\"" +
                                                                 std::string(FormFileStem(*form)) +
                                                                 "-" + code + ".pdf\"");
               co_return r;
             }));

  // Credentials, role and dossier, from an upload's headers: a client that may not upload
  // here is refused before it holds an upload slot or any spool space.
  auto may_upload = [&s](Request& request) {
    s.dossiers.CheckCanAddFile(RequireCaller(request, s), request.param("code"));
  };
  router.Add(verb::post, "/api/v1/dossiers/{code}/files", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto parts = http::ParseMultipart(
                   request.header(boost::beast::http::field::content_type), request.body());
               std::string component, file_name;
               std::string_view data;
               bool has_file = false;
               for (const auto& part : parts) {
                 if (part.name == "component") component = std::string(part.data);
                 if (part.name == "file") {
                   has_file = true;
                   data = part.data;
                   file_name = part.filename;
                 }
               }
               if (!has_file) throw FieldError("file", "thiếu tệp (trường file).");
               if (component.empty()) throw FieldError("component", "cần chọn thành phần hồ sơ.");
               auto f =
                   s.dossiers.AddFile(caller, request.param("code"), component, file_name, data);
               return JsonView(FileOf(f), status::created);
             }),
             http::RouteOptions{.max_body_bytes = service::dossier::kMaxFileBytes + 64 * 1024,
                                .spool_body = true,
                                .before_body = may_upload});

  router.Add(
      verb::get, "/api/v1/dossiers/{code}/files/{sha256}",
      http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        auto stored = s.dossiers.GetFile(caller, request.param("code"), request.param("sha256"));
        http::Response r = http::TextResponse(std::move(stored.bytes), stored.file.mime_type);
        r.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + stored.file.sha256 + "\"");
        r.headers.emplace_back("Cache-Control", "private, no-store");
        return r;
      }));

  router.Add(verb::post, "/api/v1/dossiers", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto input = IntakeInputOf(json::Read<CounterIntake>(JsonBody(request)));
               auto view = s.dossiers.Intake(caller, input, IdempotencyKey(request));
               return JsonView(ViewOf(view), status::created);
             }));

  router.Add(
      verb::get, "/api/v1/dossiers", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        auto paging = ParsePaging(request);
        service::dossier::ListQuery q;
        q.q = request.query("q").value_or("");
        q.received_from = request.query("received_from").value_or("");
        q.received_to = request.query("received_to").value_or("");
        auto overdue = request.query("overdue").value_or("");
        if (overdue != "" && overdue != "true" && overdue != "false") {
          throw FieldError("overdue", "phải là true hoặc false.");
        }
        q.overdue = overdue == "true";
        q.page = paging.page;
        q.per_page = paging.per_page;
        auto status = request.query("status").value_or("");
        if (!status.empty()) {
          q.status = core::dossier::ParseStatus(status);
          if (!q.status) throw FieldError("status", "trạng thái không hợp lệ.");
        }
        auto result = s.dossiers.List(caller, q);
        std::vector<DossierSummaryView> items;
        for (const auto& d : result.items) {
          items.push_back({d.code, d.procedure_code, d.procedure_name,
                           core::dossier::Name(d.status), core::dossier::Name(d.channel),
                           d.applicant.full_name, d.receiving_agency_code, InstantOf(d.received_at),
                           InstantOf(d.due_at), Instant{d.submitted_at}});
        }
        return JsonView(ListOf(std::move(items), result.total, paging));
      }));

  router.Add(verb::get, "/api/v1/dossiers/{code}", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               return DossierResponse(s.dossiers.Get(caller, request.param("code")));
             }));

  router.Add(verb::post, "/api/v1/dossiers/{code}/actions",
             http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const auto& code = request.param("code");
               service::dossier::ActionInput input;
               try {
                 input = ActionInputOf(JsonBody(request));
               } catch (const Error&) {
                 s.dossiers.Get(caller, code);  // a dossier the caller may not see: 404 first
                 throw;
               }
               return DossierResponse(s.dossiers.Act(caller, code, input));
             }));

  router.Add(verb::post, "/api/v1/public/submissions", http::SyncHandler([&s](Request& request) {
               auto input = IntakeInputOf(json::Read<OnlineSubmission>(JsonBody(request)));
               auto view = s.dossiers.Submit(input, IdempotencyKey(request));
               const auto& d = view.dossier;
               return JsonView(
                   SubmissionView{d.code, core::dossier::Name(d.status), d.public_token},
                   status::created);
             }),
             http::RouteOptions{.public_rate_limited = true});

  router.Add(
      verb::get, "/api/v1/public/agencies", http::SyncHandler([&s](Request& request) {
        ReceivingAgenciesView out;
        for (const auto& a : s.dossiers.ReceivingAgencies(request.query("level").value_or(""))) {
          out.items.push_back({a.code, a.name, a.kind});
        }
        out.total = static_cast<std::int64_t>(out.items.size());
        return JsonView(out);
      }),
      http::RouteOptions{.public_rate_limited = true});

  router.Add(verb::get, "/api/v1/public/dossiers/{code}", http::SyncHandler([&s](Request& request) {
               auto v = s.dossiers.Lookup(request.param("code"));
               // The citizens' hot path: the answer is built in a stack buffer.
               unsigned char buffer[4096];
               boost::json::monotonic_resource memory(buffer, sizeof buffer);
               const boost::json::value body = json::Write(
                   PublicLookupView{v.code, v.procedure_name, core::dossier::Name(v.status),
                                    v.status_label, InstantOf(v.received_at), InstantOf(v.due_at),
                                    v.applicant_name},
                   boost::json::storage_ptr(&memory));
               return http::JsonResponse(body);
             }),
             http::RouteOptions{.public_rate_limited = true});

  router.Add(verb::post, "/api/v1/public/dossiers/{code}/rating",
             http::SyncHandler([&s](Request& request) {
               auto body = json::Read<RatingBody>(JsonBody(request));
               service::dossier::RatingInput input{std::move(body.token), body.score};
               if (body.criteria) {
                 auto given = [](const Omittable<int>& v) {
                   return v ? std::optional<int>(*v) : std::nullopt;
                 };
                 input.attitude = given(body.criteria->attitude);
                 input.guidance = given(body.criteria->guidance);
                 input.time_taken = given(body.criteria->time_taken);
                 input.fees_as_posted = given(body.criteria->fees_as_posted);
               }
               input.comment = body.comment.value_or({});
               auto rated = s.ratings.Rate(request.param("code"), input);
               return JsonView(RatingOf(rated.code, rated.rating), status::created);
             }),
             http::RouteOptions{.public_rate_limited = true});

  router.Add(
      verb::get, "/api/v1/public/dossiers/{code}/rating", http::SyncHandler([&s](Request& request) {
        auto rated = s.ratings.Get(request.param("code"), request.query("token").value_or(""));
        return JsonView(RatingOf(rated.code, rated.rating));
      }),
      http::RouteOptions{.public_rate_limited = true});
}

}  // namespace egov::api
