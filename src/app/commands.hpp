// The commands of the egov program, each run by Main() after parsing (src/app/cli.cpp).
#pragma once

#include <string>

#include "app/config.hpp"

namespace egov::app {

// egov serve: runs until SIGTERM/SIGINT, then shuts down gracefully. Returns the exit code.
int RunServe(Config config);

// egov migrate: prints what it applied. Returns the exit code.
int RunMigrate(const std::string& db_url);

// Sets up the process-wide logger (stderr, timestamps in UTC, level by name).
void SetUpLogging(const std::string& level);

}  // namespace egov::app
