// Loading the demo world (see demo.hpp).
#include "service/demo/demo.hpp"

#include <fmt/format.h>

#include <array>
#include <boost/describe/class.hpp>
#include <map>
#include <stdexcept>

#include "core/embedded.hpp"
#include "json/read.hpp"
#include "service/catalog/procedure_json.hpp"
#include "store/access/agencies.hpp"
#include "store/access/users.hpp"
#include "store/settings.hpp"

EGOV_EMBEDDED_SET(demo_data)

namespace egov::service::demo {

namespace {

constexpr const char* kMarker = "demo.loaded";

// data/demo/organisation.json
struct DemoAgency {
  std::string code;
  json::Omittable<std::string> parent;  // left out: the root
  std::string name;
  std::string kind;
  json::Omittable<std::string> abbreviation;
  bool verified = false;  // whether the code was found in a source (documentation only)
};
BOOST_DESCRIBE_STRUCT(DemoAgency, (), (code, parent, name, kind, abbreviation, verified))

struct DemoUser {
  std::string username;
  std::string full_name;
  std::string agency;
  std::vector<std::string> roles;
};
BOOST_DESCRIBE_STRUCT(DemoUser, (), (username, full_name, agency, roles))

struct DemoOrganisation {
  std::string source;
  std::string password;
  std::vector<DemoAgency> agencies;
  std::vector<DemoUser> users;
};
BOOST_DESCRIBE_STRUCT(DemoOrganisation, (), (source, password, agencies, users))
constexpr auto JsonRules(json::For<DemoOrganisation>) {
  return std::to_array<json::FieldRule>({
      {"source", {.max_chars = 100'000}},
      {"agencies", {.max_items = 1000}},
      {"users", {.max_items = 1000}},
  });
}

// data/demo/procedures.json
struct DemoCatalog {
  std::string source;
  std::vector<catalog::ProcedureJson> procedures;
};
BOOST_DESCRIBE_STRUCT(DemoCatalog, (), (source, procedures))
constexpr auto JsonRules(json::For<DemoCatalog>) {
  return std::to_array<json::FieldRule>({
      {"source", {.max_chars = 100'000}},
      {"procedures", {.max_items = 1000}},
  });
}

// A shipped file that does not read is a build defect: json::CorruptData.
const DemoOrganisation& Organisation() {
  static const DemoOrganisation organisation = [] {
    for (const auto& file : embedded::demo_data_files()) {
      if (file.path.ends_with("organisation.json")) {
        return json::ReadStored<DemoOrganisation>(file.bytes, file.path);
      }
    }
    throw std::runtime_error("data/demo/organisation.json is not compiled in");
  }();
  return organisation;
}

}  // namespace

std::string DemoPassword() { return Organisation().password; }

std::vector<DemoAccount> DemoAccounts() {
  std::map<std::string, std::string> names;
  for (const auto& a : Organisation().agencies) names[a.code] = a.name;
  std::vector<DemoAccount> out;
  for (const auto& u : Organisation().users) {
    out.push_back({u.username, u.full_name, u.agency, names[u.agency], u.roles});
  }
  return out;
}

LoadResult LoadDemo(store::Database& db, access::Directory& directory, catalog::Catalog& catalog,
                    const core::Clock& clock) {
  LoadResult result;
  {
    store::Session s(db);
    result.already_loaded = store::FindSetting(s, kMarker).has_value();
  }
  for (const auto& a : Organisation().agencies) {
    if (result.already_loaded) break;
    {
      store::Session s(db);
      if (store::access::FindAgencyByCode(s, a.code)) continue;
    }
    access::NewAgency agency;
    agency.code = a.code;
    agency.parent_code = a.parent.value_or({});
    agency.name = a.name;
    agency.kind = a.kind;
    agency.abbreviation = a.abbreviation.value_or({});
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
  if (result.already_loaded) return result;
  for (const auto& file : embedded::demo_data_files()) {
    if (!file.path.ends_with("procedures.json")) continue;
    auto document = json::ReadStored<DemoCatalog>(file.bytes, file.path);
    std::vector<core::catalog::Procedure> procedures;
    json::ReadingStored(file.path, [&] {
      for (std::size_t i = 0; i < document.procedures.size(); ++i) {
        procedures.push_back(catalog::ProcedureOf(std::move(document.procedures[i]),
                                                  fmt::format("procedures[{}].", i)));
      }
    });
    result.procedures_created = catalog.ImportAsSystem(std::move(procedures), "demo").created;
  }
  store::WriteTransaction tx(db);
  store::InsertSetting(tx, kMarker, "1", clock.NowMillis());
  tx.Commit();
  return result;
}

}  // namespace egov::service::demo
