// Document numbering counters on both engines (docs/documents.md, "Numbering"): consecutive
// per agency, year and series; a rolled-back allocation gives its number back (no gap in the
// register); concurrent allocations never share or skip a number.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <mutex>
#include <thread>
#include <vector>

#include "store/access/agencies.hpp"
#include "store/database.hpp"
#include "store/document/documents.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace egov::store {
namespace {

using testing::TestDatabase;

class DocumentNumbersTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    Migrate(db_);
    WriteTransaction tx(db_);
    core::access::Agency a;
    a.code = "000.00.99.H48";
    a.name = "UBND huyện Trà Bồng";
    a.kind = "district";
    a.abbreviation = "UBND";
    agency_ = access::InsertAgency(tx, a, nullptr, 1).id;
    a.code = "000.00.53.H48";
    a.name = "UBND huyện Bình Sơn";
    other_ = access::InsertAgency(tx, a, nullptr, 1).id;
    tx.Commit();
  }
  std::int64_t Next(std::int64_t agency, int year, const std::string& series) {
    WriteTransaction tx(db_);
    auto n = document::NextNumber(tx, agency, year, series);
    tx.Commit();
    return n;
  }

  TestDatabase test_db_{GetParam()};
  Database db_{test_db_.url(), 8};
  std::int64_t agency_ = 0, other_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Engines, DocumentNumbersTest,
                         ::testing::ValuesIn(egov::testing::Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(DocumentNumbersTest, ConsecutivePerAgencyYearAndSeries) {
  EXPECT_EQ(Next(agency_, 2026, "incoming"), 1);
  EXPECT_EQ(Next(agency_, 2026, "incoming"), 2);
  EXPECT_EQ(Next(agency_, 2026, "incoming"), 3);
  EXPECT_EQ(Next(agency_, 2026, "all"), 1);
  EXPECT_EQ(Next(agency_, 2026, "qppl:QĐ"), 1);
  EXPECT_EQ(Next(agency_, 2027, "incoming"), 1);  // a new year starts again at 01
  EXPECT_EQ(Next(other_, 2026, "incoming"), 1);
  EXPECT_EQ(Next(agency_, 2026, "incoming"), 4);
}

TEST_P(DocumentNumbersTest, RolledBackAllocationLeavesNoGap) {
  EXPECT_EQ(Next(agency_, 2026, "incoming"), 1);
  {
    WriteTransaction tx(db_);
    EXPECT_EQ(document::NextNumber(tx, agency_, 2026, "incoming"), 2);
    // destroyed without Commit: rolled back, as when a registration fails after its number
  }
  {
    WriteTransaction tx(db_);
    EXPECT_EQ(document::NextNumber(tx, agency_, 2026, "incoming"), 2);
    EXPECT_THROW(tx.sql() << "INSERT INTO no_such_table VALUES (1)", std::exception);
  }
  EXPECT_EQ(Next(agency_, 2026, "incoming"), 2);
}

TEST_P(DocumentNumbersTest, ConcurrentAllocationsAreConsecutive) {
  std::mutex mutex;
  std::vector<std::int64_t> numbers;
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto n = Next(agency_, 2026, "all");
        std::lock_guard lock(mutex);
        numbers.push_back(n);
      }
    });
  }
  for (auto& t : threads) t.join();
  std::sort(numbers.begin(), numbers.end());
  ASSERT_EQ(numbers.size(), 120u);
  for (std::size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(numbers[i], static_cast<int>(i) + 1);
}

TEST_P(DocumentNumbersTest, SchemeDefaultsToOneSeriesWithSecretApart) {
  {
    Session s(db_);
    auto scheme = document::FindScheme(s, agency_);
    EXPECT_EQ(scheme.administrative, core::document::SeriesScheme::kSingle);
    EXPECT_TRUE(scheme.secret_own);
  }
  {
    WriteTransaction tx(db_);
    document::SetScheme(tx, agency_, {core::document::SeriesScheme::kPerType, false});
    tx.Commit();
  }
  Session s(db_);
  auto scheme = document::FindScheme(s, agency_);
  EXPECT_EQ(scheme.administrative, core::document::SeriesScheme::kPerType);
  EXPECT_FALSE(scheme.secret_own);
  EXPECT_EQ(document::FindScheme(s, other_).administrative, core::document::SeriesScheme::kSingle);
}

}  // namespace
}  // namespace egov::store
