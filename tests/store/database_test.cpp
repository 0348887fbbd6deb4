// The store's foundations on both engines: URLs, migrations, write transactions, binding.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace egov::store {
namespace {

using testing::TestDatabase;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  TestDatabase test_db_{GetParam()};
};

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::ValuesIn(egov::testing::Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(StoreTest, ReportsItsDialect) {
  Database db(test_db_.url(), 1);
  EXPECT_EQ(db.dialect_name(), GetParam());
}

TEST_P(StoreTest, MigrateIsIdempotent) {
  Database db(test_db_.url(), 2);
  EXPECT_EQ(SchemaVersion(db), 0);
  int first = Migrate(db);
  EXPECT_EQ(first, static_cast<int>(MigrationsFor(db.dialect()).size()));
  EXPECT_GT(first, 0);
  EXPECT_EQ(Migrate(db), 0);
  EXPECT_EQ(SchemaVersion(db), MigrationsFor(db.dialect()).back().version);
  Session s(db);
  int rows = 0;
  s.sql() << "SELECT COUNT(*) FROM schema_migrations", soci::into(rows);
  EXPECT_EQ(rows, first);
}

TEST_P(StoreTest, BothDialectsHaveTheSameMigrationVersions) {
  auto a = MigrationsFor(Dialect::kSqlite);
  auto b = MigrationsFor(Dialect::kPostgresql);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].version, b[i].version);
    EXPECT_EQ(a[i].name, b[i].name);
  }
}

TEST_P(StoreTest, UncommittedWriteTransactionRollsBack) {
  Database db(test_db_.url(), 2);
  Migrate(db);
  {
    WriteTransaction tx(db);
    tx.sql() << "INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 1)";
    // no Commit(): destroyed by scope exit, as after an exception
  }
  Session s(db);
  int rows = -1;
  s.sql() << "SELECT COUNT(*) FROM settings", soci::into(rows);
  EXPECT_EQ(rows, 0);
}

TEST_P(StoreTest, NamedPlaceholdersBindByNameInAnyOrder) {
  Database db(test_db_.url(), 1);
  Migrate(db);
  std::string key = "k", value = "v";
  long long at = 1'700'000'000'000LL;  // beyond 32 bits: instants are epoch milliseconds
  {
    WriteTransaction tx(db);
    // Placeholders appear in another order than the use() calls.
    tx.sql() << "INSERT INTO settings (updated_at, value, key) VALUES (:at, :value, :key)",
        soci::use(key, "key"), soci::use(value, "value"), soci::use(at, "at");
    tx.Commit();
  }
  Session s(db);
  std::string got_value;
  long long got_at = 0;
  s.sql() << "SELECT value, updated_at FROM settings WHERE key = :key AND updated_at = :at",
      soci::use(at, "at"), soci::use(key, "key"), soci::into(got_value), soci::into(got_at);
  EXPECT_EQ(got_value, "v");
  EXPECT_EQ(got_at, at);
}

TEST_P(StoreTest, VietnameseTextRoundTripsVerbatim) {
  Database db(test_db_.url(), 1);
  Migrate(db);
  std::string key = "tên";
  std::string value = "Đăng ký khai sinh — Ủy ban nhân dân xã Trà Sơn'; DROP TABLE settings; --";
  long long at = 1;
  {
    WriteTransaction tx(db);
    tx.sql() << "INSERT INTO settings (key, value, updated_at) VALUES (:k, :v, :t)", soci::use(key),
        soci::use(value), soci::use(at);
    tx.Commit();
  }
  Session s(db);
  std::string got;
  s.sql() << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(got);
  EXPECT_EQ(got, value);
}

TEST_P(StoreTest, ConcurrentWriteTransactionsLoseNoUpdate) {
  Database db(test_db_.url(), 5);
  Migrate(db);
  {
    WriteTransaction tx(db);
    tx.sql() << "INSERT INTO settings (key, value, updated_at) VALUES ('counter', '0', 0)";
    tx.Commit();
  }
  constexpr int kThreads = 4, kIncrements = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kIncrements; ++i) {
        try {
          WriteTransaction tx(db);
          if (db.dialect() == Dialect::kPostgresql) {
            tx.sql() << "SELECT key FROM settings WHERE key = 'counter' FOR UPDATE";
          }
          long long n = 0;
          tx.sql() << "SELECT updated_at FROM settings WHERE key = 'counter'", soci::into(n);
          ++n;  // read-modify-write: only correct if writers are serialised
          tx.sql() << "UPDATE settings SET updated_at = :n WHERE key = 'counter'", soci::use(n);
          tx.Commit();
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  Session s(db);
  long long n = 0;
  s.sql() << "SELECT updated_at FROM settings WHERE key = 'counter'", soci::into(n);
  EXPECT_EQ(n, kThreads * kIncrements);
}

TEST(SqliteStore, TablesAreStrictAndForeignKeysEnforced) {
  TestDatabase test_db("sqlite");
  Database db(test_db.url(), 1);
  Migrate(db);
  Session s(db);
  // STRICT: a text in an INTEGER column is refused instead of stored.
  EXPECT_THROW(
      s.sql() << "INSERT INTO settings (key, value, updated_at) VALUES ('x', 'y', 'not a number')",
      soci::soci_error);
  int fk = 0;
  s.sql() << "PRAGMA foreign_keys", soci::into(fk);
  EXPECT_EQ(fk, 1);
  std::string mode;
  s.sql() << "PRAGMA journal_mode", soci::into(mode);
  EXPECT_EQ(mode, "wal");
}

TEST(DatabaseUrl, ParsesBothEnginesAndHidesThePassword) {
  auto sqlite = ParseDatabaseUrl("sqlite:var/egov.db");
  EXPECT_EQ(sqlite.dialect, Dialect::kSqlite);
  EXPECT_EQ(sqlite.sqlite_path, "var/egov.db");
  auto pg = ParseDatabaseUrl("postgresql://egov:s%40cret@127.0.0.1:5432/egov");
  EXPECT_EQ(pg.dialect, Dialect::kPostgresql);
  EXPECT_NE(pg.connection_string.find("password='s@cret'"), std::string::npos);
  EXPECT_NE(pg.connection_string.find("port=5432"), std::string::npos);
  EXPECT_EQ(pg.display.find("s%40cret"), std::string::npos);
}

TEST(DatabaseUrl, RejectsMalformedUrlsWithAClearError) {
  for (const char* bad : {"", "sqlite:", "mysql://x/y", "postgresql://host:99999999/db",
                          "postgresql://host/", "egov.db"}) {
    try {
      ParseDatabaseUrl(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kValidationFailed);
      EXPECT_NE(e.message().find("cơ sở dữ liệu"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace egov::store
