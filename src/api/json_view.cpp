// The instant of the generic response writer (see json_view.hpp).
#include "api/json_view.hpp"

#include "api/json_util.hpp"

namespace egov::api {

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out, const Instant& at) {
  out = boost::json::string(FormatInstant(at.utc_millis), out.storage());
}

std::optional<Instant> InstantOf(const std::optional<std::int64_t>& utc_millis) {
  if (!utc_millis) return std::nullopt;
  return Instant{*utc_millis};
}

}  // namespace egov::api
