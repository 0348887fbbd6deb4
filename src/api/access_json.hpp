// JSON shapes of the access capability (docs/access.md).
#pragma once

#include <boost/json.hpp>

#include "core/access/model.hpp"
#include "service/access/directory.hpp"

namespace egov::api {

boost::json::object UserJson(const core::access::User& user);
boost::json::object CallerJson(const core::access::Caller& caller);
boost::json::object AgencyJson(const core::access::Agency& agency);
boost::json::object AgencyTreeJson(const service::access::AgencyNode& node);

}  // namespace egov::api
