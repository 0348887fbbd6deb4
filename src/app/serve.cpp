// The composition root of `egov serve`: builds the object graph (database, services through
// ServiceGraph, router, server) once, runs the io_context on N threads, and shuts down on
// SIGTERM/SIGINT.
#include <fmt/ranges.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>
#include <vector>

#include "api/routes.hpp"
#include "app/commands.hpp"
#include "app/system_clock.hpp"
#include "app/test_clock.hpp"
#include "app/test_jobs.hpp"
#include "app/wiring.hpp"
#include "core/calendar/date.hpp"
#include "http/blocking_pool.hpp"
#include "http/rate_limiter.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "service/jobs/worker.hpp"
#include "service/security/crypto.hpp"
#include "service/services.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace egov::app {

namespace {

// stderr without a flush per line: spdlog's own stderr sink calls fflush after every
// message, which is a write(2) per request for the access log.
class BufferedStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    std::fwrite(formatted.data(), 1, formatted.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

}  // namespace

// The log goes to stderr, block-buffered: one write per 64 KiB or per second instead of one
// per request (the access log writes a line for every request). Warnings and errors are
// written at once, and everything is flushed when the server stops.
void SetUpLogging(const std::string& level) {
  static char buffer[64 * 1024];
  std::setvbuf(stderr, buffer, _IOFBF, sizeof buffer);
  auto logger = std::make_shared<spdlog::logger>("egov", std::make_shared<BufferedStderrSink>());
  spdlog::register_logger(logger);
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(1));
}

int RunServe(Config config) {
  namespace asio = boost::asio;
  boost::system::error_code ec;
  auto address = asio::ip::make_address(config.host == "localhost" ? "127.0.0.1" : config.host, ec);
  if (ec) {
    std::cerr << "Địa chỉ lắng nghe không hợp lệ: " << config.host
              << " (cần một địa chỉ IP, ví dụ 127.0.0.1 hoặc 0.0.0.0).\n";
    return 2;
  }

  // Production uses SystemClock; `--test-clock-file` (loopback only, see Validate) swaps in
  // the file-driven TestClock for API and browser tests.
  SystemClock system_clock;
  std::unique_ptr<TestClock> test_clock;
  if (!config.test_clock_file.empty()) {
    try {
      test_clock = std::make_unique<TestClock>(config.test_clock_file);
    } catch (const std::exception& e) {
      std::cerr << "Cấu hình không hợp lệ: " << e.what() << "\n";
      return 2;
    }
    spdlog::warn(
        "TEST CLOCK IN USE: the time is read from {} (now {}); for tests only, never in "
        "production",
        config.test_clock_file, core::calendar::FormatVietnamInstant(test_clock->NowMillis()));
  }
  const core::Clock& clock =
      test_clock ? static_cast<const core::Clock&>(*test_clock) : system_clock;
  service::security::InitCrypto();
  store::Database db(config.db_url, config.db_pool_size);
  store::Migrate(db);
  service::access::AccessSettings access_settings;
  access_settings.token_lifetime_ms = std::int64_t{config.token_lifetime_days} * 24 * 3600 * 1000;
  ServiceGraph graph(
      db, clock,
      {.access = access_settings,
       .files_dir = config.files_dir,
       .seal_key_file = config.seal_key_file,
       .exchange_keys_dir = config.exchange_keys_dir,
       .exchange_trusted_dir = config.exchange_trusted_dir,
       .common_passwords = service::access::ShippedCommonPasswords(),
       // Known before the first request: from the configuration, else set once
       // listening below.
       .public_base_url = config.public_base_url,
       .mail = MailSettingsOf(config),
       .sms = SmsSettingsOf(config),
       .reminders = {.share_percent = static_cast<int>(config.reminders_share_percent)},
       .reminder_every_millis = std::int64_t{config.reminders_every_seconds} * 1000,
       .keep_done_millis = std::int64_t{config.jobs_keep_done_days} * 24 * 3600 * 1000});
  graph.calendar().LoadShippedSchedules();
  try {  // a bad exchange key stops the server now rather than failing the first export
    graph.exchange_keys().Load();
  } catch (const std::exception& e) {
    std::cerr << "Khóa trao đổi văn bản (edXML) không dùng được: " << e.what() << "\n";
    return 1;
  }
  const service::Services& services = graph.services();
  http::BlockingPool blocking_pool(config.blocking_threads, config.blocking_queue);

  // Background jobs (docs/jobs.md): the handlers the graph registered, and with
  // --test-job-log the test kind; the pool starts once the server listens.
  if (!config.test_job_log.empty()) {
    spdlog::warn("TEST JOB KIND IN USE: test_echo jobs are run and logged to {}; for tests only",
                 config.test_job_log);
    RegisterTestJobs(graph.job_handlers(), config.test_job_log);
  }
  service::jobs::WorkerPool workers(db, clock, graph.job_handlers(),
                                    {.workers = config.jobs_workers,
                                     .lease_millis = std::int64_t{config.jobs_lease_seconds} * 1000,
                                     .poll_millis = config.jobs_poll_ms});

  http::Metrics metrics;
  metrics.AddSection([&graph, &workers] {
    return service::jobs::MetricsText(graph.jobs().QueueCounts(), workers.Failures());
  });
  http::Router router(metrics);
  http::RateLimiter public_limiter(config.public_rate_limit, clock);
  router.SetPublicRateLimiter(&public_limiter);
  api::RegisterAllRoutes(router, services, metrics, blocking_pool);
  http::StaticFiles web(config.web_dir);
  if (web.size() == 0) {
    spdlog::warn("no web app in {}: only the API is served (run `make build`)", config.web_dir);
  }
  router.SetFallback([&web](http::Request& request) { return web.Serve(request); });

  asio::io_context io(static_cast<int>(config.threads));
  http::ServerOptions options;
  options.host = address.to_string();
  options.port = config.port;
  options.max_body_bytes = config.max_body_bytes;
  options.max_header_bytes = config.max_header_bytes;
  options.read_timeout = std::chrono::seconds(config.read_timeout_seconds);
  options.idle_timeout = std::chrono::seconds(config.idle_timeout_seconds);
  options.write_timeout = std::chrono::seconds(config.write_timeout_seconds);
  options.shutdown_timeout = std::chrono::seconds(config.shutdown_timeout_seconds);
  options.max_connections = config.max_connections;
  options.max_concurrent_uploads = static_cast<int>(config.max_concurrent_uploads);
  // Uploads stream into anonymous files here (same file system as the stored files).
  options.spool_dir = (std::filesystem::path(config.files_dir) / "spool").string();
  {
    std::error_code ec;
    std::filesystem::create_directories(options.spool_dir, ec);
    if (ec) {
      spdlog::error("cannot create the upload spool folder {}: {}", options.spool_dir,
                    ec.message());
      return 1;
    }
  }
  http::Server server(io, options, router, metrics);
  std::uint16_t port = 0;
  try {
    port = server.Listen();
  } catch (const boost::system::system_error& e) {
    std::cerr << "Không thể lắng nghe trên " << config.listen << ": " << e.code().message() << "\n";
    return 1;
  }
  std::string host = address.is_v6() ? "[" + options.host + "]" : options.host;
  if (graph.public_base_url().empty()) {
    graph.SetPublicBaseUrl("http://" + host + ":" + std::to_string(port));
  }
  server.Start();
  workers.Start();

  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (error) return;
    spdlog::info("signal {} received", signal);
    // Workers take no new job; the ones running finish (joined below) — or, if the process
    // is killed first, their leases expire and another process takes them.
    workers.RequestStop();
    server.Shutdown();
  });

  spdlog::info(
      "egov serving {} on {}:{} with {} threads, web app from {}, public URL {}; {} job workers "
      "as {} for kinds [{}]",
      db.display_url(), host, port, config.threads, config.web_dir, graph.public_base_url(),
      config.jobs_workers, workers.worker_id(), fmt::join(graph.job_handlers().Kinds(), ", "));
  std::cout << "listening on http://" << host << ":" << port << std::endl;

  std::vector<std::thread> threads;
  for (unsigned i = 1; i < config.threads; ++i) threads.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : threads) t.join();
  workers.Stop();
  spdlog::info("stopped");
  spdlog::default_logger()->flush();
  return 0;
}

int RunMigrate(const std::string& db_url) {
  store::Database db(db_url, 1);
  int applied = store::Migrate(db);
  std::cout << "{\"applied\":" << applied << ",\"schema_version\":" << store::SchemaVersion(db)
            << "}" << std::endl;
  return 0;
}

}  // namespace egov::app
