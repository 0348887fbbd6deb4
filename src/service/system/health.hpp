// Liveness and readiness: the process answers and its database accepts a query.
#pragma once

#include <string>

#include "store/database.hpp"

namespace egov::service::system {

struct Health {
  std::string database;  // "sqlite" | "postgresql"
  int schema_version;
};

// Queries the database; throws egov::Error(kUnavailable) when it does not answer.
Health CheckHealth(store::Database& db);

}  // namespace egov::service::system
