// Official holiday schedules as JSON data (data/calendar/YYYY.json, format in
// data/calendar/README.md): parsing, and the schedules shipped inside the binary.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/calendar/holidays.hpp"
#include "core/calendar/working_time.hpp"

namespace egov::service::calendar {

// Parses and validates one year's schedule document
// {"year":Y,"source":"…","days":[{"date","name","kind"}]}. Throws egov::Error
// (kValidationFailed, Vietnamese message naming the offending field) on malformed JSON,
// missing or mistyped fields, an unknown kind, or anything ValidateYearSchedule() rejects.
// Unknown fields are ignored. Returns the days sorted by date.
core::calendar::YearSchedule ParseYearSchedule(std::string_view json_text);

// The official schedules compiled into the binary, sorted by year. Pure (parses the embedded
// bytes on each call); thread-safe.
std::vector<core::calendar::YearSchedule> ShippedSchedules();

// The shipped official schedule of `year`, if there is one.
std::optional<core::calendar::YearSchedule> ShippedSchedule(int year);

// The schedule in force for `year` given official schedules: the official one for that year
// if any, else the statutory rules. Throws egov::Error for a year outside 1900..2199.
core::calendar::YearSchedule ScheduleInForce(
    int year, const std::vector<core::calendar::YearSchedule>& official);

// A working calendar of the shipped official schedules (statutory rules for other years).
// Costs a few milliseconds: build once and share (the result is immutable and thread-safe).
core::calendar::WorkingCalendar ShippedCalendar(
    core::calendar::WorkingHours hours = core::calendar::WorkingHours::Default());

}  // namespace egov::service::calendar
