// /api/v1/procedures (public reading and search, admin saving), /api/v1/procedure-fields,
// and the admin's /api/v1/catalog/export and /api/v1/catalog/import (docs/catalog.md).
#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/procedure_body.hpp"
#include "api/routes.hpp"
#include "core/error.hpp"
#include "core/text/money_words.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;

// A procedure in JSON (docs/catalog.md): the stored form (GET /catalog/export), plus the
// derived members where the API shows one procedure (version, time_limit_hours,
// fee.amount_in_words). Empty texts are left out.
struct TimeLimitView {  // exactly one member
  Omittable<int> days;
  Omittable<int> hours;
  Omittable<bool> same_day;
};
BOOST_DESCRIBE_STRUCT(TimeLimitView, (), (days, hours, same_day))

struct FeeView {
  std::int64_t amount = 0;
  Omittable<std::string> unit;
  Omittable<std::string> note;
  Omittable<std::string> amount_in_words;
};
BOOST_DESCRIBE_STRUCT(FeeView, (), (amount, unit, note, amount_in_words))

struct StepView {
  std::string name;
  std::string_view role;
  int hours = 0;
  Omittable<std::string> agency_code;  // left out: the receiving agency
};
BOOST_DESCRIBE_STRUCT(StepView, (), (name, role, hours, agency_code))

struct ProcedureView {
  std::string code;
  std::string name;
  std::string field;
  TimeLimitView time_limit;
  FeeView fee;
  std::vector<core::catalog::Component> components;
  std::vector<StepView> steps;
  std::string effective_from;
  Omittable<std::string> level;
  Omittable<std::string> online_level;
  Omittable<std::string> legal_basis;
  Omittable<std::string> source;
  Omittable<int> version;
  Omittable<int> time_limit_hours;
};
BOOST_DESCRIBE_STRUCT(ProcedureView, (),
                      (code, name, field, time_limit, fee, components, steps, effective_from, level,
                       online_level, legal_basis, source, version, time_limit_hours))

struct VersionView {
  int version = 0;
  std::string effective_from;
  Instant created_at;
};
BOOST_DESCRIBE_STRUCT(VersionView, (), (version, effective_from, created_at))

// GET /api/v1/procedures/{code}: the procedure and every version of it.
struct ProcedureDetailView : ProcedureView {
  std::vector<VersionView> versions;
};
BOOST_DESCRIBE_STRUCT(ProcedureDetailView, (ProcedureView), (versions))

// An item of GET /api/v1/procedures.
struct ProcedureSummaryView {
  std::string code;
  std::string name;
  std::string field;
  Omittable<std::string> level;
  Omittable<std::string> online_level;
  TimeLimitView time_limit;
  int time_limit_hours = 0;
  FeeView fee;
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

struct CatalogView {  // GET /api/v1/catalog/export, the body of POST /api/v1/catalog/import
  std::vector<ProcedureView> procedures;
};
BOOST_DESCRIBE_STRUCT(CatalogView, (), (procedures))

struct ImportResultView {
  int created = 0;
  int versioned = 0;
  int unchanged = 0;
};
BOOST_DESCRIBE_STRUCT(ImportResultView, (), (created, versioned, unchanged))

namespace {

Omittable<std::string> NonEmpty(const std::string& text) {
  if (text.empty()) return {};
  return text;
}

TimeLimitView TimeLimitOf(const core::catalog::TimeLimit& limit) {
  using Kind = core::catalog::TimeLimit::Kind;
  TimeLimitView out;
  switch (limit.kind) {
    case Kind::kDays: out.days = limit.amount; break;
    case Kind::kHours: out.hours = limit.amount; break;
    case Kind::kSameDay: out.same_day = true; break;
  }
  return out;
}

FeeView FeeOf(const core::catalog::Fee& fee) {
  return {fee.amount, NonEmpty(fee.unit), NonEmpty(fee.note), core::text::MoneyInWords(fee.amount)};
}

// The stored form; with `derived`, the API's derived members too.
ProcedureView ViewOf(const core::catalog::Procedure& p, bool derived) {
  ProcedureView out{p.code,
                    p.name,
                    p.field,
                    TimeLimitOf(p.time_limit),
                    FeeOf(p.fee),
                    p.components,
                    {},
                    p.effective_from,
                    NonEmpty(p.level),
                    NonEmpty(p.online_level),
                    NonEmpty(p.legal_basis),
                    NonEmpty(p.source),
                    {},
                    {}};
  for (const auto& s : p.steps) {
    out.steps.push_back({s.name, core::access::RoleName(s.role), s.hours, NonEmpty(s.agency_code)});
  }
  if (derived) {
    out.version = p.version;
    out.time_limit_hours = p.time_limit.TotalHours();
  } else {
    out.fee.amount_in_words.reset();
  }
  return out;
}

ProcedureSummaryView SummaryOf(const core::catalog::Procedure& p) {
  return {p.code,
          p.name,
          p.field,
          NonEmpty(p.level),
          NonEmpty(p.online_level),
          TimeLimitOf(p.time_limit),
          p.time_limit.TotalHours(),
          FeeOf(p.fee)};
}

// POST /api/v1/catalog/import's body; each procedure's problems named under
// "procedures[i].".
std::vector<core::catalog::Procedure> ParseList(const boost::json::object& json) {
  auto body = ReadBody<procedure_body::Import>(json);
  std::vector<core::catalog::Procedure> out;
  out.reserve(body.procedures.size());
  for (std::size_t i = 0; i < body.procedures.size(); ++i) {
    out.push_back(ProcedureOf(std::move(body.procedures[i]), fmt::format("procedures[{}].", i)));
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
               ProcedureDetailView out{ViewOf(view.procedure, true), {}};
               for (const auto& v : view.versions) {
                 out.versions.push_back({v.version, v.effective_from, Instant{v.created_at}});
               }
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
               auto procedure = ProcedureOf(ReadBody<procedure_body::Procedure>(JsonBody(request)));
               auto saved = s.catalog.Save(caller, std::move(procedure));
               return JsonView(ViewOf(saved, true), status::created);
             }));

  router.Add(verb::get, "/api/v1/catalog/export", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               CatalogView out;
               for (const auto& p : s.catalog.Export(caller))
                 out.procedures.push_back(ViewOf(p, false));
               return JsonView(out);
             }));

  router.Add(
      verb::post, "/api/v1/catalog/import", http::SyncHandler([&s](Request& request) {
        auto caller = RequireCaller(request, s);
        service::catalog::Catalog::RequireEditor(caller);
        auto result = s.catalog.Import(caller, ParseList(JsonBody(request)));
        return JsonView(ImportResultView{result.created, result.versioned, result.unchanged});
      }));
}

}  // namespace egov::api
