// Health check (see health.hpp).
#include "service/system/health.hpp"

#include "core/error.hpp"
#include "store/errors.hpp"
#include "store/settings.hpp"

namespace egov::service::system {

Health HealthProbe::Check() const {
  try {
    return {db_.dialect_name(), store::ProbeSchemaVersion(db_)};
  } catch (const store::Unavailable& e) {
    throw Error(ErrorCode::kUnavailable, "Cơ sở dữ liệu không phản hồi.", e.what());
  }
}

}  // namespace egov::service::system
