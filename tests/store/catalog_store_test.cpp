// The catalog's version rules in SQL, on both engines: which version is in force on a day,
// through the per-connection statement intake uses and the one-shot query of the detail page.
#include <gtest/gtest.h>

#include "store/catalog/procedures.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace egov::store {
namespace {

class CatalogStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Database>(test_db_.url(), 2);
    Migrate(*db_);
  }
  void Append(const std::string& code, const std::string& effective_from) {
    WriteTransaction tx(*db_);
    catalog::AppendVersion(tx, code, "Thủ tục " + code, "Hộ tịch", "commune", code, effective_from,
                           "{}", 0, "test");
    tx.Commit();
  }
  // Both ways of asking must agree.
  std::optional<int> InForce(const std::string& code, const std::string& today) {
    Session s(*db_);
    auto cached = catalog::VersionInForce(s, code, today);
    auto full = catalog::FindInForce(s, code, today);
    EXPECT_EQ(cached.has_value(), full.has_value()) << code << " " << today;
    if (cached && full) {
      EXPECT_EQ(*cached, full->version) << code << " " << today;
    }
    return cached;
  }
  testing::TestDatabase test_db_{GetParam()};
  std::unique_ptr<Database> db_;
};

INSTANTIATE_TEST_SUITE_P(Engines, CatalogStoreTest, ::testing::ValuesIn(egov::testing::Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(CatalogStoreTest, VersionInForceIsTheLatestEffectiveElseTheEarliestToCome) {
  Append("1.000001", "2020-01-01");                 // v1
  Append("1.000001", "2024-07-01");                 // v2
  Append("1.000001", "2030-01-01");                 // v3, not yet in force
  EXPECT_EQ(InForce("1.000001", "2019-12-31"), 1);  // nothing in force yet: the earliest
  EXPECT_EQ(InForce("1.000001", "2020-01-01"), 1);
  EXPECT_EQ(InForce("1.000001", "2024-06-30"), 1);
  EXPECT_EQ(InForce("1.000001", "2024-07-01"), 2);
  EXPECT_EQ(InForce("1.000001", "2026-11-26"), 2);
  EXPECT_EQ(InForce("1.000001", "2030-01-01"), 3);
  // A later version that takes effect earlier than the one before it still wins once in force.
  Append("1.000001", "2025-01-01");  // v4
  EXPECT_EQ(InForce("1.000001", "2026-11-26"), 4);
  EXPECT_EQ(InForce("1.000001", "2031-01-01"), 4);
  // Only future versions: the earliest to come, then the lowest number.
  Append("2.000002", "2040-01-01");
  Append("2.000002", "2035-01-01");
  EXPECT_EQ(InForce("2.000002", "2026-11-26"), 2);
  EXPECT_EQ(InForce("9.999999", "2026-11-26"), std::nullopt);
  // The cached statement sees versions written after it was prepared.
  Append("2.000002", "2026-01-01");
  EXPECT_EQ(InForce("2.000002", "2026-11-26"), 3);
}

}  // namespace
}  // namespace egov::store
