// Fresh databases for black-box tests, one per test: a SQLite file in a temporary folder, or
// a new PostgreSQL database on the throwaway cluster of scripts/with-postgres (found through
// $EGOV_TEST_PG_ADMIN_URL), dropped afterwards. Engines() lists what this run covers; under
// `make test` ($EGOV_REQUIRE_PG=1) PostgreSQL must be there, so it can never be skipped.
#pragma once

#include <string>
#include <vector>

namespace egov::testing {

// "sqlite", and "postgresql" when a test cluster is available (fails the run when
// EGOV_REQUIRE_PG=1 and it is not).
std::vector<std::string> Engines();

class TestDatabase {
 public:
  explicit TestDatabase(const std::string& engine);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& url() const { return url_; }
  const std::string& engine() const { return engine_; }
  // Runs one SQL statement on the database directly (the same text on both engines), for
  // states no API call can reach, e.g. a token that expired.
  void Execute(const std::string& statement) const;
  // The one integer that `query` answers (the same text on both engines).
  long long QueryInt(const std::string& query) const;

 private:
  std::string engine_;
  std::string url_;
  std::string sqlite_dir_;
  std::string pg_name_;
};

// A unique temporary folder, removed by the caller.
std::string MakeTempDir();

}  // namespace egov::testing
