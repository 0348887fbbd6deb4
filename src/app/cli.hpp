// The egov command line (CONTRACT.md, "Command line"): parses arguments and runs a command.
#pragma once

namespace egov::app {

// Returns the process exit code.
int Main(int argc, char** argv);

}  // namespace egov::app
