// The access capability's request body that has no input struct in the service (the others,
// agencies and users, are the service's input structs with their limits:
// service/access/directory.hpp), for json::Read.
#pragma once

#include <boost/describe/class.hpp>

#include "json/read.hpp"
#include "service/access/directory.hpp"

namespace egov::api {

// POST /api/v1/users/{username}/password
struct PasswordReset {
  std::string password;
};
BOOST_DESCRIBE_STRUCT(PasswordReset, (), (password))

constexpr auto JsonRules(json::For<PasswordReset>) {
  return std::to_array<json::FieldRule>({{"password", {.max_chars = 1024}}});
}

}  // namespace egov::api
