// /api/v1/procedures (public reading and search, admin saving), /api/v1/procedure-fields,
// and the admin's /api/v1/catalog/export and /api/v1/catalog/import (docs/catalog.md).
#include <boost/json.hpp>
#include <charconv>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"
#include "core/error.hpp"
#include "service/catalog/procedure_json.hpp"

namespace egov::api {

using boost::beast::http::status;
using boost::beast::http::verb;
using http::Request;

namespace {

boost::json::object Summary(const core::catalog::Procedure& p) {
  auto full = service::catalog::ProcedureToApiJson(p);
  boost::json::object out;
  for (const char* key : {"code", "name", "field", "level", "online_level", "time_limit",
                          "time_limit_hours", "fee"}) {
    if (full.contains(key)) out[key] = full[key];
  }
  return out;
}

std::vector<core::catalog::Procedure> ParseList(const boost::json::object& body) {
  auto it = body.find("procedures");
  if (it == body.end() || !it->value().is_array()) {
    throw FieldError("procedures", "phải là một danh sách thủ tục.");
  }
  std::vector<core::catalog::Procedure> out;
  const auto& array = it->value().as_array();
  for (size_t i = 0; i < array.size(); ++i) {
    if (!array[i].is_object()) {
      throw FieldError("procedures[" + std::to_string(i) + "]", "phải là một đối tượng.");
    }
    try {
      out.push_back(service::catalog::ProcedureFromJson(array[i].as_object()));
    } catch (const Error& e) {
      std::map<std::string, std::string> fields;
      for (const auto& [field, message] : e.fields()) {
        fields["procedures[" + std::to_string(i) + "]." + field] = message;
      }
      throw Error(e.code(), e.message(), e.detail(), fields);
    }
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
               boost::json::array items;
               for (const auto& p : result.items) items.push_back(Summary(p));
               return http::JsonResponse(ListJson(std::move(items), result.total, paging));
             }));

  router.Add(
      verb::get, "/api/v1/procedures/{code}", http::SyncHandler([&s](Request& request) {
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
        auto out = service::catalog::ProcedureToApiJson(view.procedure);
        boost::json::array versions;
        for (const auto& v : view.versions) {
          versions.push_back(boost::json::object{{"version", v.version},
                                                 {"effective_from", v.effective_from},
                                                 {"created_at", FormatInstant(v.created_at)}});
        }
        out["versions"] = std::move(versions);
        return http::JsonResponse(out);
      }));

  router.Add(verb::get, "/api/v1/procedure-fields", http::SyncHandler([&s](Request&) {
               boost::json::array items;
               for (const auto& f : s.catalog.Fields()) {
                 items.push_back(boost::json::object{{"field", f.field}, {"count", f.count}});
               }
               return http::JsonResponse(boost::json::object{{"items", std::move(items)}});
             }));

  router.Add(verb::post, "/api/v1/procedures", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto procedure = service::catalog::ProcedureFromJson(request.json());
               auto saved = s.catalog.Save(caller, std::move(procedure));
               return http::JsonResponse(service::catalog::ProcedureToApiJson(saved),
                                         status::created);
             }));

  router.Add(verb::get, "/api/v1/catalog/export", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               boost::json::array list;
               for (const auto& p : s.catalog.Export(caller)) {
                 list.push_back(service::catalog::ProcedureToJson(p));
               }
               return http::JsonResponse(boost::json::object{{"procedures", std::move(list)}});
             }));

  router.Add(verb::post, "/api/v1/catalog/import", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               auto result = s.catalog.Import(caller, ParseList(request.json()));
               return http::JsonResponse(boost::json::object{{"created", result.created},
                                                             {"versioned", result.versioned},
                                                             {"unchanged", result.unchanged}});
             }));
}

}  // namespace egov::api
