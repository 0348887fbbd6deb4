// Runs the real egov binary for black-box tests: `egov serve` on a random loopback port
// (learnt from its "listening on" line), or any other subcommand to completion.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace egov::testing {

// Path of the egov binary under test (build/egov).
std::string EgovBinary();

struct CommandResult {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs `egov ARGS…` with `input` on stdin; waits for it to exit.
CommandResult RunEgov(const std::vector<std::string>& args, const std::string& input = "");

class EgovServer {
 public:
  // Starts `egov serve --db URL --listen 127.0.0.1:0 EXTRA…` and waits for it to listen.
  EgovServer(const std::string& db_url, const std::vector<std::string>& extra = {});
  ~EgovServer();  // SIGKILL if still running

  const std::string& host() const { return host_; }
  unsigned short port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends SIGTERM and waits up to `seconds`; returns the exit status (or -1 on timeout).
  int Terminate(int seconds = 30);
  // What the server wrote to stderr (its log) so far.
  std::string Log() const;

 private:
  pid_t pid_ = -1;
  std::string host_;
  unsigned short port_ = 0;
  std::string log_path_;
  std::string dir_;
};

}  // namespace egov::testing
