// The fixture most API suites share: one test database per engine (the suite is
// instantiated over Engines()), the demo world loaded into it without its dossiers (suites
// count and number dossiers of their own), and an egov server on it, on the test clock.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "demo_api.hpp"
#include "egov_process.hpp"
#include "http_client.hpp"
#include "test_database.hpp"

namespace egov::testing {

class DemoServerTest : public ::testing::TestWithParam<std::string> {
 protected:
  // Loads the demo world and serves it (the public rate limit off) with the clock at
  // `start_at` (ISO 8601; empty: the real clock). Call from SetUp; a failed load is fatal.
  void ServeDemo(const std::string& start_at = "") {
    auto r = RunEgov({"demo", "--no-dossiers", "--db", db_.url()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    server_ = std::make_unique<EgovServer>(
        db_.url(), std::vector<std::string>{"--public-rate-limit", "0"}, start_at);
    c_ = std::make_unique<HttpClient>(server_->host(), server_->port());
  }

  // Moves the clock to `instant` and signs `user` in: the headers of that session.
  std::map<std::string, std::string> At(const std::string& instant, const std::string& user) {
    server_->SetTime(instant);
    return SignIn(*c_, user);
  }

  // A land dossier (1.012789, district level) received at the district office's counter by
  // `tiepnhan` at `instant` (ISO 8601): its code, or "" after a failed EXPECT.
  std::string ReceiveLand(const std::string& instant) {
    namespace json = boost::json;
    json::object body{{"procedure_code", "1.012789"},
                      {"channel", "direct"},
                      {"applicant", json::object{{"full_name", "Phạm Thị Hoa"},
                                                 {"id_number", "051090004322"},
                                                 {"phone", "0905 123 457"},
                                                 {"address", "Thôn Bình Trung, huyện Trà Bồng"}}},
                      {"components", CatalogComponents(*c_, "1.012789")}};
    auto r = c_->Post("/api/v1/dossiers", json::serialize(body), "application/json",
                      At(instant, "tiepnhan"));
    EXPECT_EQ(r.status, 201u) << r.body;
    return r.status == 201u ? std::string(r.json().at("code").as_string()) : "";
  }

  TestDatabase db_{GetParam()};
  std::unique_ptr<EgovServer> server_;
  std::unique_ptr<HttpClient> c_;
};

}  // namespace egov::testing
