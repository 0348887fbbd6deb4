// Liveness and readiness: the process answers and its database accepts a query.
#pragma once

#include <string>

#include "store/database.hpp"

namespace egov::service::system {

struct Health {
  std::string database;  // "sqlite" | "postgresql"
  int schema_version;
};

// Probes the database the server runs on. Thread-safe; `db` must outlive it.
class HealthProbe {
 public:
  explicit HealthProbe(store::Database& db) : db_(db) {}

  // Queries the database; throws egov::Error(kUnavailable) when it does not answer.
  Health Check() const;

 private:
  store::Database& db_;
};

}  // namespace egov::service::system
