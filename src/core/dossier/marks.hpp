// The marks of the work queues (docs/workflow.md, "Work queues"): whether a dossier's current
// step is overdue, due soon or paused, at an instant and in the step agency's working
// calendar. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/calendar/working_time.hpp"
#include "core/dossier/states.hpp"

namespace egov::core::dossier {

enum class Mark { kNone, kOverdue, kDueSoon, kPaused };

// "overdue", "due_soon", "paused"; "" for kNone.
std::string_view Name(Mark mark);
std::optional<Mark> ParseMark(std::string_view name);  // overdue | due_soon | paused

// The working time a step is "due soon" within: one working day.
inline constexpr std::int64_t kDueSoonWorkingHours = 8;

// `now` to the minute (UTC ms): marks compare due times with the current minute.
std::int64_t MinuteOf(std::int64_t now);

// The end of the "due soon" window opened at `now`: 8 working hours of `calendar` counted from
// the current minute (from the next working period when `now` lies outside one).
std::int64_t DueSoonUntil(std::int64_t now, const calendar::WorkingCalendar& calendar);

// The mark of a dossier in `status` whose current step is due at `step_due_at`:
// - paused: supplement_requested (the clock is paused; never overdue then);
// - overdue: processing or result_ready, and the due minute has passed (due < the current
//   minute: a step due 13:30 is overdue from 13:31);
// - due_soon: processing or result_ready, not overdue, due by DueSoonUntil(now);
// - none otherwise (any other status, or no due time).
Mark MarkOf(Status status, std::optional<std::int64_t> step_due_at, std::int64_t now,
            const calendar::WorkingCalendar& calendar);

}  // namespace egov::core::dossier
