// SQL for the official holiday schedules (tables calendar_years, calendar_days and
// calendar_state, docs/calendar.md). Functions run on the caller's session or transaction;
// they never commit. Dates are stored as 'YYYY-MM-DD' text (Vietnam civil dates), instants
// as UTC epoch milliseconds.
#pragma once

#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/holidays.hpp"

namespace egov::store::calendar {

// One year's official schedule as stored, with who last wrote it and when.
struct StoredSchedule {
  core::calendar::YearSchedule schedule;  // days sorted by date
  std::int64_t updated_at = 0;            // UTC epoch milliseconds
  std::string updated_by;                 // a username, or "shipped" for the shipped data
};

// Every stored schedule, by year.
std::vector<StoredSchedule> ListSchedules(Session& session);
std::optional<StoredSchedule> FindSchedule(Session& session, int year);

// Inserts `schedule` unless its year already has one (then changes nothing and returns
// false). Safe against a concurrent insert by another process (ON CONFLICT DO NOTHING).
bool InsertScheduleIfAbsent(WriteTransaction& tx, const core::calendar::YearSchedule& schedule,
                            std::int64_t now, const std::string& by);
// Replaces the year's schedule (and its days) by `schedule`, creating it when absent.
void ReplaceSchedule(WriteTransaction& tx, const core::calendar::YearSchedule& schedule,
                     std::int64_t now, const std::string& by);

// The change counter of the schedules: grows by one with every committed change.
std::int64_t CalendarVersion(Session& session);
// Adds one to the counter (inside the changing transaction) and returns the new value; on
// PostgreSQL this locks the row until commit, so versions are never reused.
std::int64_t BumpCalendarVersion(WriteTransaction& tx);

}  // namespace egov::store::calendar
