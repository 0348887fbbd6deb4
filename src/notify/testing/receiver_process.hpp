// Tests only: a local receiver (tests/support/smtp_receiver.py or http_receiver.py) run by
// Debian's python3 as a child process, on a free loopback port, stopped by its PID. What it
// received is read back from its output folder as JSON. Header-only; nothing shipped uses it.
#pragma once

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace egov::notify::testing {

// The folder of the receivers' scripts and the python3 that runs them (set by CMake).
inline std::string SupportScript(const std::string& name) {
  return std::string(EGOV_TEST_SUPPORT_DIR) + "/" + name;
}

class ReceiverProcess {
 public:
  // Runs `python3 SCRIPT --out <fresh folder> ARGS…` and waits (at most 30 s) for its
  // "PORT n" line.
  ReceiverProcess(const std::string& script, const std::vector<std::string>& args) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "egov-receiver-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    out_ = pattern;
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> argv_text = {EGOV_PYTHON3, SupportScript(script), "--out", out_};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    const int rc = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
      ::close(fds[0]);
      throw std::runtime_error("cannot start " + script);
    }
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (line.find('\n') == std::string::npos) {
      pollfd p{fds[0], POLLIN, 0};
      if (std::chrono::steady_clock::now() > deadline || ::poll(&p, 1, 200) < 0) break;
      if (p.revents & (POLLIN | POLLHUP)) {
        char buffer[64];
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n <= 0) break;
        line.append(buffer, static_cast<std::size_t>(n));
      }
    }
    ::close(fds[0]);
    if (!line.starts_with("PORT ")) {
      Stop();
      throw std::runtime_error(script + " did not start: \"" + line + "\"");
    }
    port_ = std::stoi(line.substr(5));
  }
  ReceiverProcess(const ReceiverProcess&) = delete;
  ReceiverProcess& operator=(const ReceiverProcess&) = delete;
  ~ReceiverProcess() {
    Stop();
    std::error_code ec;
    std::filesystem::remove_all(out_, ec);
  }

  int port() const { return port_; }
  const std::string& out() const { return out_; }

  // The text of OUT/<name>, waiting up to 10 s for it to appear; "" if it never does.
  std::string File(const std::string& name) const {
    const auto path = std::filesystem::path(out_) / name;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!std::filesystem::exists(path) && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  // How many of OUT/1.json, 2.json … exist now.
  int Count() const {
    int n = 0;
    while (std::filesystem::exists(std::filesystem::path(out_) / (std::to_string(n + 1) + ".json")))
      ++n;
    return n;
  }

 private:
  void Stop() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }

  pid_t pid_ = -1;
  int port_ = 0;
  std::string out_;
};

}  // namespace egov::notify::testing
