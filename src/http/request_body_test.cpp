#include "http/request_body.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <filesystem>

namespace egov::http {
namespace {

namespace fs = std::filesystem;
namespace beast_http = boost::beast::http;

// Feeds a whole raw request to a parser, optionally spooling its body into `spool`.
beast_http::request<RequestBody> Parse(const std::string& raw, const std::string* spool) {
  beast_http::request_parser<RequestBody> parser;
  parser.eager(false);
  parser.body_limit(64 * 1024 * 1024);
  boost::beast::error_code ec;
  std::size_t used = parser.put(boost::asio::buffer(raw), ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_TRUE(parser.is_header_done());
  if (spool) {
    std::string error;
    EXPECT_TRUE(parser.get().body().SpoolTo(*spool, &error)) << error;
  }
  parser.eager(true);
  while (!parser.is_done() && !ec) {
    std::string_view rest(raw.data() + used, raw.size() - used);
    used += parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
  }
  EXPECT_FALSE(ec) << ec.message();
  return parser.release();
}

std::string Upload(const std::string& body) {
  return "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

fs::path TempDir() {
  auto dir = fs::temp_directory_path() / ("egov-spool-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

TEST(RequestBody, StaysInMemoryUnlessSpooled) {
  auto message = Parse(Upload("{\"a\":1}"), nullptr);
  EXPECT_FALSE(message.body().spooled());
  EXPECT_EQ(message.body().view(), "{\"a\":1}");
  EXPECT_EQ(message.body().size(), 7u);
}

TEST(RequestBody, SpoolsIntoAnAnonymousFileThatLeavesNoTrace) {
  const auto dir = TempDir();
  const std::string spool = dir.string();
  std::string payload(3 * 1024 * 1024 + 17, '\0');
  for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<char>(i * 131 % 251);
  {
    auto message = Parse(Upload(payload), &spool);
    EXPECT_TRUE(message.body().spooled());
    EXPECT_EQ(message.body().size(), payload.size());
    EXPECT_TRUE(message.body().view() == payload);
    // The file has no name in the spool folder, even while the request lives.
    EXPECT_TRUE(fs::is_empty(dir));
    // Moving the message (as the server does) keeps the body readable.
    auto moved = std::move(message);
    EXPECT_TRUE(moved.body().view() == payload);
  }
  EXPECT_TRUE(fs::is_empty(dir));
  fs::remove_all(dir);
}

TEST(RequestBody, AnEmptySpooledBodyIsEmpty) {
  const auto dir = TempDir();
  const std::string spool = dir.string();
  auto message = Parse(Upload(""), &spool);
  EXPECT_TRUE(message.body().spooled());
  EXPECT_TRUE(message.body().view().empty());
  fs::remove_all(dir);
}

TEST(RequestBody, CountsTheSpooledBodiesAlive) {
  const auto dir = TempDir();
  std::atomic<int> open{0};
  std::string error;
  {
    RequestBody::value_type a;
    ASSERT_TRUE(a.SpoolTo(dir.string(), &error, &open)) << error;
    EXPECT_EQ(open.load(), 1);
    RequestBody::value_type b = std::move(a);  // the count moves with the file
    EXPECT_EQ(open.load(), 1);
    RequestBody::value_type c;
    ASSERT_TRUE(c.SpoolTo(dir.string(), &error, &open)) << error;
    EXPECT_EQ(open.load(), 2);
    c = std::move(b);  // c's own file goes
    EXPECT_EQ(open.load(), 1);
  }
  EXPECT_EQ(open.load(), 0);
  RequestBody::value_type refused;
  EXPECT_FALSE(refused.SpoolTo("/nonexistent/egov/spool", &error, &open));
  EXPECT_EQ(open.load(), 0);
  fs::remove_all(dir);
}

TEST(RequestBody, RefusesAFolderThatCannotHoldFiles) {
  RequestBody::value_type body;
  std::string error;
  EXPECT_FALSE(body.SpoolTo("/nonexistent/egov/spool", &error));
  EXPECT_NE(error.find("/nonexistent/egov/spool"), std::string::npos);
  EXPECT_FALSE(body.spooled());
}

}  // namespace
}  // namespace egov::http
