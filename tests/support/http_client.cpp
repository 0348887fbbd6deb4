// Blocking test HTTP client (see http_client.hpp).
#include "http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/json/parse.hpp>
#include <regex>

#include "exchange_log.hpp"

namespace egov::testing {

namespace beast = boost::beast;
namespace http = beast::http;

boost::json::value HttpResponse::json() const { return boost::json::parse(body); }

std::string HttpResponse::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

HttpClient::HttpClient(std::string host, unsigned short port)
    : host_(std::move(host)), port_(port) {}

HttpClient::~HttpClient() = default;

void HttpClient::Connect() {
  stream_ = std::make_unique<beast::tcp_stream>(io_);
  stream_->connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address(host_), port_));
  buffer_.clear();
}

HttpResponse HttpClient::Read() {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  stream_->expires_after(std::chrono::seconds(30));
  http::read(*stream_, buffer_, parser);
  auto res = parser.release();
  HttpResponse out;
  out.status = res.result_int();
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.headers[name] = std::string(field.value());
  }
  out.body = std::move(res.body());
  if (!res.keep_alive()) stream_.reset();
  return out;
}

HttpResponse HttpClient::Send(http::verb method, const std::string& target, const std::string& body,
                              const std::map<std::string, std::string>& headers) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    bool fresh = !stream_;
    if (fresh) Connect();
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, host_ + ":" + std::to_string(port_));
    for (const auto& [name, value] : headers) req.set(name, value);
    req.body() = body;
    req.keep_alive(true);
    if (!body.empty() || method == http::verb::post || method == http::verb::put) {
      req.prepare_payload();
    }
    try {
      http::write(*stream_, req);
      HttpResponse response = Read();
      Record(std::string(http::to_string(method)), target, response);
      return response;
    } catch (const boost::system::system_error&) {
      stream_.reset();  // a kept-alive connection the server closed: retry once on a new one
      if (fresh) throw;
    }
  }
  throw std::runtime_error("unreachable");
}

HttpResponse HttpClient::Get(const std::string& target,
                             const std::map<std::string, std::string>& headers) {
  return Send(http::verb::get, target, "", headers);
}

HttpResponse HttpClient::Post(const std::string& target, const std::string& body,
                              const std::string& content_type,
                              const std::map<std::string, std::string>& headers) {
  auto all = headers;
  all.emplace("Content-Type", content_type);
  return Send(http::verb::post, target, body, all);
}

HttpResponse HttpClient::Raw(const std::string& bytes) {
  Connect();
  boost::asio::write(stream_->socket(), boost::asio::buffer(bytes));
  HttpResponse response = Read();
  // The request line, when there is one: "METHOD TARGET HTTP/1.1".
  static const std::regex kRequestLine(R"(^([A-Z]+) (\S+) HTTP/1\.[01]\r\n)");
  std::smatch m;
  const std::string head = bytes.substr(0, bytes.find('\n') + 1);
  if (std::regex_search(head, m, kRequestLine)) {
    Record(m[1], m[2], response);
  } else {
    Record("", "", response);
  }
  return response;
}

void HttpClient::Record(const std::string& method, const std::string& target,
                        const HttpResponse& response) const {
  if (!IsEgovServerPort(port_)) return;
  RecordExchange({method, target, response.status, response.headers, response.body});
}

bool ParseListeningLine(const std::string& line, std::string* host, unsigned short* port) {
  static const std::regex kLine(R"(^listening on http://\[?([0-9a-fA-F.:]+)\]?:(\d+)\s*$)");
  std::smatch m;
  if (!std::regex_match(line, m, kLine)) return false;
  *host = m[1];
  *port = static_cast<unsigned short>(std::stoi(m[2]));
  return true;
}

}  // namespace egov::testing
