// `egov calendar …` (CONTRACT.md, "Command line"): lunar/solar conversion, a year's days
// off, and due times, each printed as one JSON document on stdout.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>

namespace egov::app {

// Adds `calendar lunar|solar|holidays|due` to `root`. A subcommand's callback writes its JSON
// to stdout and leaves `exit_code` alone; on bad input (an unknown --agency included) it
// writes a Vietnamese message to stderr and sets `exit_code` to 1. With --db the database is
// migrated and its missing shipped schedules loaded first, as `egov serve` does.
void AddCalendarCommand(CLI::App& root, int& exit_code);

// The same, writing to the given streams (tests). The streams must outlive `root`.
void AddCalendarCommand(CLI::App& root, int& exit_code, std::ostream& out, std::ostream& err);

}  // namespace egov::app
