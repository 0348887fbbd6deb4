// bare_server: the baseline for Egov's HTTP benchmarks (bench/run).
//
// The least an HTTP/1.1 server built like egov can do: Boost.Beast over Asio, C++20
// coroutines, one io_context run by N threads, a strand and a tcp_stream with a timeout per
// connection, keep-alive. Every request gets the same small JSON body that egov's
// GET /api/v1/health returns, so "egov req/s ÷ bare req/s" is what egov's routing,
// middleware, database and JSON cost on top of the transport.
//
//   bare_server [--listen HOST:PORT] [--threads N]
//
// Prints `listening on http://HOST:PORT` once it accepts connections (port 0 picks a free
// port); stops on SIGINT or SIGTERM.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kBody = R"({"status":"ok","database":"sqlite"})";
constexpr auto kIdleTimeout = std::chrono::seconds(30);
constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);

struct Options {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  unsigned threads = std::max(1U, std::thread::hardware_concurrency());
};

[[noreturn]] void Usage(const char* argv0, int status) {
  (status == 0 ? std::cout : std::cerr)
      << "usage: " << argv0 << " [--listen HOST:PORT] [--threads N]\n"
      << "Answers every HTTP request with " << kBody << " (the benchmark baseline).\n";
  std::exit(status);
}

Options ParseArgs(int argc, char** argv) {
  Options opts;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      Usage(argv[0], 0);
    }
    if (i + 1 >= argc) {
      Usage(argv[0], 2);
    }
    const std::string value = argv[++i];
    if (arg == "--listen") {
      const auto colon = value.rfind(':');
      if (colon == std::string::npos) {
        Usage(argv[0], 2);
      }
      opts.host = value.substr(0, colon);
      opts.port = static_cast<unsigned short>(std::stoul(value.substr(colon + 1)));
    } else if (arg == "--threads") {
      opts.threads = static_cast<unsigned>(std::stoul(value));
      if (opts.threads == 0) {
        Usage(argv[0], 2);
      }
    } else {
      Usage(argv[0], 2);
    }
  }
  return opts;
}

asio::awaitable<void> Session(beast::tcp_stream stream) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> req;
    stream.expires_after(kIdleTimeout);
    auto [read_ec, read_n] = co_await http::async_read(stream, buffer, req, kUseTuple);
    if (read_ec) {
      break;  // end of stream, timeout, or a malformed request: just close
    }

    http::response<http::string_body> res{http::status::ok, req.version()};
    res.set(http::field::content_type, "application/json");
    res.keep_alive(req.keep_alive());
    res.body() = kBody;
    res.prepare_payload();

    auto [write_ec, write_n] = co_await http::async_write(stream, res, kUseTuple);
    if (write_ec || !res.keep_alive()) {
      break;
    }
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Listen(tcp::acceptor& acceptor) {
  auto& ioc = static_cast<asio::io_context&>(acceptor.get_executor().context());
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), kUseTuple);
    if (ec == asio::error::operation_aborted) {
      co_return;
    }
    if (ec) {
      continue;  // e.g. EMFILE under overload: keep serving the open connections
    }
    socket.set_option(tcp::no_delay(true), ec);
    // The session runs on the connection's own strand (the socket's executor).
    auto executor = socket.get_executor();
    asio::co_spawn(executor, Session(beast::tcp_stream(std::move(socket))), asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options opts = ParseArgs(argc, argv);
    asio::io_context ioc{static_cast<int>(opts.threads)};

    const tcp::endpoint endpoint{asio::ip::make_address(opts.host), opts.port};
    tcp::acceptor acceptor{ioc};
    acceptor.open(endpoint.protocol());
    acceptor.set_option(asio::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);

    asio::signal_set signals{ioc, SIGINT, SIGTERM};
    signals.async_wait([&](const beast::error_code&, int) {
      beast::error_code ignored;
      acceptor.close(ignored);
      ioc.stop();
    });

    asio::co_spawn(ioc, Listen(acceptor), asio::detached);

    const auto bound = acceptor.local_endpoint();
    std::cout << "listening on http://" << bound.address().to_string() << ':' << bound.port()
              << std::endl;  // endl flushes: bench/run waits for this line

    std::vector<std::jthread> workers;
    workers.reserve(opts.threads - 1);
    for (unsigned i = 1; i < opts.threads; ++i) {
      workers.emplace_back([&ioc] { ioc.run(); });
    }
    ioc.run();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "bare_server: " << e.what() << '\n';
    return 1;
  }
}
