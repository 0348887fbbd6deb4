// Typed database failures on both engines: a unique violation is recognised by the engine's
// error code and named; other failures are not mistaken for one.
#include "store/errors.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>

#include "core/access/model.hpp"
#include "store/access/agencies.hpp"
#include "store/access/users.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace egov::store {
namespace {

using testing::TestDatabase;

class StoreErrorsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { Migrate(db_); }
  TestDatabase test_db_{GetParam()};
  Database db_{test_db_.url(), 2};
};

INSTANTIATE_TEST_SUITE_P(Engines, StoreErrorsTest, ::testing::ValuesIn(egov::testing::Engines()),
                         [](const auto& info) { return info.param; });

void InsertSetting(WriteTransaction& tx, const std::string& key) {
  MappingUniqueViolation([&] {
    tx.sql() << "INSERT INTO settings (key, value, updated_at) VALUES (:k, 'v', 1)",
        soci::use(key, "k");
  });
}

core::access::Agency NewAgency(const std::string& code) {
  core::access::Agency a;
  a.code = code;
  a.name = "UBND xã Trà Sơn";
  a.kind = "commune";
  a.working_hours = "07:30-11:30,13:00-17:00";
  return a;
}

TEST_P(StoreErrorsTest, ADuplicatePrimaryKeyIsAUniqueViolation) {
  WriteTransaction tx(db_);
  InsertSetting(tx, "a");
  try {
    InsertSetting(tx, "a");
    FAIL() << "a second row with the same key was inserted";
  } catch (const UniqueViolation& e) {
    // SQLite names the column, PostgreSQL the constraint (settings_pkey).
    EXPECT_NE(e.constraint().find(GetParam() == "sqlite" ? "settings.key" : "settings_pkey"),
              std::string::npos)
        << e.constraint();
  }
}

TEST_P(StoreErrorsTest, ADuplicateUniqueColumnThrowsFromTheRepository) {
  WriteTransaction tx(db_);
  access::InsertAgency(tx, NewAgency("000.00.00.H48"), nullptr, 1);
  try {
    access::InsertAgency(tx, NewAgency("000.00.00.H48"), nullptr, 2);
    FAIL() << "a second agency with the same code was inserted";
  } catch (const UniqueViolation& e) {
    EXPECT_NE(e.constraint().find("code"), std::string::npos) << e.constraint();
    EXPECT_NE(std::string(e.what()), "");
  }
}

TEST_P(StoreErrorsTest, ADuplicateUsernameIsAUniqueViolation) {
  WriteTransaction tx(db_);
  auto agency = access::InsertAgency(tx, NewAgency("000.00.00.H48"), nullptr, 1);
  core::access::User u;
  u.username = "tiepnhan";
  u.full_name = "Nguyễn Văn A";
  u.agency_id = agency.id;
  u.password_hash = "x";
  u.roles = {core::access::Role::kReception};
  access::InsertUser(tx, u, 1);
  u.full_name = "Trần Thị B";
  EXPECT_THROW(access::InsertUser(tx, u, 2), UniqueViolation);
}

TEST_P(StoreErrorsTest, OtherFailuresAreNotUniqueViolations) {
  {
    // NOT NULL: a constraint, but not a unique one.
    WriteTransaction tx(db_);
    try {
      MappingUniqueViolation([&] {
        tx.sql() << "INSERT INTO settings (key, value, updated_at) VALUES ('a', NULL, 1)";
      });
      FAIL() << "NULL accepted";
    } catch (const UniqueViolation&) {
      FAIL() << "a NOT NULL violation taken for a unique violation";
    } catch (const soci::soci_error& e) {
      EXPECT_FALSE(IsUniqueViolation(e)) << e.what();
    }
  }
  {
    // Text that merely mentions UNIQUE is not one either.
    WriteTransaction tx(db_);
    try {
      MappingUniqueViolation([&] { tx.sql() << "SELECT * FROM no_table_UNIQUE_duplicate_key"; });
      FAIL() << "a missing table was queried";
    } catch (const UniqueViolation&) {
      FAIL() << "an unknown table taken for a unique violation";
    } catch (const soci::soci_error& e) {
      EXPECT_FALSE(IsUniqueViolation(e)) << e.what();
    }
  }
}

TEST_P(StoreErrorsTest, TheTransactionRollsBackAfterAUniqueViolation) {
  {
    WriteTransaction tx(db_);
    InsertSetting(tx, "a");
    EXPECT_THROW(InsertSetting(tx, "a"), UniqueViolation);
  }
  Session s(db_);
  int rows = -1;
  s.sql() << "SELECT COUNT(*) FROM settings", soci::into(rows);
  EXPECT_EQ(rows, 0);
}

}  // namespace
}  // namespace egov::store
