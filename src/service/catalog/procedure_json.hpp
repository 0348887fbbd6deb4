// The JSON form of a procedure (docs/catalog.md) in both directions. Reading collects a
// Vietnamese message per offending field and throws them together as one
// validation_failed error; unknown members are refused.
#pragma once

#include <boost/json.hpp>

#include "core/catalog/procedure.hpp"

namespace egov::service::catalog {

core::catalog::Procedure ProcedureFromJson(const boost::json::object& json);
// The stored form (no derived members).
boost::json::object ProcedureToJson(const core::catalog::Procedure& p);
// The stored form plus "version", "time_limit_hours" and "fee.amount_in_words".
boost::json::object ProcedureToApiJson(const core::catalog::Procedure& p);

}  // namespace egov::service::catalog
