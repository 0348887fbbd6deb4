// A small blocking HTTP/1.1 client for black-box tests (Boost.Beast), keeping its connection
// alive between requests like a browser would. Exchanges with the real egov server are
// recorded for the OpenAPI check when EGOV_API_EXCHANGES_DIR is set (exchange_log.hpp).
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <memory>
#include <string>

namespace egov::testing {

struct HttpResponse {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  boost::json::value json() const;  // parses body; throws on invalid JSON
  std::string header(const std::string& lower_name) const;
};

class HttpClient {
 public:
  HttpClient(std::string host, unsigned short port);
  ~HttpClient();

  HttpResponse Get(const std::string& target,
                   const std::map<std::string, std::string>& headers = {});
  HttpResponse Post(const std::string& target, const std::string& body,
                    const std::string& content_type = "application/json",
                    const std::map<std::string, std::string>& headers = {});
  HttpResponse Send(boost::beast::http::verb method, const std::string& target,
                    const std::string& body, const std::map<std::string, std::string>& headers);
  // Writes raw bytes and reads one response (for malformed requests).
  HttpResponse Raw(const std::string& bytes);

 private:
  void Connect();
  HttpResponse Read();
  // Hands the exchange to the exchange log (exchange_log.hpp) when the peer is egov.
  void Record(const std::string& method, const std::string& target,
              const HttpResponse& response) const;
  std::string host_;
  unsigned short port_;
  boost::asio::io_context io_;
  std::unique_ptr<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
};

// Parses "listening on http://HOST:PORT" into host and port; false if the line differs.
bool ParseListeningLine(const std::string& line, std::string* host, unsigned short* port);

}  // namespace egov::testing
