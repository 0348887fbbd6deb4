// Loading the demo world (see demo.hpp).
#include "service/demo/demo.hpp"

#include <boost/json.hpp>

#include <map>

#include "core/embedded.hpp"
#include "service/catalog/procedure_json.hpp"
#include "store/access/agencies.hpp"
#include "store/access/users.hpp"
#include "store/settings.hpp"

EGOV_EMBEDDED_SET(demo_data)

namespace egov::service::demo {

namespace {

constexpr const char* kMarker = "demo.loaded";

const boost::json::object& Document() {
  static const boost::json::value doc = [] {
    for (const auto& file : embedded::demo_data_files()) {
      if (file.path.ends_with("organisation.json")) return boost::json::parse(file.bytes);
    }
    throw std::runtime_error("data/demo/organisation.json is not compiled in");
  }();
  return doc.as_object();
}

std::string Str(const boost::json::value& v, const char* key) {
  const auto& o = v.as_object();
  auto it = o.find(key);
  return it == o.end() ? "" : std::string(it->value().as_string());
}

std::vector<std::string> Roles(const boost::json::value& v) {
  std::vector<std::string> out;
  for (const auto& r : v.at("roles").as_array()) out.emplace_back(r.as_string());
  return out;
}

}  // namespace

std::string DemoPassword() { return std::string(Document().at("password").as_string()); }

std::vector<DemoAccount> DemoAccounts() {
  std::map<std::string, std::string> names;
  for (const auto& a : Document().at("agencies").as_array()) names[Str(a, "code")] = Str(a, "name");
  std::vector<DemoAccount> out;
  for (const auto& u : Document().at("users").as_array()) {
    out.push_back({Str(u, "username"), Str(u, "full_name"), Str(u, "agency"),
                   names[Str(u, "agency")], Roles(u)});
  }
  return out;
}

LoadResult LoadDemo(store::Database& db, access::Directory& directory, catalog::Catalog& catalog,
                    const core::Clock& clock) {
  LoadResult result;
  {
    store::Session s(db);
    if (store::FindSetting(s, kMarker)) {
      result.already_loaded = true;
      return result;
    }
  }
  for (const auto& a : Document().at("agencies").as_array()) {
    {
      store::Session s(db);
      if (store::access::FindAgencyByCode(s, Str(a, "code"))) continue;
    }
    access::NewAgency agency;
    agency.code = Str(a, "code");
    agency.parent_code = Str(a, "parent");
    agency.name = Str(a, "name");
    agency.kind = Str(a, "kind");
    agency.abbreviation = Str(a, "abbreviation");
    directory.CreateAgencyAsSystem(agency, "demo");
    ++result.agencies_created;
  }
  for (const auto& account : DemoAccounts()) {
    {
      store::Session s(db);
      if (store::access::FindUserByUsername(s, account.username)) continue;
    }
    access::NewUser user{account.username, account.full_name, DemoPassword(), account.agency_code,
                         account.roles};
    directory.CreateUserAsSystem(user, "demo", /*skip_policy=*/true);
    ++result.users_created;
  }
  for (const auto& file : embedded::demo_data_files()) {
    if (!file.path.ends_with("procedures.json")) continue;
    std::vector<core::catalog::Procedure> procedures;
    const boost::json::value document = boost::json::parse(file.bytes);  // must outlive the loop
    for (const auto& p : document.at("procedures").as_array()) {
      procedures.push_back(catalog::ProcedureFromJson(p.as_object()));
    }
    result.procedures_created = catalog.ImportAsSystem(std::move(procedures), "demo").created;
  }
  store::WriteTransaction tx(db);
  store::InsertSetting(tx, kMarker, "1", clock.NowMillis());
  tx.Commit();
  return result;
}

}  // namespace egov::service::demo
