// /api/v1/procedures (public reading and search, admin saving), /api/v1/procedure-fields,
// and the admin's /api/v1/catalog/export and /api/v1/catalog/import (docs/catalog.md).
#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"
#include "core/error.hpp"
#include "core/text/money_words.hpp"
#include "json/read.hpp"
#include "service/catalog/procedure_json.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;

// A procedure in JSON (docs/catalog.md) is the service's ProcedureJson: one shape for the
// stored form (GET /catalog/export), the bodies, and the answers about one procedure, which
// add the derived members (version, time_limit_hours, fee.amount_in_words, versions).
struct VersionView {
  int version = 0;
  std::string effective_from;
  Instant created_at;
};
BOOST_DESCRIBE_STRUCT(VersionView, (), (version, effective_from, created_at))

// An item of GET /api/v1/procedures: not the JSON form on purpose, a summary for the list (no
// components or steps; the limit also in working hours), made of the form's parts.
struct ProcedureSummaryView {
  std::string code;
  std::string name;
  std::string field;
  Omittable<std::string> level;
  Omittable<std::string> online_level;
  service::catalog::TimeLimitJson time_limit;
  int time_limit_hours = 0;
  service::catalog::FeeJson fee;  // with amount_in_words
};
BOOST_DESCRIBE_STRUCT(ProcedureSummaryView, (),
                      (code, name, field, level, online_level, time_limit, time_limit_hours, fee))

struct FieldCountView {
  std::string field;
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(FieldCountView, (), (field, count))

struct FieldsView {
  std::vector<FieldCountView> items;
};
BOOST_DESCRIBE_STRUCT(FieldsView, (), (items))

namespace {

// The stored form; with `derived`, the members that the API adds (but versions).
service::catalog::ProcedureJson ViewOf(const core::catalog::Procedure& p, bool derived) {
  auto out = service::catalog::JsonOf(p);
  if (derived) {
    out.version = p.version;
    out.time_limit_hours = p.time_limit.TotalHours();
    out.fee.amount_in_words = core::text::MoneyInWords(p.fee.amount);
  }
  return out;
}

ProcedureSummaryView SummaryOf(const core::catalog::Procedure& p) {
  auto fee = service::catalog::FeeJsonOf(p.fee);
  fee.amount_in_words = core::text::MoneyInWords(p.fee.amount);
  return {p.code,
          p.name,
          p.field,
          service::catalog::NonEmpty(p.level),
          service::catalog::NonEmpty(p.online_level),
          service::catalog::TimeLimitJsonOf(p.time_limit),
          p.time_limit.TotalHours(),
          std::move(fee)};
}

// POST /api/v1/catalog/import's body; each procedure's problems named under
// "procedures[i].".
std::vector<core::catalog::Procedure> ParseList(const boost::json::object& document) {
  auto body = json::Read<service::catalog::CatalogJson>(document);
  std::vector<core::catalog::Procedure> out;
  out.reserve(body.procedures.size());
  for (std::size_t i = 0; i < body.procedures.size(); ++i) {
    out.push_back(service::catalog::ProcedureOf(std::move(body.procedures[i]),
                                                fmt::format("procedures[{}].", i)));
  }
  return out;
}

}  // namespace

void RegisterProcedureRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/procedures", http::SyncHandler([&s](Request& request) {
               auto paging = ParsePaging(request);
               service::catalog::SearchQuery q{
                   request.query("q").value_or(""), request.query("field").value_or(""),
                   request.query("level").value_or(""), paging.page, paging.per_page};
               auto result = s.catalog.Search(q);
               std::vector<ProcedureSummaryView> items;
               for (const auto& p : result.items) items.push_back(SummaryOf(p));
               return JsonView(ListOf(std::move(items), result.total, paging));
             }));

  router.Add(verb::get, "/api/v1/procedures/{code}", http::SyncHandler([&s](Request& request) {
               std::optional<int> version;
               if (auto raw = request.query("version")) {
                 int v = 0;
                 auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
                 if (ec != std::errc() || ptr != raw->data() + raw->size() || v < 1) {
                   throw FieldError("version", "phải là số nguyên dương.");
                 }
                 version = v;
               }
               auto view = s.catalog.Get(request.param("code"), version);
               auto out = ViewOf(view.procedure, true);
               std::vector<VersionView> versions;
               for (const auto& v : view.versions) {
                 versions.push_back({v.version, v.effective_from, Instant{v.created_at}});
               }
               out.versions = json::Write(versions);
               return JsonView(out);
             }));

  router.Add(verb::get, "/api/v1/procedure-fields", http::SyncHandler([&s](Request&) {
               FieldsView out;
               for (const auto& f : s.catalog.Fields()) out.items.push_back({f.field, f.count});
               return JsonView(out);
             }));

  router.Add(verb::post, "/api/v1/procedures", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               service::catalog::Catalog::RequireEditor(caller);
               auto procedure = service::catalog::ProcedureOf(
                   json::Read<service::catalog::ProcedureJson>(JsonBody(request)));
               auto saved = s.catalog.Save(caller, std::move(procedure));
               return JsonView(ViewOf(saved, true), status::created);
             }));

  router.Add(verb::get, "/api/v1/catalog/export", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               service::catalog::CatalogJson out;
               for (const auto& p : s.catalog.Export(caller)) {
                 out.procedures.push_back(ViewOf(p, false));
               }
               return JsonView(out);
             }));

  router.Add(verb::post, "/api/v1/catalog/import", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               service::catalog::Catalog::RequireEditor(caller);
               auto result = s.catalog.Import(caller, ParseList(JsonBody(request)));
               return JsonView(result);
             }));
}

}  // namespace egov::api
