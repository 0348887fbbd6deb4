// Synthetic but realistic dossiers in bulk (`egov seed dossiers`), for benchmarks and load
// tests: spread over a period at the agencies that have reception officers, with procedures
// of their level from the catalog, applicants with Vietnamese names, appointments computed
// by the real calendar, and mostly returned on time. Codes follow the same per-agency daily
// numbering as real intake, and the counters are raised so later intakes continue after them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "service/calendar/calendar_service.hpp"
#include "store/database.hpp"

namespace egov::service::dossier {

struct SeedOptions {
  std::int64_t count = 0;
  std::uint64_t seed = 1;
  std::int64_t from_ms = 0;  // received between from and to (UTC ms)
  std::int64_t to_ms = 0;
  // Besides `count`: open dossiers for the work queues' benchmarks, `count` of them received
  // at `agency` (one with reception officers) during the 20 days before to_ms, all still
  // processing at their first step (the counter's, at that agency, with a next step): in
  // its reception officers' task list, and each forwardable once.
  struct Open {
    std::string agency;
    std::int64_t count = 0;
  };
  std::vector<Open> open;
};

// Returns how many were inserted. `progress` is called after each batch with the total so far.
std::int64_t SeedDossiers(store::Database& db, calendar::CalendarService& calendar,
                          const SeedOptions& options,
                          const std::function<void(std::int64_t)>& progress = {});

}  // namespace egov::service::dossier
