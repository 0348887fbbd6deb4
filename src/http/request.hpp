// One HTTP request as handlers see it: the parsed Beast message plus what the server learnt
// about it (request id, client address, matched route parameters). Not thread-safe; owned
// by the connection that read it and valid for the duration of the handler.
#pragma once

#include <boost/beast/http.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/request_body.hpp"

namespace egov::http {

namespace beast_http = boost::beast::http;
using BeastRequest = beast_http::request<RequestBody>;

class Request {
 public:
  Request(BeastRequest message, std::string request_id, std::string client_address);

  beast_http::verb method() const { return message_.method(); }
  std::string_view method_name() const { return message_.method_string(); }
  // The path without the query string, percent-decoded segments are not decoded here.
  std::string_view path() const { return path_; }
  // The whole body, from memory or from the spool file of an upload route.
  std::string_view body() const { return message_.body().view(); }
  std::string_view header(std::string_view name) const;
  std::string_view header(beast_http::field name) const;
  const BeastRequest& message() const { return message_; }

  const std::string& request_id() const { return request_id_; }
  const std::string& client_address() const { return client_address_; }

  // A query parameter, percent-decoded ("+" is a space). Throws egov::Error
  // (validation_failed) when the decoded value is not valid UTF-8.
  std::optional<std::string> query(std::string_view name) const;
  // A path parameter captured by the route pattern, e.g. {code}; already percent-decoded.
  const std::string& param(const std::string& name) const;
  void set_params(std::map<std::string, std::string> params) { params_ = std::move(params); }

  // The body parsed as a JSON object. Throws egov::Error: 415 when the media type is not
  // application/json (HasMediaType), 400 bad_request when the body is malformed JSON or invalid
  // UTF-8, 400 when the top level is not an object.
  const boost::json::object& json() const;

 private:
  BeastRequest message_;
  std::string request_id_;
  std::string client_address_;
  std::string_view path_;
  std::string_view query_string_;
  std::map<std::string, std::string> params_;
  mutable std::optional<boost::json::value> json_;
};

// True when the Content-Type value `content_type` names `media_type` ("type/subtype"): compared
// case-insensitively, ignoring parameters and the whitespace around the type (RFC 9110 §8.3.1),
// so "Application/JSON; charset=UTF-8" names "application/json".
bool HasMediaType(std::string_view content_type, std::string_view media_type);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Percent-decodes a URL component; `plus_is_space` for query strings. Returns nullopt on a
// malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace egov::http
