// Versioned schema migrations, one folder per dialect (src/store/migrations/sqlite,
// src/store/migrations/postgresql), compiled into the binary. File names are
// NNNN_name.sql; each file runs once, in its own transaction with its row in
// schema_migrations, so a failed migration leaves the schema as it was. Concurrent
// migrators are serialised (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL).
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace egov::store {

struct Migration {
  int version;
  std::string name;
  std::string_view sql;
};

// The migrations of a dialect, ordered by version.
std::vector<Migration> MigrationsFor(Dialect dialect);

// Applies the migrations that are missing; returns how many ran. Idempotent.
int Migrate(Database& db);

// The highest applied version, 0 for an empty database.
int SchemaVersion(Database& db);

// Runs a script of several statements (no parameters) on the session's raw connection.
void ExecuteScript(soci::session& sql, Dialect dialect, const std::string& script);

}  // namespace egov::store
