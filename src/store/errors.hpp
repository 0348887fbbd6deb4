// Failures of the database that callers act on, typed so that no service reads an engine's
// error text. The store's insert functions throw UniqueViolation when a row would duplicate
// a unique key, the readiness probe Unavailable; any other database failure stays a
// soci::soci_error (unexpected: a 500).
#pragma once

#include <soci/soci-backend.h>

#include <stdexcept>
#include <string>

namespace egov::store {

// A write broke a UNIQUE or PRIMARY KEY constraint. Detected by error code on both engines:
// SQLite's extended result SQLITE_CONSTRAINT_UNIQUE or SQLITE_CONSTRAINT_PRIMARYKEY,
// PostgreSQL's SQLSTATE 23505.
class UniqueViolation : public std::runtime_error {
 public:
  // `constraint`: PostgreSQL's constraint or index name ("users_username_key"), SQLite's
  // columns ("users.username"); empty when the engine did not say. `detail` is the engine's
  // message, for logs only.
  UniqueViolation(std::string constraint, const std::string& detail)
      : std::runtime_error(detail), constraint_(std::move(constraint)) {}
  const std::string& constraint() const { return constraint_; }

 private:
  std::string constraint_;
};

// The database did not answer (down, unreachable, or its schema missing). `what()` is the
// engine's message, for logs only.
class Unavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// True when `e` is a failure that the database engine reported (a soci::soci_error, not one of
// the types above), so that code outside the store can tell one apart without naming SOCI.
bool IsDatabaseError(const std::exception& e);

// True when `e` reports a unique violation (by the engine's code, not its text).
bool IsUniqueViolation(const soci::soci_error& e);

// Throws UniqueViolation for a unique violation, else rethrows `e` unchanged. Only inside a
// catch block that caught `e`.
[[noreturn]] void Rethrow(const soci::soci_error& e);

// Runs `write`, turning a unique violation it causes into UniqueViolation.
template <class F>
decltype(auto) MappingUniqueViolation(F&& write) {
  try {
    return write();
  } catch (const soci::soci_error& e) {
    Rethrow(e);
  }
}

}  // namespace egov::store
