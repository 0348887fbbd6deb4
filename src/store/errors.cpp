// Typed database failures (see errors.hpp).
#include "store/errors.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string_view>

namespace egov::store {

namespace {

// The text between the first pair of double quotes after `after`, or empty.
std::string Quoted(std::string_view message, std::string_view after) {
  auto at = message.find(after);
  if (at == std::string_view::npos) return {};
  auto open = message.find('"', at + after.size());
  if (open == std::string_view::npos) return {};
  auto close = message.find('"', open + 1);
  if (close == std::string_view::npos) return {};
  return std::string(message.substr(open + 1, close - open - 1));
}

// SQLite names the columns: "UNIQUE constraint failed: users.username" up to the line's end.
std::string SqliteColumns(std::string_view message) {
  constexpr std::string_view kFailed = "constraint failed: ";
  auto at = message.find(kFailed);
  if (at == std::string_view::npos) return {};
  auto rest = message.substr(at + kFailed.size());
  auto end = rest.find_first_of("\r\n");
  return std::string(end == std::string_view::npos ? rest : rest.substr(0, end));
}

}  // namespace

bool IsDatabaseError(const std::exception& e) {
  return dynamic_cast<const soci::soci_error*>(&e) != nullptr;
}

bool IsUniqueViolation(const soci::soci_error& e) {
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    // Connections open with extended result codes (store/database.cpp).
    return sqlite->result() == SQLITE_CONSTRAINT_UNIQUE ||
           sqlite->result() == SQLITE_CONSTRAINT_PRIMARYKEY;
  }
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    return pg->sqlstate() == "23505";
  }
  return false;
}

void Rethrow(const soci::soci_error& e) {
  if (!IsUniqueViolation(e)) throw;
  std::string_view message = e.what();
  std::string constraint = dynamic_cast<const soci::sqlite3_soci_error*>(&e)
                               ? SqliteColumns(message)
                               : Quoted(message, "unique constraint");
  throw UniqueViolation(std::move(constraint), e.what());
}

}  // namespace egov::store
