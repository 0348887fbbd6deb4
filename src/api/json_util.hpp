// Reading request JSON and query parameters with the error policy of CONTRACT.md, and
// writing the shared shapes (lists, instants). Every failure is a validation_failed error
// naming the field, in Vietnamese.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/request.hpp"

namespace egov::api {

// A string member; `max_chars` counts characters. Missing → error when required.
std::string RequiredString(const boost::json::object& body, const char* key,
                           std::size_t max_chars = 1000);
std::optional<std::string> OptionalString(const boost::json::object& body, const char* key,
                                          std::size_t max_chars = 1000);
std::optional<bool> OptionalBool(const boost::json::object& body, const char* key);
std::optional<std::vector<std::string>> OptionalStringArray(const boost::json::object& body,
                                                            const char* key,
                                                            std::size_t max_items = 50);
// Refuses members that the endpoint does not know (typos must not be silently ignored).
void RejectUnknownKeys(const boost::json::object& body, std::initializer_list<const char*> known);

struct Paging {
  int page = 1;
  int per_page = 50;
};
// ?page= from 1, ?per_page= 1..500 (default 50).
Paging ParsePaging(const http::Request& request);
// {"items":[…],"total":N,"page":P,"per_page":K}
boost::json::object ListJson(boost::json::array items, std::int64_t total, const Paging& paging);

// ISO 8601 in Vietnam time: "2026-02-25T10:00:00+07:00".
std::string FormatInstant(std::int64_t utc_millis);

// A path parameter that must be a positive integer id; not_found otherwise.
std::int64_t IdParam(const http::Request& request, const std::string& name);

}  // namespace egov::api
