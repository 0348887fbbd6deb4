// The official 2026 schedule of DOMAIN.md §3, as data/calendar/2026.json ships it (Tết
// 14–22/2 with the official days 16–20/2, the swap 2/1 ↔ Saturday 10/1, Giỗ Tổ 26/4 → 27/4,
// 30/4–1/5, the swap 31/8 ↔ Saturday 22/8, Quốc khánh 1–2/9), for the core tests that move
// time across Tết. Header-only; nothing in the shipped program uses it.
#pragma once

#include "core/calendar/holidays.hpp"
#include "core/calendar/working_time.hpp"

namespace egov::core::testing {

inline calendar::YearSchedule Official2026() {
  using calendar::DayKind;
  const auto h = DayKind::kHoliday;
  return calendar::ValidateYearSchedule(
      calendar::YearSchedule{2026,
                             "test",
                             {{{2026, 1, 1}, "Tết Dương lịch", h},
                              {{2026, 1, 2}, "Nghỉ hoán đổi", DayKind::kDayOff},
                              {{2026, 1, 10}, "Làm bù", DayKind::kWorkingDay},
                              {{2026, 2, 16}, "Tết", h},
                              {{2026, 2, 17}, "Tết", h},
                              {{2026, 2, 18}, "Tết", h},
                              {{2026, 2, 19}, "Tết", h},
                              {{2026, 2, 20}, "Tết", h},
                              {{2026, 4, 26}, "Giỗ Tổ", h},
                              {{2026, 4, 27}, "Nghỉ bù Giỗ Tổ", DayKind::kCompensatory},
                              {{2026, 4, 30}, "30/4", h},
                              {{2026, 5, 1}, "1/5", h},
                              {{2026, 8, 22}, "Làm bù", DayKind::kWorkingDay},
                              {{2026, 8, 31}, "Nghỉ hoán đổi", DayKind::kDayOff},
                              {{2026, 9, 1}, "Quốc khánh", h},
                              {{2026, 9, 2}, "Quốc khánh", h}}});
}

// A calendar with the 2026 schedule (other years: the statutory rules) and the default
// working hours, built once.
inline const calendar::WorkingCalendar& Calendar2026() {
  static const calendar::WorkingCalendar calendar({Official2026()});
  return calendar;
}

}  // namespace egov::core::testing
