// Settings and the readiness probe (see settings.hpp).
#include "store/settings.hpp"

#include <soci/soci.h>

#include "store/errors.hpp"

namespace egov::store {

namespace {

constexpr const char* kSelectSetting = "SELECT value FROM settings WHERE key = :key";
constexpr const char* kInsertSetting =
    "INSERT INTO settings (key, value, updated_at) VALUES (:key, :value, :at)";
constexpr const char* kSelectSchemaVersion = "SELECT MAX(version) FROM schema_migrations";

}  // namespace

std::optional<std::string> FindSetting(Session& session, const std::string& key) {
  std::string value;
  soci::indicator ind = soci::i_null;
  session.sql() << kSelectSetting, soci::use(key, "key"), soci::into(value, ind);
  if (!session.sql().got_data() || ind != soci::i_ok) return std::nullopt;
  return value;
}

void InsertSetting(WriteTransaction& tx, const std::string& key, const std::string& value,
                   std::int64_t now) {
  long long at = now;
  MappingUniqueViolation([&] {
    tx.sql() << kInsertSetting, soci::use(key, "key"), soci::use(value, "value"),
        soci::use(at, "at");
  });
}

int ProbeSchemaVersion(Database& db) {
  try {
    Session s(db);
    int version = 0;
    soci::indicator ind = soci::i_null;
    s.sql() << kSelectSchemaVersion, soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
  } catch (const soci::soci_error& e) {
    throw Unavailable(e.what());
  }
}

}  // namespace egov::store
