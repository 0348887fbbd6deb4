// The marks of the work queues (see marks.hpp).
#include "core/dossier/marks.hpp"

#include "core/calendar/date.hpp"

namespace egov::core::dossier {

std::string_view Name(Mark mark) {
  switch (mark) {
    case Mark::kNone: return "";
    case Mark::kOverdue: return "overdue";
    case Mark::kDueSoon: return "due_soon";
    case Mark::kPaused: return "paused";
  }
  return "";
}

std::optional<Mark> ParseMark(std::string_view name) {
  for (Mark m : {Mark::kOverdue, Mark::kDueSoon, Mark::kPaused}) {
    if (Name(m) == name) return m;
  }
  return std::nullopt;
}

std::int64_t MinuteOf(std::int64_t now) { return now / 60'000 * 60'000; }

std::int64_t DueSoonUntil(std::int64_t now, const calendar::WorkingCalendar& calendar) {
  return calendar::ToUtcMillis(
      calendar.AddWorkingHours(calendar::FromUtcMillis(MinuteOf(now)), kDueSoonWorkingHours));
}

Mark MarkOf(Status status, std::optional<std::int64_t> step_due_at, std::int64_t now,
            const calendar::WorkingCalendar& calendar) {
  if (status == Status::kSupplementRequested) return Mark::kPaused;
  if (status != Status::kProcessing && status != Status::kResultReady) return Mark::kNone;
  if (!step_due_at) return Mark::kNone;
  if (*step_due_at < MinuteOf(now)) return Mark::kOverdue;
  if (*step_due_at <= DueSoonUntil(now, calendar)) return Mark::kDueSoon;
  return Mark::kNone;
}

}  // namespace egov::core::dossier
