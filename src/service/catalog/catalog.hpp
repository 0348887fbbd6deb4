// Use cases of the procedure catalog (docs/catalog.md): public search and reading, admin
// saving of new versions, import and export. Thread-safe.
#pragma once

#include <boost/describe/class.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/access/roles.hpp"
#include "core/catalog/procedure.hpp"
#include "core/clock.hpp"
#include "store/catalog/procedures.hpp"
#include "store/database.hpp"

namespace egov::service::catalog {

struct ProcedureView {
  core::catalog::Procedure procedure;
  std::vector<store::catalog::StoredVersion> versions;  // definition left empty
};

struct SearchQuery {
  std::string q, field, level;
  int page = 1, per_page = 50;
};
struct SearchResult {
  std::vector<core::catalog::Procedure> items;
  std::int64_t total = 0;
};

// Also the answer of the import (API) and its audit details.
struct ImportResult {
  int created = 0;    // new procedures
  int versioned = 0;  // new versions of existing ones
  int unchanged = 0;  // identical to their latest version
};
BOOST_DESCRIBE_STRUCT(ImportResult, (), (created, versioned, unchanged))

class Catalog {
 public:
  Catalog(store::Database& db, const core::Clock& clock);

  SearchResult Search(const SearchQuery& query) const;
  // The version in force today, or `version` when given. not_found for unknown codes.
  ProcedureView Get(const std::string& code, std::optional<int> version) const;
  // Only the definition (no version list): the version in force today, or `version`.
  core::catalog::Procedure Definition(const std::string& code, std::optional<int> version) const;
  std::vector<store::catalog::FieldCount> Fields() const;

  // Throws forbidden unless the caller may change the catalog: an administrator of the root
  // agency (CONTRACT.md, procedures). Save and Import check it; handlers call it first too,
  // so that a refused caller learns nothing from the validation of its body.
  static void RequireEditor(const core::access::Caller& caller);
  // Root admin: validates and saves as a new version; returns it with its number.
  core::catalog::Procedure Save(const core::access::Caller& caller,
                                core::catalog::Procedure procedure);
  std::vector<core::catalog::Procedure> Export(const core::access::Caller& caller) const;
  // Root admin. All or nothing: every definition is validated before anything is written.
  ImportResult Import(const core::access::Caller& caller,
                      std::vector<core::catalog::Procedure> procedures);
  // For `egov demo` and the command line.
  ImportResult ImportAsSystem(std::vector<core::catalog::Procedure> procedures,
                              const std::string& actor);

 private:
  void Check(const core::catalog::Procedure& p, store::Session& session,
             const std::string& prefix) const;
  ImportResult DoImport(std::vector<core::catalog::Procedure> procedures, const std::string& actor,
                        std::optional<std::int64_t> actor_id, const std::string& actor_agency);
  std::string Today() const;
  // A saved version never changes: parsed definitions are kept by (code, version).
  std::shared_ptr<const core::catalog::Procedure> CachedVersion(store::Session& session,
                                                                const std::string& code,
                                                                int version) const;

  store::Database& db_;
  const core::Clock& clock_;
  mutable std::mutex definitions_mutex_;
  mutable std::map<std::pair<std::string, int>, std::shared_ptr<const core::catalog::Procedure>>
      definitions_;
};

}  // namespace egov::service::catalog
