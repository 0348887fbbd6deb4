// The test-only job kind (see test_jobs.hpp).
#include "app/test_jobs.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace egov::app {

void RegisterTestJobs(service::jobs::JobRegistry& registry, const std::string& log_path) {
  registry.Register("test_echo", [log_path](service::jobs::JobContext& context) {
    const auto payload = boost::json::parse(context.payload()).as_object();
    std::int64_t sleep_ms = 0, fail_attempts = 0;
    if (const auto* v = payload.if_contains("sleep_ms")) sleep_ms = v->to_number<std::int64_t>();
    if (const auto* v = payload.if_contains("fail_attempts")) {
      fail_attempts = v->to_number<std::int64_t>();
    }
    if (context.attempt() <= fail_attempts) {
      throw std::runtime_error("test_echo: lần thử " + std::to_string(context.attempt()) +
                               " thất bại theo yêu cầu");
    }
    // Sleeps in slices of at most 100 ms, reporting progress after each (which extends the
    // lease): a job longer than its lease keeps it while its process lives.
    sleep_ms = std::clamp<std::int64_t>(sleep_ms, 0, 60'000);
    for (std::int64_t slept = 0; slept < sleep_ms;) {
      const auto slice = std::min<std::int64_t>(100, sleep_ms - slept);
      std::this_thread::sleep_for(std::chrono::milliseconds(slice));
      slept += slice;
      if (!context.ReportProgress(static_cast<int>(slept * 100 / sleep_ms))) {
        throw std::runtime_error("test_echo: mất quyền giữ việc");
      }
    }
    const std::string line = std::to_string(context.job().id) + " " +
                             std::to_string(context.attempt()) + " " + std::to_string(::getpid()) +
                             "\n";
    // One write(2) with O_APPEND: lines of concurrent workers and processes never interleave.
    const int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("test_echo: cannot open " + log_path);
    const auto written = ::write(fd, line.data(), line.size());
    ::close(fd);
    if (written != static_cast<ssize_t>(line.size())) {
      throw std::runtime_error("test_echo: cannot write " + log_path);
    }
  });
}

}  // namespace egov::app
