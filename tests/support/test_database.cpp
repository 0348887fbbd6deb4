// Per-test databases on SQLite and PostgreSQL (see test_database.hpp).
#include "test_database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "store/database.hpp"

namespace egov::testing {

namespace {

std::string RandomSuffix() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return std::to_string(::getpid()) + "_" + std::to_string(random() % 1000000000);
}

const char* AdminUrl() { return std::getenv("EGOV_TEST_PG_ADMIN_URL"); }

}  // namespace

std::string MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "egov-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::vector<std::string> Engines() {
  std::vector<std::string> engines{"sqlite"};
  if (AdminUrl() && *AdminUrl()) {
    engines.push_back("postgresql");
  } else if (const char* require = std::getenv("EGOV_REQUIRE_PG"); require && *require == '1') {
    throw std::runtime_error(
        "EGOV_REQUIRE_PG=1 but EGOV_TEST_PG_ADMIN_URL is not set: run under scripts/with-postgres");
  }
  return engines;
}

TestDatabase::TestDatabase(const std::string& engine) : engine_(engine) {
  if (engine == "sqlite") {
    sqlite_dir_ = MakeTempDir();
    url_ = "sqlite:" + sqlite_dir_ + "/test.db";
    return;
  }
  const char* admin = AdminUrl();
  if (!admin) throw std::runtime_error("EGOV_TEST_PG_ADMIN_URL is not set");
  pg_name_ = "egov_t_" + RandomSuffix();
  {
    store::Database db(admin, 1);
    store::Session s(db);
    s.sql() << "CREATE DATABASE " + pg_name_;
  }
  std::string base(admin);
  url_ = base.substr(0, base.rfind('/') + 1) + pg_name_;
}

void TestDatabase::Execute(const std::string& statement) const {
  store::Database db(url_, 1);
  store::Session s(db);
  s.sql() << statement;
}

long long TestDatabase::QueryInt(const std::string& query) const {
  store::Database db(url_, 1);
  store::Session s(db);
  long long value = 0;
  s.sql() << query, soci::into(value);
  return value;
}

TestDatabase::~TestDatabase() {
  try {
    if (!sqlite_dir_.empty()) std::filesystem::remove_all(sqlite_dir_);
    if (!pg_name_.empty()) {
      store::Database db(AdminUrl(), 1);
      store::Session s(db);
      s.sql() << "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)";
    }
  } catch (...) {
    // Best effort: the whole cluster is removed by scripts/with-postgres anyway.
  }
}

}  // namespace egov::testing
