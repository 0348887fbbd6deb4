// Recording of test exchanges (see exchange_log.hpp).
#include "exchange_log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <set>

namespace egov::testing {

namespace {

std::mutex mutex;
std::multiset<unsigned short> egov_ports;  // guarded by `mutex`

bool IsTextBody(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json" || type.starts_with("text/");
}

std::string CurrentTest() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return info ? std::string(info->test_suite_name()) + "." + info->name() : "";
}

}  // namespace

void MarkEgovServerPort(unsigned short port, bool listening) {
  std::lock_guard lock(mutex);
  if (listening) {
    egov_ports.insert(port);
  } else if (auto it = egov_ports.find(port); it != egov_ports.end()) {
    egov_ports.erase(it);
  }
}

bool IsEgovServerPort(unsigned short port) {
  std::lock_guard lock(mutex);
  return egov_ports.contains(port);
}

void RecordExchange(const Exchange& exchange) {
  const char* dir = std::getenv("EGOV_API_EXCHANGES_DIR");
  if (dir == nullptr || *dir == '\0') return;
  boost::json::object headers;
  for (const auto& [name, value] : exchange.headers) headers[name] = value;
  auto type = exchange.headers.find("content-type");
  const std::string content_type = type == exchange.headers.end() ? "" : type->second;
  boost::json::object line{{"test", CurrentTest()},         {"method", exchange.method},
                           {"target", exchange.target},     {"status", exchange.status},
                           {"headers", std::move(headers)}, {"body_bytes", exchange.body.size()}};
  if (IsTextBody(content_type)) line["body"] = exchange.body;
  const std::string text = boost::json::serialize(line) + "\n";
  std::lock_guard lock(mutex);
  std::ofstream out(std::string(dir) + "/exchanges-" + std::to_string(::getpid()) + ".jsonl",
                    std::ios::app | std::ios::binary);
  out << text;
}

}  // namespace egov::testing
