// The request body's character check, query parameters with the error policy of CONTRACT.md,
// and the shared shapes (lists, instants). Every failure is a validation_failed error naming
// the field, in Vietnamese. Bodies are mapped onto structs by json/read.hpp.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_view.hpp"
#include "http/request.hpp"

namespace egov::api {

// The request's body as a JSON object (Request::json(): 415, 400 as documented there), after
// one check of every string in it, at any depth: control characters (C0 including NUL, DEL,
// C1) and the invisible bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069) are refused with validation_failed naming the field
// ("applicant.full_name", "steps[1].name"). Newline, carriage return and tab are allowed only
// in multi-line fields (IsMultiLineField); passwords are not checked (never shown, only hashed).
// Every handler reads its body through this.
const boost::json::object& JsonBody(const http::Request& request);
// Names of members whose text may span lines: note, reason, comment, content, instruction.
bool IsMultiLineField(std::string_view key);
// nullopt when `text` (valid UTF-8) has none of the characters JsonBody refuses; otherwise a
// Vietnamese explanation naming the first one found ("U+202E").
std::optional<std::string> ForbiddenCharacterProblem(std::string_view text, bool multi_line);

struct Paging {
  int page = 1;
  int per_page = 50;
};
// ?page= from 1, ?per_page= 1..500 (default 50).
Paging ParsePaging(const http::Request& request);
// {"items":[…],"total":N,"page":P,"per_page":K}
template <class Item>
List<Item> ListOf(std::vector<Item> items, std::int64_t total, const Paging& paging) {
  return {std::move(items), total, paging.page, paging.per_page};
}

// ISO 8601 in Vietnam time: "2026-02-25T10:00:00+07:00".
std::string FormatInstant(std::int64_t utc_millis);

// A path parameter that must be a positive integer id; not_found otherwise.
std::int64_t IdParam(const http::Request& request, const std::string& name);

}  // namespace egov::api
