// Prometheus text rendering of the server's counters and histograms.
#include "http/metrics.hpp"

#include <fmt/format.h>

namespace egov::http {

void RouteMetrics::Record(unsigned status, std::uint64_t micros) {
  unsigned cls = status / 100;
  if (cls < by_class_.size()) by_class_[cls].fetch_add(1, std::memory_order_relaxed);
  double seconds = static_cast<double>(micros) / 1e6;
  for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) {
      buckets_[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(micros, std::memory_order_relaxed);
}

RouteMetrics& Metrics::Register(const std::string& method, const std::string& route) {
  std::lock_guard lock(mutex_);
  for (auto& r : routes_) {
    if (r.method_ == method && r.route_ == route) return r;
  }
  return routes_.emplace_back(method, route);
}

std::string Metrics::Render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP egov_http_requests_total HTTP requests by route and status class.\n";
  out += "# TYPE egov_http_requests_total counter\n";
  for (const auto& r : routes_) {
    for (unsigned cls = 1; cls < r.by_class_.size(); ++cls) {
      auto n = r.by_class_[cls].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out +=
          fmt::format("egov_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}xx\"}} {}\n",
                      r.method_, r.route_, cls, n);
    }
  }
  out += "# HELP egov_http_errors_total HTTP responses with a 5xx status, by route.\n";
  out += "# TYPE egov_http_errors_total counter\n";
  for (const auto& r : routes_) {
    auto n = r.by_class_[5].load(std::memory_order_relaxed);
    out += fmt::format("egov_http_errors_total{{method=\"{}\",route=\"{}\"}} {}\n", r.method_,
                       r.route_, n);
  }
  out +=
      "# HELP egov_http_request_duration_seconds Time from a request's last byte read to its "
      "response.\n";
  out += "# TYPE egov_http_request_duration_seconds histogram\n";
  for (const auto& r : routes_) {
    std::uint64_t cumulative = 0;
    std::string labels = fmt::format("method=\"{}\",route=\"{}\"", r.method_, r.route_);
    for (size_t i = 0; i < RouteMetrics::kBucketsSeconds.size(); ++i) {
      cumulative += r.buckets_[i].load(std::memory_order_relaxed);
      out += fmt::format("egov_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels,
                         RouteMetrics::kBucketsSeconds[i], cumulative);
    }
    auto count = r.count_.load(std::memory_order_relaxed);
    out += fmt::format("egov_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels,
                       count);
    out += fmt::format("egov_http_request_duration_seconds_sum{{{}}} {:.6f}\n", labels,
                       static_cast<double>(r.sum_micros_.load(std::memory_order_relaxed)) / 1e6);
    out += fmt::format("egov_http_request_duration_seconds_count{{{}}} {}\n", labels, count);
  }
  out += "# HELP egov_http_open_connections Connections currently open.\n";
  out += "# TYPE egov_http_open_connections gauge\n";
  out += fmt::format("egov_http_open_connections {}\n", open_connections.load());
  for (const auto& render : sections_) out += render();
  return out;
}

void Metrics::AddSection(std::function<std::string()> render) {
  std::lock_guard lock(mutex_);
  sections_.push_back(std::move(render));
}

}  // namespace egov::http
