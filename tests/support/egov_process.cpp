// Spawning egov for black-box tests (see egov_process.hpp).
#include "egov_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "exchange_log.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {

std::string EgovBinary() {
  if (const char* env = std::getenv("EGOV_BIN")) return env;
  return EGOV_BINARY;  // set by tests/api/CMakeLists.txt
}

namespace {

pid_t Spawn(const std::vector<std::string>& args, int in_fd, int out_fd, int err_fd) {
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    std::vector<char*> argv;
    std::string bin = EgovBinary();
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

CommandResult RunEgov(const std::vector<std::string>& args, const std::string& input) {
  std::string dir = MakeTempDir();
  std::string in_path = dir + "/in", out_path = dir + "/out", err_path = dir + "/err";
  std::ofstream(in_path) << input;
  int in_fd = ::open(in_path.c_str(), O_RDONLY);
  int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = Spawn(args, in_fd, out_fd, err_fd);
  ::close(in_fd);
  ::close(out_fd);
  ::close(err_fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CommandResult result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(out_path),
                       ReadFile(err_path)};
  std::filesystem::remove_all(dir);
  return result;
}

EgovServer::EgovServer(const std::string& db_url, const std::vector<std::string>& extra,
                       const std::string& start_at) {
  dir_ = MakeTempDir();
  log_path_ = dir_ + "/stderr.log";
  std::vector<std::string> args{"serve", "--db", db_url, "--listen", "127.0.0.1:0"};
  if (!start_at.empty()) {
    clock_path_ = dir_ + "/clock";
    SetTime(start_at);
    args.insert(args.end(), {"--test-clock-file", clock_path_});
  }
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  int null_fd = ::open("/dev/null", O_RDONLY);
  int err_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = Spawn(args, null_fd, pipe_fds[1], err_fd);
  ::close(pipe_fds[1]);
  ::close(null_fd);
  ::close(err_fd);

  std::string line;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  char ch;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{pipe_fds[0], POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    ssize_t n = ::read(pipe_fds[0], &ch, 1);
    if (n <= 0) break;
    if (ch == '\n') {
      if (ParseListeningLine(line, &host_, &port_)) break;
      line.clear();
    } else {
      line.push_back(ch);
    }
  }
  ::close(pipe_fds[0]);
  if (port_ == 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw std::runtime_error("egov serve did not start: " + ReadFile(log_path_));
  }
  MarkEgovServerPort(port_, true);
}

int EgovServer::Terminate(int seconds) {
  if (pid_ < 0) return -1;
  ::kill(pid_, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

void EgovServer::Kill() {
  if (pid_ < 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string EgovServer::Log() const { return ReadFile(log_path_); }

void EgovServer::SetTime(const std::string& instant) {
  if (clock_path_.empty()) throw std::logic_error("EgovServer::SetTime without start_at");
  // A new file renamed over the old one: the server never reads half a write, and sees a
  // new inode even when two writes fall within one tick of the file system's clock.
  const std::string next = clock_path_ + ".next";
  {
    std::ofstream out(next, std::ios::trunc);
    out << instant << "\n";
    if (!out.flush()) throw std::runtime_error("cannot write " + next);
  }
  std::filesystem::rename(next, clock_path_);
}

EgovServer::~EgovServer() {
  MarkEgovServerPort(port_, false);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

}  // namespace egov::testing
