// Connection handling of the HTTP server (see server.hpp for the contract).
#include "http/server.hpp"

#include <spdlog/spdlog.h>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <random>

namespace egov::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
// How much of a refused request's body is read and discarded before closing.
constexpr std::size_t kLingerBytes = 8 * 1024 * 1024;

struct Server::Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool idle = true;  // waiting for the first byte of a request; touched only on the strand
};

std::string NewRequestId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t value = random();
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) id[i] = kHex[value & 0xF];
  return id;
}

Server::Server(asio::io_context& io, ServerOptions options, const Router& router, Metrics& metrics)
    : io_(io),
      options_(std::move(options)),
      router_(router),
      metrics_(metrics),
      acceptor_(asio::make_strand(io)),
      shutdown_timer_(acceptor_.get_executor()),
      rejected_metrics_(metrics.Register("ANY", "rejected")) {}

std::uint16_t Server::Listen() {
  tcp::endpoint endpoint(asio::ip::make_address(options_.host), options_.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  return acceptor_.local_endpoint().port();
}

void Server::Start() { asio::co_spawn(acceptor_.get_executor(), Accept(), asio::detached); }

asio::awaitable<void> Server::Accept() {
  while (!stopping_) {
    auto accepted = co_await acceptor_.async_accept(asio::make_strand(io_), kTuple);
    boost::system::error_code ec = std::get<0>(accepted);
    if (ec) {
      if (stopping_ || ec == asio::error::operation_aborted) co_return;
      spdlog::warn("accept failed: {}", ec.message());
      // Out of descriptors and the like: back off instead of spinning.
      asio::steady_timer pause(acceptor_.get_executor(), std::chrono::milliseconds(50));
      co_await pause.async_wait(kTuple);
      continue;
    }
    auto connection = std::make_shared<Connection>(std::move(std::get<1>(accepted)));
    // Answers go out at once (a response is written whole; Nagle would only add delay).
    boost::system::error_code no_delay_ignored;
    connection->stream.socket().set_option(tcp::no_delay(true), no_delay_ignored);
    {
      std::lock_guard lock(mutex_);
      if (connections_.size() >= options_.max_connections) {
        spdlog::warn("connection refused: {} connections open", connections_.size());
        continue;  // the socket closes as `connection` goes away
      }
      connections_.insert(connection);
    }
    asio::co_spawn(connection->stream.get_executor(), Serve(connection), asio::detached);
  }
}

namespace {

// Appends `text` as a JSON string (quotes, backslashes and control characters escaped).
void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += ch;
    }
  }
  out += '"';
}

// One JSON line per request. Built by hand: it runs for every request, and a JSON object
// with its allocations cost more than the lookup it logs.
void AccessLog(const Request* request, std::string_view method, std::string_view target,
               const std::string& request_id, const std::string& remote, unsigned status,
               std::size_t bytes, std::uint64_t micros, const std::string& error_code) {
  if (!spdlog::should_log(spdlog::level::info)) return;
  std::string line;
  line.reserve(224 + target.size());
  line += '[';
  line += request_id;
  line += "] {\"msg\":\"access\",\"request_id\":";
  AppendJsonString(line, request_id);
  line += ",\"remote\":";
  AppendJsonString(line, remote);
  line += ",\"method\":";
  AppendJsonString(line, method);
  line += ",\"target\":";
  AppendJsonString(line, target);
  line += ",\"status\":";
  line += std::to_string(status);
  line += ",\"bytes\":";
  line += std::to_string(bytes);
  line += ",\"duration_us\":";
  line += std::to_string(micros);
  if (!error_code.empty()) {
    line += ",\"error\":";
    AppendJsonString(line, error_code);
  }
  if (request) {
    auto agent = request->header(beast::http::field::user_agent);
    if (!agent.empty()) {
      line += ",\"user_agent\":";
      AppendJsonString(line, agent);
    }
  }
  line += '}';
  spdlog::default_logger_raw()->log(spdlog::level::info, std::string_view(line));
}

// An error of Beast's HTTP parser (malformed request), as opposed to a network condition.
bool IsParseError(const boost::system::error_code& ec) {
  return ec.category() == beast::http::make_error_code(beast::http::error::bad_target).category();
}

beast::http::response<beast::http::string_body> ToBeast(Response& r, unsigned version,
                                                        bool keep_alive, bool head,
                                                        const std::string& request_id) {
  beast::http::response<beast::http::string_body> res{r.status, version};
  res.set(beast::http::field::content_type, r.content_type);
  res.set("X-Request-Id", request_id);
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "same-origin");
  bool has_cache_control = false;
  for (auto& [name, value] : r.headers) {
    if (beast::iequals(name, "Cache-Control")) has_cache_control = true;
    res.insert(name, value);
  }
  if (!has_cache_control) res.set(beast::http::field::cache_control, "no-store");
  res.keep_alive(keep_alive);
  res.body() = std::move(r.body);
  res.prepare_payload();
  if (head) res.body().clear();  // Content-Length stays that of the GET body
  return res;
}

}  // namespace

// GCC 12's coroutines mishandle temporaries and structured bindings inside co_await
// full-expressions (double destruction). Serve() therefore builds messages in plain
// functions, keeps them in named heap objects, and reads results with std::get.
namespace {

using BeastResponse = beast::http::response<beast::http::string_body>;

// For upload routes: the body will stream into an anonymous spool file. Refused before the
// body is read: with 503 past `max_open` uploads at once, with 500 when no file can be made
// (disk, permissions).
void SpoolBody(RequestBody::value_type& body, const std::string& dir,
               std::atomic<int>& open_uploads, int max_open, std::optional<Error>& refusal) {
  if (open_uploads.load() >= max_open) {
    refusal.emplace(ErrorCode::kUnavailable,
                    "Hệ thống đang nhận nhiều tệp cùng lúc. Vui lòng thử lại sau ít phút.",
                    "concurrent upload limit");
    return;
  }
  std::string reason;
  const std::string where = dir.empty() ? std::filesystem::temp_directory_path().string() : dir;
  if (body.SpoolTo(where, &reason, &open_uploads)) return;
  spdlog::error("cannot spool an upload: {}", reason);
  refusal.emplace(ErrorCode::kInternal, "Hệ thống không lưu tạm được tệp tải lên.", reason);
}

std::unique_ptr<BeastResponse> Refusal(const Error& error, unsigned version,
                                       const std::string& request_id, std::string* error_code) {
  Response r = ErrorResponse(error);
  *error_code = r.error_code;
  return std::make_unique<BeastResponse>(ToBeast(r, version, false, false, request_id));
}

}  // namespace

asio::awaitable<void> Server::Serve(std::shared_ptr<Connection> c) {
  metrics_.open_connections.fetch_add(1);
  auto& stream = c->stream;
  std::string remote;
  {
    boost::system::error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) remote = endpoint.address().to_string();
  }
  beast::flat_buffer buffer;

  while (!stopping_) {
    auto parser = std::make_unique<beast::http::request_parser<RequestBody>>();
    parser->header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    // Until the headers name the route, allow the largest body any route takes; then the
    // route's own limit applies (413 from the headers alone when Content-Length exceeds it).
    parser->body_limit(router_.LargestBodyLimit(options_.max_body_bytes));
    c->idle = buffer.size() == 0;
    stream.expires_after(c->idle ? options_.idle_timeout : options_.read_timeout);
    auto header_result = co_await beast::http::async_read_header(stream, buffer, *parser, kTuple);
    boost::system::error_code ec = std::get<0>(header_result);
    c->idle = false;
    const auto started = std::chrono::steady_clock::now();

    // A request refused before routing: answered, then the connection closes.
    std::optional<Error> refusal;
    std::string refusal_id;  // set when the refusal came from a route's check
    if (ec == beast::http::error::header_limit) {
      refusal.emplace(ErrorCode::kPayloadTooLarge, "Phần đầu của yêu cầu quá lớn.");
    } else if (ec == beast::http::error::body_limit) {  // Content-Length above the limit
      refusal.emplace(ErrorCode::kPayloadTooLarge, "Nội dung yêu cầu vượt quá giới hạn cho phép.",
                      "content-length above limit");
    } else if (ec && IsParseError(ec) && ec != beast::http::error::end_of_stream &&
               ec != beast::http::error::partial_message) {
      refusal.emplace(ErrorCode::kBadRequest, "Yêu cầu HTTP không hợp lệ.", ec.message());
    } else if (ec) {
      break;                          // closed by the peer, timed out, or cancelled by shutdown
    } else if (!parser->is_done()) {  // a body follows: the route's limit, maybe a spool file
      const std::size_t limit = router_.BodyLimit(parser->get().method(), parser->get().target(),
                                                  options_.max_body_bytes);
      if (auto length = parser->content_length(); length && *length > limit) {
        refusal.emplace(ErrorCode::kPayloadTooLarge, "Nội dung yêu cầu vượt quá giới hạn cho phép.",
                        "content-length above limit");
      } else {
        parser->body_limit(limit);
        // The route may refuse from the headers (an upload without credentials) before the
        // body gets a spool slot or a byte of it is read.
        refusal_id = NewRequestId();
        refusal = router_.CheckBeforeBody(parser->get(), refusal_id, remote);
        if (!refusal && router_.SpoolsBody(parser->get().method(), parser->get().target())) {
          SpoolBody(parser->get().body(), options_.spool_dir, open_uploads_,
                    options_.max_concurrent_uploads, refusal);
        }
      }
    }

    if (!refusal) {
      if (beast::iequals(parser->get()[beast::http::field::expect], "100-continue")) {
        auto cont = std::make_unique<beast::http::response<beast::http::empty_body>>(
            beast::http::status::continue_, 11);
        stream.expires_after(options_.write_timeout);
        auto continue_result = co_await beast::http::async_write(stream, *cont, kTuple);
        if (std::get<0>(continue_result)) break;
      }
      // Most requests (GET) end with their headers: no second read, no second timer.
      if (!parser->is_done()) {
        stream.expires_after(options_.read_timeout);
        auto body_result = co_await beast::http::async_read(stream, buffer, *parser, kTuple);
        ec = std::get<0>(body_result);
        if (ec == beast::http::error::body_limit) {  // chunked bodies over the limit
          refusal.emplace(ErrorCode::kPayloadTooLarge,
                          "Nội dung yêu cầu vượt quá giới hạn cho phép.", "chunked body");
        } else if (ec && IsParseError(ec) && ec != beast::http::error::end_of_stream &&
                   ec != beast::http::error::partial_message) {
          refusal.emplace(ErrorCode::kBadRequest, "Yêu cầu HTTP không hợp lệ.", ec.message());
        } else if (ec) {
          break;
        }
      }
    }

    if (refusal) {
      const std::string id = refusal_id.empty() ? NewRequestId() : refusal_id;
      std::string error_code;
      const bool has_header = parser->is_header_done();
      const std::string method = has_header ? std::string(parser->get().method_string()) : "";
      const std::string target = has_header ? std::string(parser->get().target()) : "";
      auto res = Refusal(*refusal, has_header ? parser->get().version() : 11, id, &error_code);
      stream.expires_after(options_.write_timeout);
      auto write_result = co_await beast::http::async_write(stream, *res, kTuple);
      rejected_metrics_.Record(res->result_int(), 0);
      AccessLog(nullptr, method, target, id, remote, res->result_int(), std::get<1>(write_result),
                0, error_code);
      // Lingering close: the client may still be sending the body we refused. Closing now
      // would reset the connection and could destroy our answer in its receive buffer, so
      // stop sending, then read and discard for a bounded time and size.
      boost::system::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      stream.expires_after(std::chrono::seconds(2));
      auto sink = std::make_unique<std::array<char, 16384>>();
      std::size_t drained = 0;
      while (drained < kLingerBytes) {
        auto read_result = co_await stream.async_read_some(boost::asio::buffer(*sink), kTuple);
        if (std::get<0>(read_result)) break;
        drained += std::get<1>(read_result);
      }
      break;
    }

    auto request = std::make_unique<Request>(parser->release(), NewRequestId(), remote);
    parser.reset();
    const bool head = request->method() == beast::http::verb::head;
    auto routed = std::make_unique<Router::Routed>(co_await router_.Handle(*request));
    const bool keep_alive =
        request->message().keep_alive() && !stopping_ && !routed->response.close;
    const std::string error_code = routed->response.error_code;
    auto res = std::make_unique<BeastResponse>(ToBeast(
        routed->response, request->message().version(), keep_alive, head, request->request_id()));
    stream.expires_after(options_.write_timeout);
    auto write_result = co_await beast::http::async_write(stream, *res, kTuple);
    const auto micros =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                       std::chrono::steady_clock::now() - started)
                                       .count());
    routed->metrics->Record(res->result_int(), micros);
    AccessLog(request.get(), request->method_name(), request->message().target(),
              request->request_id(), remote, res->result_int(), std::get<1>(write_result), micros,
              error_code);
    if (std::get<0>(write_result) || !keep_alive) break;
  }

  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.close();
  metrics_.open_connections.fetch_sub(1);
  Forget(c);
}

void Server::Forget(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex_);
  connections_.erase(connection);
  if (stopping_ && connections_.empty()) {
    asio::post(shutdown_timer_.get_executor(), [this] { shutdown_timer_.cancel(); });
  }
}

void Server::Shutdown() {
  if (stopping_.exchange(true)) return;
  spdlog::info("shutting down: finishing requests in flight");
  asio::post(acceptor_.get_executor(), [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
  });
  std::lock_guard lock(mutex_);
  for (const auto& c : connections_) {
    asio::post(c->stream.get_executor(), [c] {
      if (c->idle) c->stream.socket().cancel();
    });
  }
  if (connections_.empty()) return;
  asio::post(shutdown_timer_.get_executor(), [this] {
    shutdown_timer_.expires_after(options_.shutdown_timeout);
    shutdown_timer_.async_wait([this](boost::system::error_code ec) {
      if (ec) return;  // cancelled: every connection closed in time
      std::lock_guard lock(mutex_);
      spdlog::warn("shutdown timeout: closing {} connections", connections_.size());
      for (const auto& c : connections_) {
        asio::post(c->stream.get_executor(), [c] { c->stream.socket().cancel(); });
      }
    });
  });
}

}  // namespace egov::http
