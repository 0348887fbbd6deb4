// Responses built from view structs described with Boost.Describe, written by the generic
// writer (json/write.hpp): an object with the view's members in declaration order (members of
// described bases first), named as declared:
//
//   struct SessionView { std::int64_t id; Instant created_at; std::string client_address; };
//   BOOST_DESCRIBE_STRUCT(SessionView, (), (id, created_at, client_address))
//   return JsonView(SessionView{…});
//
// Leaves are what the writer writes (strings, string_views, numbers, bools, vectors,
// boost::json::value, other described structs, std::optional<T> as null when empty, an
// Omittable<T> member left out when empty) plus the wire's own:
// - Instant: UTC epoch milliseconds written as ISO 8601 Vietnam time
//   ("2026-02-25T10:00:00+07:00", FormatInstant);
// - List<Item>: the list envelope of CONTRACT.md.
// Typed enums are put in a view by their CONTRACT.md names (core's Name(), RoleName()), as
// std::string_view. Views are wire shapes and live in the api layer; where the wire shape is a
// stored one (a procedure definition), the service's struct serves as it is.
#pragma once

#include <boost/describe/class.hpp>
#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "http/response.hpp"
#include "json/omittable.hpp"
#include "json/write.hpp"

namespace egov::api {

using json::Omittable;

// An instant, UTC epoch milliseconds; written as ISO 8601 in Vietnam time.
struct Instant {
  std::int64_t utc_millis = 0;
};
void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const Instant& at);

// nullopt stays nullopt (null in the answer).
std::optional<Instant> InstantOf(const std::optional<std::int64_t>& utc_millis);

// The list shape of CONTRACT.md: {"items":[…],"total":N,"page":P,"per_page":K}.
template <class Item>
struct List {
  std::vector<Item> items;
  std::int64_t total = 0;
  int page = 1;
  int per_page = 50;
  BOOST_DESCRIBE_CLASS(List, (), (items, total, page, per_page), (), ())
};

// The JSON answer of a view.
template <class View>
http::Response JsonView(const View& view,
                        boost::beast::http::status status = boost::beast::http::status::ok) {
  return http::JsonResponse(json::Write(view), status);
}

}  // namespace egov::api
