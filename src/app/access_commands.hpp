// Command-line administration: `egov user add`, `egov agency add`, `egov audit verify`.
#pragma once

#include <CLI/CLI.hpp>

namespace egov::app {

void AddAccessCommands(CLI::App& root, int& exit_code);

}  // namespace egov::app
