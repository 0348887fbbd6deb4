// Migration runner (see migrations.hpp).
#include "store/migrations.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "core/embedded.hpp"
#include "core/error.hpp"

EGOV_EMBEDDED_SET(migrations)

namespace egov::store {

namespace {

const char* CreateTableSql(Dialect dialect) {
  return dialect == Dialect::kSqlite
             ? "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
               " name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT"
             : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
               " name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
}

long long NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::vector<Migration> MigrationsFor(Dialect dialect) {
  const std::string prefix = dialect == Dialect::kSqlite ? "src/store/migrations/sqlite/"
                                                         : "src/store/migrations/postgresql/";
  std::vector<Migration> out;
  for (const auto& file : embedded::migrations_files()) {
    if (!file.path.starts_with(prefix)) continue;
    std::string base(file.path.substr(prefix.size()));
    auto underscore = base.find('_');
    if (underscore == std::string::npos || !base.ends_with(".sql")) continue;
    out.push_back({std::stoi(base.substr(0, underscore)),
                   base.substr(underscore + 1, base.size() - underscore - 5), file.bytes});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  return out;
}

void ExecuteScript(soci::session& sql, Dialect dialect, const std::string& script) {
  if (dialect == Dialect::kSqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* message = nullptr;
    if (sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &message) !=
        SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite_api::sqlite3_free(message);
      throw std::runtime_error("sqlite script failed: " + text);
    }
  } else {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    PGresult* result = PQexec(backend->conn_, script.c_str());
    auto status = PQresultStatus(result);
    std::string text = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      throw std::runtime_error("postgresql script failed: " + text);
    }
  }
}

int SchemaVersion(Database& db) {
  Session s(db);
  s.sql() << CreateTableSql(db.dialect());
  int version = 0;
  soci::indicator ind;
  s.sql() << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

int Migrate(Database& db) {
  {
    Session s(db);
    s.sql() << CreateTableSql(db.dialect());
  }
  int applied = 0;
  for (const auto& m : MigrationsFor(db.dialect())) {
    WriteTransaction tx(db);
    if (db.dialect() == Dialect::kPostgresql) {
      tx.sql() << "SELECT pg_advisory_xact_lock(7414001)";  // one migrator at a time
    }
    int present = 0;
    tx.sql() << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(m.version),
        soci::into(present);
    if (present) continue;
    try {
      ExecuteScript(tx.sql(), db.dialect(), std::string(m.sql));
    } catch (const std::exception& e) {
      throw std::runtime_error("migration " + std::to_string(m.version) + "_" + m.name +
                               " failed: " + e.what());
    }
    long long now = NowMillis();
    tx.sql() << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
        soci::use(m.version), soci::use(m.name), soci::use(now);
    tx.Commit();
    spdlog::info("migration {:04d}_{} applied", m.version, m.name);
    ++applied;
  }
  return applied;
}

}  // namespace egov::store
