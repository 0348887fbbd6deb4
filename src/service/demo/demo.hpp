// The demo world of CONTRACT.md § Demo (data/demo/organisation.json, compiled in): agencies
// one user of every role with the published password "demo", and the catalog of real
// procedures of data/demo/procedures.json. Loading is idempotent:
// a marker in `settings` records it, and a load interrupted half-way resumes. An account
// added to the file later is created by the next load of a world already loaded.
// The demo's dossiers are demo_dossiers.hpp's.
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "service/access/directory.hpp"
#include "service/catalog/catalog.hpp"
#include "store/database.hpp"

namespace egov::service::demo {

struct DemoAccount {
  std::string username, full_name, agency_code, agency_name;
  std::vector<std::string> roles;
};

// The accounts the demo creates, in file order (password: DemoPassword()).
std::vector<DemoAccount> DemoAccounts();
std::string DemoPassword();

struct LoadResult {
  bool already_loaded = false;
  int agencies_created = 0;
  int users_created = 0;
  int procedures_created = 0;
};
// Slow (one Argon2id hash per user).
LoadResult LoadDemo(store::Database& db, access::Directory& directory, catalog::Catalog& catalog,
                    const core::Clock& clock);

}  // namespace egov::service::demo
