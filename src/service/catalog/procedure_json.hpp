// The stored JSON form of a procedure (docs/catalog.md): the definition column and the
// shipped catalog of data/, in both directions. Reading collects a Vietnamese message per
// offending field and throws them together as one validation_failed error; unknown members
// are refused. The API reads and writes the same shape through its own body and view
// (api/procedure_body.hpp, api/procedures.cpp).
#pragma once

#include <boost/json.hpp>

#include "core/catalog/procedure.hpp"

namespace egov::service::catalog {

core::catalog::Procedure ProcedureFromJson(const boost::json::object& json);
// The stored form (no derived members). The API's answers are its views (api/procedures.cpp).
boost::json::object ProcedureToJson(const core::catalog::Procedure& p);

}  // namespace egov::service::catalog
