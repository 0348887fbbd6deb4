// /api/v1/dossiers (officers) and the public submission and lookup routes.
#include <boost/json.hpp>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"
#include "core/dossier/dossier.hpp"
#include "core/error.hpp"
#include "http/multipart.hpp"
#include "service/dossier/forms.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;

namespace {

// Copies of one component (originals, certified copies, copies): 0 to this many each, as the
// catalog allows (core/catalog/procedure.cpp).
constexpr int kMaxCopies = 20;

boost::json::value Instant(const std::optional<std::int64_t>& ms) {
  if (!ms) return nullptr;
  return boost::json::value(FormatInstant(*ms));
}

service::dossier::IntakeInput ParseIntake(const boost::json::object& body, bool online) {
  if (online) {
    RejectUnknownKeys(body,
                      {"procedure_code", "channel", "agency_code", "applicant", "components"});
  } else {
    RejectUnknownKeys(body, {"procedure_code", "channel", "applicant", "components"});
  }
  service::dossier::IntakeInput in;
  in.procedure_code = RequiredString(body, "procedure_code", 20);
  in.channel = core::dossier::ParseChannel(RequiredString(body, "channel", 20));
  if (online) in.agency_code = RequiredString(body, "agency_code", 35);
  auto applicant = body.find("applicant");
  if (applicant == body.end() || !applicant->value().is_object()) {
    throw FieldError("applicant", "cần thông tin người nộp hồ sơ.");
  }
  const auto& a = applicant->value().as_object();
  RejectUnknownKeys(a, {"full_name", "id_number", "phone", "email", "address"});
  in.applicant = {RequiredString(a, "full_name", 100), RequiredString(a, "id_number", 20),
                  RequiredString(a, "phone", 20), OptionalString(a, "email", 254).value_or(""),
                  RequiredString(a, "address", 300)};
  auto components = body.find("components");
  if (components == body.end() || !components->value().is_array()) {
    throw FieldError("components", "cần danh sách thành phần hồ sơ.");
  }
  const auto& items = components->value().as_array();
  if (items.size() > 100) throw FieldError("components", "tối đa 100 thành phần.");
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_object()) {
      throw FieldError("components", "mỗi thành phần phải là một đối tượng.");
    }
    const auto& c = items[i].as_object();
    const std::string at = "components[" + std::to_string(i) + "].";
    in.components.push_back({RequiredString(c, "name", 500),
                             CountMember(c, "original", at + "original", kMaxCopies),
                             CountMember(c, "certified", at + "certified", kMaxCopies),
                             CountMember(c, "copy", at + "copy", kMaxCopies)});
  }
  return in;
}

boost::json::object DossierJson(const service::dossier::DossierView& v) {
  const auto& d = v.dossier;
  boost::json::object current;
  if (d.current_step >= 0 && d.current_step < static_cast<int>(v.procedure.steps.size())) {
    const auto& step = v.procedure.steps[d.current_step];
    current = {
        {"index", d.current_step},
        {"name", step.name},
        {"role", core::access::RoleName(step.role)},
        {"agency_code", step.agency_code.empty() ? d.receiving_agency_code : step.agency_code},
        {"due_at", Instant(d.step_due_at)}};
  }
  boost::json::array events;
  for (const auto& e : v.events) {
    events.push_back(
        boost::json::object{{"at", FormatInstant(e.at)},
                            {"action", core::dossier::Name(e.action)},
                            {"actor", e.actor},
                            {"agency_code", e.agency_code},
                            {"from_step", e.from_step ? boost::json::value(*e.from_step) : nullptr},
                            {"to_step", e.to_step ? boost::json::value(*e.to_step) : nullptr},
                            {"note", e.note}});
  }
  boost::json::object out{
      {"code", d.code},
      {"procedure_code", d.procedure_code},
      {"procedure_version", d.procedure_version},
      {"procedure_name", d.procedure_name},
      {"status", core::dossier::Name(d.status)},
      {"channel", core::dossier::Name(d.channel)},
      {"applicant", boost::json::object{{"full_name", d.applicant.full_name},
                                        {"id_number", d.applicant.id_number},
                                        {"phone", d.applicant.phone},
                                        {"email", d.applicant.email},
                                        {"address", d.applicant.address}}},
      {"components", boost::json::parse(d.components_json)},
      {"receiving_agency", d.receiving_agency_code},
      {"receiving_agency_name", d.receiving_agency_name},
      {"current_step", current.empty() ? boost::json::value(nullptr) : boost::json::value(current)},
      {"submitted_at", FormatInstant(d.submitted_at)},
      {"received_at", Instant(d.received_at)},
      {"due_at", Instant(d.due_at)},
      {"public_token", d.public_token},
      {"files",
       [&v] {
         boost::json::array files;
         for (const auto& f : v.files) {
           files.push_back(boost::json::object{{"sha256", f.sha256},
                                               {"component", f.component},
                                               {"mime_type", f.mime_type},
                                               {"size", f.size},
                                               {"file_name", f.file_name}});
         }
         return files;
       }()},
      {"events", std::move(events)}};
  if (d.completed_at) out["completed_at"] = FormatInstant(*d.completed_at);
  return out;
}

std::optional<std::string> IdempotencyKey(const Request& request) {
  auto key = request.header("Idempotency-Key");
  if (key.empty()) return std::nullopt;
  return std::string(key);
}

}  // namespace

void RegisterDossierRoutes(http::Router& router, const service::Services& services,
                           http::BlockingPool& pool) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/dossiers/{code}/forms/{form}",
             http::Handler([&s, &pool](Request& request) -> boost::asio::awaitable<http::Response> {
               auto caller = RequireCaller(request, s);
               if (request.param("form") != "01.pdf") {
                 throw Error(ErrorCode::kNotFound, "Mẫu biểu này chưa có (hiện có: 01.pdf).");
               }
               // The QR points at the public lookup page under the configured public base
               // URL, never at what the request's Host or X-Forwarded-* headers claim.
               std::string base = s.public_base_url;
               std::string code = request.param("code");
               auto work = [&s, caller, code, base] {
                 return s.forms.ReceiptPdf(caller, code, base);
               };
               std::string pdf = co_await pool.Run(std::move(work));
               http::Response r = http::TextResponse(std::move(pdf), "application/pdf");
               r.headers.emplace_back("Content-Disposition",
                                      "inline; filename=\"giay-hen-" + code + ".pdf\"");
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
               return http::JsonResponse(boost::json::object{{"sha256", f.sha256},
                                                             {"component", f.component},
                                                             {"mime_type", f.mime_type},
                                                             {"size", f.size},
                                                             {"file_name", f.file_name}},
                                         status::created);
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
               auto input = ParseIntake(JsonBody(request), false);
               auto view = s.dossiers.Intake(caller, input, IdempotencyKey(request));
               return http::JsonResponse(DossierJson(view), status::created);
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
        boost::json::array items;
        for (const auto& d : result.items) {
          items.push_back(boost::json::object{{"code", d.code},
                                              {"procedure_code", d.procedure_code},
                                              {"procedure_name", d.procedure_name},
                                              {"status", core::dossier::Name(d.status)},
                                              {"channel", core::dossier::Name(d.channel)},
                                              {"applicant_name", d.applicant.full_name},
                                              {"receiving_agency", d.receiving_agency_code},
                                              {"received_at", Instant(d.received_at)},
                                              {"due_at", Instant(d.due_at)},
                                              {"submitted_at", FormatInstant(d.submitted_at)}});
        }
        return http::JsonResponse(ListJson(std::move(items), result.total, paging));
      }));

  router.Add(
      verb::get, "/api/v1/dossiers/{code}", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        return http::JsonResponse(DossierJson(s.dossiers.Get(caller, request.param("code"))));
      }));

  router.Add(
      verb::post, "/api/v1/dossiers/{code}/actions", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        const auto& body = JsonBody(request);
        std::string action = RequiredString(body, "action", 50);
        using core::dossier::Action;
        const auto parsed = core::dossier::ParseAction(action);
        if (parsed == Action::kAccept) {
          RejectUnknownKeys(body, {"action"});
          return http::JsonResponse(DossierJson(s.dossiers.Accept(caller, request.param("code"))));
        }
        if (parsed == Action::kRequestSupplement) {
          RejectUnknownKeys(body, {"action", "reason", "missing"});
          auto missing = OptionalStringArray(body, "missing", 50);
          return http::JsonResponse(DossierJson(s.dossiers.RequestSupplementBeforeAcceptance(
              caller, request.param("code"), RequiredString(body, "reason", 2000),
              missing.value_or(std::vector<std::string>{}))));
        }
        if (parsed == Action::kReceiveSupplement) {
          RejectUnknownKeys(body, {"action"});
          return http::JsonResponse(DossierJson(
              s.dossiers.ReceiveSupplementBeforeAcceptance(caller, request.param("code"))));
        }
        throw FieldError("action", "hành động \"" + action +
                                       "\" chưa được hỗ trợ; hiện có: accept, "
                                       "request_supplement, receive_supplement (trước khi "
                                       "tiếp nhận).");
      }));

  router.Add(verb::post, "/api/v1/public/submissions", http::SyncHandler([&s](Request& request) {
               auto input = ParseIntake(JsonBody(request), true);
               auto view = s.dossiers.Submit(input, IdempotencyKey(request));
               return http::JsonResponse(
                   boost::json::object{{"code", view.dossier.code},
                                       {"status", core::dossier::Name(view.dossier.status)},
                                       {"public_token", view.dossier.public_token}},
                   status::created);
             }),
             http::RouteOptions{.public_rate_limited = true});

  router.Add(
      verb::get, "/api/v1/public/agencies", http::SyncHandler([&s](Request& request) {
        boost::json::array items;
        for (const auto& a : s.dossiers.ReceivingAgencies(request.query("level").value_or(""))) {
          items.push_back(
              boost::json::object{{"code", a.code}, {"name", a.name}, {"kind", a.kind}});
        }
        auto total = static_cast<std::int64_t>(items.size());
        return http::JsonResponse(
            boost::json::object{{"items", std::move(items)}, {"total", total}});
      }),
      http::RouteOptions{.public_rate_limited = true});

  router.Add(verb::get, "/api/v1/public/dossiers/{code}", http::SyncHandler([&s](Request& request) {
               auto v = s.dossiers.Lookup(request.param("code"));
               // The citizens' hot path: the answer is built in a stack buffer.
               unsigned char buffer[4096];
               boost::json::monotonic_resource memory(buffer, sizeof buffer);
               boost::json::object body(&memory);
               body.reserve(7);
               body.emplace("code", v.code);
               body.emplace("procedure_name", v.procedure_name);
               body.emplace("status", core::dossier::Name(v.status));
               body.emplace("status_label", v.status_label);
               for (const auto& [key, at] :
                    {std::pair{"received_at", v.received_at}, std::pair{"due_at", v.due_at}}) {
                 if (at) {
                   body.emplace(key, FormatInstant(*at));
                 } else {
                   body.emplace(key, nullptr);
                 }
               }
               body.emplace("applicant_name", v.applicant_name);
               return http::JsonResponse(body);
             }),
             http::RouteOptions{.public_rate_limited = true});
}

}  // namespace egov::api
