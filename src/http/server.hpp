// The HTTP/1.1 server: Boost.Beast on an Asio io_context run by N threads, one coroutine per
// connection (on its own strand), keep-alive, limits on header and body size, read / idle /
// write timeouts, a request id on every response and log line, a structured access log, and
// graceful shutdown (in-flight requests finish; idle keep-alive connections are closed).
#pragma once

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "http/metrics.hpp"
#include "http/router.hpp"

namespace egov::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;        // JSON bodies; 413 as soon as headers show more
  std::chrono::milliseconds read_timeout{30'000};  // headers + body of one request
  std::chrono::milliseconds idle_timeout{75'000};  // keep-alive wait for the next request
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_timeout{30'000};  // then remaining connections are cut
  std::size_t max_connections = 10'000;
  // Where upload routes spool their bodies (anonymous files); empty: the system's temp folder.
  std::string spool_dir;
  // Uploads being received at once (each up to its route's limit on disk); beyond: 503.
  int max_concurrent_uploads = 32;
};

class Server {
 public:
  Server(boost::asio::io_context& io, ServerOptions options, const Router& router,
         Metrics& metrics);

  // Binds and listens; returns the bound port (useful with port 0). Throws on failure.
  std::uint16_t Listen();
  // Starts accepting (after Listen()).
  void Start();
  // Graceful shutdown, callable from any thread: stop accepting, let in-flight requests
  // finish, close idle connections; after shutdown_timeout, cut the rest. When the last
  // connection has closed, the server holds no more work on the io_context.
  void Shutdown();

 private:
  struct Connection;
  boost::asio::awaitable<void> Accept();
  boost::asio::awaitable<void> Serve(std::shared_ptr<Connection> connection);
  void Forget(const std::shared_ptr<Connection>& connection);

  boost::asio::io_context& io_;
  ServerOptions options_;
  const Router& router_;
  Metrics& metrics_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer shutdown_timer_;  // on the acceptor strand
  RouteMetrics& rejected_metrics_;            // requests refused before routing (413, 431, 400)
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;  // guards connections_
  std::set<std::shared_ptr<Connection>> connections_;
  std::atomic<int> open_uploads_{0};  // spooled request bodies alive (RequestBody counts them)
};

// A fresh 16-hex-digit request id.
std::string NewRequestId();

}  // namespace egov::http
