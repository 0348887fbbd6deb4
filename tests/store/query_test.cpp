// Rows bound by column name (store/query.hpp): the result columns read from a statement's
// text, members bound whatever their order, mistakes refused when the statement is prepared,
// and 64-bit instants and NULLs read intact on both engines.
#include "store/query.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "test_database.hpp"

namespace egov::store {
namespace {

using Names = std::vector<std::string>;

TEST(ResultColumnsTest, NamesTheSelectListByAliasOrColumn) {
  EXPECT_EQ(ResultColumns("SELECT d.id, d.code, a.code AS agency_code, COUNT(*) AS n, "
                          "CASE WHEN v.effective_from <= :today THEN 1 ELSE 0 END AS in_force "
                          "FROM dossiers d JOIN agencies a ON a.id = d.receiving_agency_id "
                          "WHERE (SELECT 1 FROM x WHERE y IN (1, 2)) = 1"),
            (Names{"id", "code", "agency_code", "n", "in_force"}));
  EXPECT_EQ(ResultColumns("select distinct a.id, a.name from agencies a"), (Names{"id", "name"}));
  EXPECT_EQ(ResultColumns("SELECT 'a, b' AS text, x FROM t"), (Names{"text", "x"}));
  EXPECT_EQ(ResultColumns("SELECT COUNT(*) FROM t"), (Names{""}));
}

TEST(ResultColumnsTest, NamesTheReturningListOfAWrite) {
  EXPECT_EQ(ResultColumns("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash"),
            (Names{"seq", "hash"}));
  EXPECT_EQ(ResultColumns("INSERT INTO t (a, b) VALUES (:a, :b)"), Names{});
  EXPECT_EQ(ResultColumns("INSERT INTO t (a) SELECT id FROM u WHERE code = :c"), Names{});
}

struct Pair {
  std::string name;
  long long at = 0;
  soci::indicator at_ind = soci::i_null;
  void Bind(Columns& c) {
    c("at", at, at_ind);  // not the order of the SELECT list
    c("name", name);
  }
  std::pair<std::string, std::optional<long long>> Get() const {
    return {name, at_ind == soci::i_ok ? std::optional(at) : std::nullopt};
  }
};

template <class Row>
void Bind(const std::string& text) {
  Row row;
  Columns columns(text);
  row.Bind(columns);
}

TEST(ColumnsTest, RefusesAColumnTheStatementDoesNotHaveOrDoesNotNameOnce) {
  EXPECT_NO_THROW(Bind<Pair>("SELECT name, at FROM t"));
  EXPECT_THROW(Bind<Pair>("SELECT name, updated_at FROM t"), std::logic_error);
  EXPECT_THROW(Bind<Pair>("SELECT a.name, b.name, at FROM t"), std::logic_error);
}

TEST(ColumnsTest, RefusesAResultColumnThatNoMemberReads) {
  Pair row;
  Columns columns("SELECT name, at, extra FROM t");
  row.Bind(columns);
  Database db("sqlite::memory:", 1);
  Session s(db);
  soci::statement st(s.sql());
  EXPECT_THROW(columns.Into(st), std::logic_error);
}

class QueryRowsTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { Migrate(db_); }
  egov::testing::TestDatabase test_db_{GetParam()};
  Database db_{test_db_.url(), 2};
};

INSTANTIATE_TEST_SUITE_P(Engines, QueryRowsTest, ::testing::ValuesIn(egov::testing::Engines()),
                         [](const auto& info) { return info.param; });

TEST_P(QueryRowsTest, ReadsColumnsByNameWithInstantsAndNullsIntact) {
  WriteTransaction tx(db_);
  tx.sql() << "INSERT INTO login_failures (username, client_address, at) "
              "VALUES ('a', '1.2.3.4', 1770000000123)";
  const std::string key = "a";
  auto rows = QueryRows<Pair>(tx.sql(),
                              "SELECT at, username AS name FROM login_failures WHERE username = :u "
                              "UNION ALL SELECT NULL, 'none' ORDER BY name",
                              soci::use(key, "u"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].first, "a");
  EXPECT_EQ(rows[0].second, 1770000000123LL);
  EXPECT_EQ(rows[1].first, "none");
  EXPECT_EQ(rows[1].second, std::nullopt);
}

}  // namespace
}  // namespace egov::store
