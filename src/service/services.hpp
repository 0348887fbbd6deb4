// The use-case services the API layer calls, built once by the composition root
// (src/app/serve.cpp) and shared by all request threads. Members are references to objects
// that outlive every request.
#pragma once

#include "core/clock.hpp"
#include "store/database.hpp"

namespace egov::service {

struct Services {
  store::Database& db;
  const core::Clock& clock;
};

}  // namespace egov::service
