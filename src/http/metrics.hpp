// Prometheus metrics of the HTTP server: per route, requests by status class, and a latency
// histogram. Slots are registered before serving starts; recording is lock-free (atomics)
// and safe from any I/O thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace egov::http {

class RouteMetrics {
 public:
  static constexpr std::array<double, 14> kBucketsSeconds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  RouteMetrics(std::string method, std::string route)
      : method_(std::move(method)), route_(std::move(route)) {}
  void Record(unsigned status, std::uint64_t micros);

 private:
  friend class Metrics;
  std::string method_;
  std::string route_;
  std::array<std::atomic<std::uint64_t>, 6> by_class_{};  // index status/100 (1xx..5xx)
  std::array<std::atomic<std::uint64_t>, kBucketsSeconds.size()> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
};

class Metrics {
 public:
  // Returns a slot that lives as long as this object. Thread-safe, but meant for start-up.
  RouteMetrics& Register(const std::string& method, const std::string& route);
  // The Prometheus text exposition (version 0.0.4).
  std::string Render() const;
  // Adds metrics of another part of the program (the background jobs): `render` returns
  // their exposition text, appended to Render()'s at every scrape; it must be cheap and
  // thread-safe. For start-up.
  void AddSection(std::function<std::string()> render);
  // Connections currently open, maintained by the server.
  std::atomic<std::int64_t> open_connections{0};

 private:
  mutable std::mutex mutex_;  // guards routes_ (the deque itself; slots are atomic)
  std::deque<RouteMetrics> routes_;
  std::vector<std::function<std::string()>> sections_;  // guarded by mutex_
};

}  // namespace egov::http
