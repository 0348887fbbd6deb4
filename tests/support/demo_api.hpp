// What the API suites do again and again against the demo data: sign an officer in, and
// build an intake's components from the catalog's own list.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <string>

#include "http_client.hpp"

namespace egov::testing {

// Signs `user` in (every demo account's password is "demo") and returns the headers of that
// session: its cookie and its X-CSRF-Token. A refused login is a test failure (EXPECT).
std::map<std::string, std::string> SignIn(HttpClient& client, const std::string& user,
                                          const std::string& password = "demo");

// The components of `procedure_code` as the catalog lists them, in the shape an intake body
// takes: [{name, original, certified, copy}].
boost::json::array CatalogComponents(HttpClient& client, const std::string& procedure_code);

}  // namespace egov::testing
