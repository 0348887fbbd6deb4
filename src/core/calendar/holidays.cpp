// Statutory holiday rules (Labour Code 2012 Art. 115 / 2019 Art. 111–112) and validation of
// official year schedules.
#include "core/calendar/holidays.hpp"

#include <algorithm>
#include <set>

#include "core/calendar/lunar.hpp"
#include "core/error.hpp"

namespace egov::core::calendar {
namespace {

// Labour Code 2019 (45/2019/QH14) took effect on 1/1/2021.
constexpr int kLabourCode2019FirstYear = 2021;

bool IsWeekday(const Date& date) { return !IsWeekend(date); }

[[noreturn]] void ThrowInvalid(const std::string& message) {
  throw Error(ErrorCode::kValidationFailed, message);
}

}  // namespace

std::string_view DayKindName(DayKind kind) {
  switch (kind) {
    case DayKind::kHoliday: return "holiday";
    case DayKind::kCompensatory: return "compensatory";
    case DayKind::kDayOff: return "day_off";
    case DayKind::kWorkingDay: return "working_day";
  }
  return "holiday";
}

std::optional<DayKind> ParseDayKind(std::string_view name) {
  for (DayKind kind :
       {DayKind::kHoliday, DayKind::kCompensatory, DayKind::kDayOff, DayKind::kWorkingDay}) {
    if (DayKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

bool IsWorkingDayUnder(const Date& date, const ScheduledDay* entry) {
  if (entry == nullptr) return IsWeekday(date);
  return entry->kind == DayKind::kWorkingDay;
}

YearSchedule StatutorySchedule(int year) {
  if (year < kMinYear || year > kMaxYear) {
    ThrowInvalid("Năm không hợp lệ: " + std::to_string(year) + " (chỉ hỗ trợ năm 1900–2199)");
  }
  const bool code_2019 = year >= kLabourCode2019FirstYear;
  YearSchedule schedule;
  schedule.year = year;
  schedule.source = code_2019 ? "Bộ luật Lao động 2019, Điều 111–112 (quy tắc mặc định)"
                              : "Bộ luật Lao động 2012, Điều 115 (quy tắc mặc định)";
  std::vector<ScheduledDay> holidays;
  const auto add = [&](const Date& date, std::string name) {
    holidays.push_back({date, std::move(name), DayKind::kHoliday});
  };

  add(Date{year, 1, 1}, "Tết Dương lịch");

  // Tết Âm lịch, 5 days. The Prime Minister fixes the days each year (Labour Code 2019,
  // Art. 112(3)). Default when there is no official schedule: the last day
  // of the old lunar year (30, or 29 when the 12th month is short) and mùng 1 to mùng 4.
  const Date tet = LunarToSolar(LunarDate{1, 1, year, false});
  const Date new_years_eve = AddDays(tet, -1);
  add(new_years_eve,
      "Tết Nguyên đán (" + std::to_string(SolarToLunar(new_years_eve).day) + " tháng Chạp)");
  for (int i = 0; i < 4; ++i) {
    add(AddDays(tet, i), "Tết Nguyên đán (mùng " + std::to_string(i + 1) + ")");
  }

  add(LunarToSolar(LunarDate{10, 3, year, false}), "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
  add(Date{year, 4, 30}, "Ngày Chiến thắng (30/4)");
  add(Date{year, 5, 1}, "Ngày Quốc tế Lao động (1/5)");
  const Date national_day{year, 9, 2};
  add(national_day, "Quốc khánh (2/9)");
  if (code_2019) {
    // "ngày 02 tháng 9 dương lịch và 01 ngày liền kề trước hoặc sau": the Prime Minister
    // chooses. Default: the day before (1/9, as in 2022, 2023, 2025, 2026) unless 1/9 is a
    // Saturday or Sunday, then the day after (3/9, as in 2024 when 2/9 was a Monday).
    const Date before{year, 9, 1};
    add(IsWeekday(before) ? before : Date{year, 9, 3}, "Quốc khánh (ngày liền kề)");
  }
  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const ScheduledDay& a, const ScheduledDay& b) { return a.date < b.date; });

  // Two holidays on one date (Giỗ Tổ fell on 30/4 in 1947) become one entry named after
  // both; the second one is owed a day off like a holiday on a weekend (our default: the
  // law grants each holiday, and says nothing of this case).
  struct Owed {
    Date date;
    std::string name;
  };
  std::vector<ScheduledDay> days;
  std::vector<Owed> owed;
  for (const ScheduledDay& h : holidays) {
    if (!days.empty() && days.back().date == h.date) {
      days.back().name += " và " + h.name;
      owed.push_back({h.date, h.name});
      continue;
    }
    days.push_back(h);
    if (!IsWeekday(h.date)) owed.push_back({h.date, h.name});
  }
  std::stable_sort(owed.begin(), owed.end(),
                   [](const Owed& a, const Owed& b) { return a.date < b.date; });

  // 2019 Art. 111(3) (2012 Art. 115(3)): a holiday on the weekly rest day gives a day off on
  // the next working day. Taken in date order, each compensatory day is the first weekday
  // after its holiday that is neither a holiday nor already a compensatory day.
  std::set<Date> taken;
  for (const ScheduledDay& d : days) taken.insert(d.date);
  for (const Owed& o : owed) {
    Date d = AddDays(o.date, 1);
    while (!IsWeekday(d) || taken.count(d) > 0) d = AddDays(d, 1);
    taken.insert(d);
    days.push_back({d, "Nghỉ bù " + o.name, DayKind::kCompensatory});
  }
  std::sort(days.begin(), days.end(),
            [](const ScheduledDay& a, const ScheduledDay& b) { return a.date < b.date; });
  schedule.days = std::move(days);
  return schedule;
}

YearSchedule ValidateYearSchedule(YearSchedule schedule) {
  const std::string year_text = std::to_string(schedule.year);
  if (schedule.year < kMinYear || schedule.year > kMaxYear) {
    ThrowInvalid("Năm không hợp lệ: " + year_text + " (chỉ hỗ trợ năm 1900–2199)");
  }
  if (schedule.source.empty()) {
    ThrowInvalid("Lịch nghỉ năm " + year_text + " thiếu nguồn (văn bản quyết định)");
  }
  for (const ScheduledDay& day : schedule.days) {
    CheckDate(day.date);
    const std::string when = FormatVietnameseDate(day.date);
    if (day.date.year != schedule.year) {
      ThrowInvalid("Ngày " + when + " không thuộc năm " + year_text);
    }
    if (day.name.empty()) ThrowInvalid("Ngày " + when + " thiếu tên");
    if (day.kind == DayKind::kWorkingDay && IsWeekday(day.date)) {
      ThrowInvalid("Ngày làm bù " + when + " phải là thứ Bảy hoặc Chủ nhật");
    }
    if ((day.kind == DayKind::kCompensatory || day.kind == DayKind::kDayOff) &&
        !IsWeekday(day.date)) {
      ThrowInvalid("Ngày nghỉ bù/hoán đổi " + when + " phải là ngày từ thứ Hai đến thứ Sáu");
    }
  }
  std::stable_sort(schedule.days.begin(), schedule.days.end(),
                   [](const ScheduledDay& a, const ScheduledDay& b) { return a.date < b.date; });
  const auto dup = std::adjacent_find(
      schedule.days.begin(), schedule.days.end(),
      [](const ScheduledDay& a, const ScheduledDay& b) { return a.date == b.date; });
  if (dup != schedule.days.end()) {
    ThrowInvalid("Ngày " + FormatVietnameseDate(dup->date) + " xuất hiện hai lần");
  }
  return schedule;
}

}  // namespace egov::core::calendar
