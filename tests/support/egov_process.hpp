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
  // With `start_at` (an ISO 8601 instant, "2026-02-13T16:59:00+07:00"), the server runs on
  // the test clock (`--test-clock-file`): its time is that instant plus the real time elapsed
  // since, until SetTime moves it.
  EgovServer(const std::string& db_url, const std::vector<std::string>& extra = {},
             const std::string& start_at = "");
  ~EgovServer();  // SIGKILL if still running

  const std::string& host() const { return host_; }
  unsigned short port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Sends SIGTERM and waits up to `seconds`; returns the exit status (or -1 on timeout).
  int Terminate(int seconds = 30);
  // Sends SIGKILL (kill -9: no clean-up at all) and reaps the process.
  void Kill();
  // What the server wrote to stderr (its log) so far.
  std::string Log() const;
  // Moves the server's time to `instant` (ISO 8601): its next reading of the clock answers
  // `instant` plus the real time elapsed since this call. Only for a server started with
  // `start_at`; throws std::logic_error otherwise.
  void SetTime(const std::string& instant);

 private:
  pid_t pid_ = -1;
  std::string host_;
  unsigned short port_ = 0;
  std::string log_path_;
  std::string dir_;
  std::string clock_path_;  // empty: the real clock
};

}  // namespace egov::testing
