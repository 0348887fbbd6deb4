// Health check (see health.hpp).
#include "service/system/health.hpp"

#include <soci/soci.h>

#include "core/error.hpp"

namespace egov::service::system {

Health CheckHealth(store::Database& db) {
  try {
    store::Session s(db);
    int version = 0;
    soci::indicator ind;
    s.sql() << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
    return {db.dialect_name(), ind == soci::i_ok ? version : 0};
  } catch (const soci::soci_error& e) {
    throw Error(ErrorCode::kUnavailable, "Cơ sở dữ liệu không phản hồi.", e.what());
  }
}

}  // namespace egov::service::system
