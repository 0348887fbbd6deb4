// Working days and deadlines: table tests around Tết 2026 and the make-up Saturday
// 10/1/2026, and property tests of the O(1) path against a minute-by-minute walk.
#include "core/calendar/working_time.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <thread>

#include "core/error.hpp"
#include "core/testing/calendar_2026.hpp"

namespace egov::core::calendar {
namespace {

using testing::Official2026;

const WorkingCalendar& Calendar() { return testing::Calendar2026(); }

LocalDateTime T(const char* text) { return ParseLocalDateTime(text); }
std::string S(const LocalDateTime& t) { return FormatLocalDateTime(t); }

TEST(WorkingHoursTest, DefaultIsEightHours) {
  const WorkingHours hours = WorkingHours::Default();
  EXPECT_EQ(hours.minutes_per_day(), 480);
  EXPECT_EQ(hours.opening_minute(), 450);
  EXPECT_EQ(hours.closing_minute(), 1020);
  EXPECT_EQ(hours.WorkedBefore(0), 0);
  EXPECT_EQ(hours.WorkedBefore(600), 150);
  EXPECT_EQ(hours.WorkedBefore(750), 240);
  EXPECT_EQ(hours.WorkedBefore(1440), 480);
  EXPECT_EQ(hours.EndOfWork(240), 690);  // 11:30, not 13:00
  EXPECT_EQ(hours.EndOfWork(241), 781);
  EXPECT_EQ(hours.EndOfWork(480), 1020);
  EXPECT_TRUE(hours.Contains(450));
  EXPECT_FALSE(hours.Contains(690));
  EXPECT_FALSE(hours.Contains(1020));
}

TEST(WorkingHoursTest, RejectsInvalidPeriods) {
  EXPECT_THROW(WorkingHours({}), Error);
  EXPECT_THROW(WorkingHours({{600, 600}}), Error);
  EXPECT_THROW(WorkingHours({{600, 500}}), Error);
  EXPECT_THROW(WorkingHours({{450, 700}, {690, 1020}}), Error);  // overlap
  EXPECT_THROW(WorkingHours({{780, 1020}, {450, 690}}), Error);  // unsorted
  EXPECT_THROW(WorkingHours({{-1, 600}}), Error);
  EXPECT_THROW(WorkingHours({{600, 1441}}), Error);
  EXPECT_NO_THROW(WorkingHours({{0, 1440}}));
}

TEST(WorkingHoursTest, ParsesTheStoredText) {
  EXPECT_EQ(ParseWorkingHours("07:30-11:30,13:00-17:00").periods(),
            WorkingHours::Default().periods());
  EXPECT_EQ(WorkingHours::Default().periods(),
            (std::vector<WorkingPeriod>{{7 * 60 + 30, 11 * 60 + 30}, {13 * 60, 17 * 60}}));
  EXPECT_EQ(WorkingHours::Default().minutes_per_day(), 480);
  const WorkingHours one = ParseWorkingHours("08:00-12:00");
  EXPECT_EQ(one.minutes_per_day(), 240);
  EXPECT_EQ(ParseWorkingHours("00:00-24:00").minutes_per_day(), 24 * 60);
  for (const char* bad :
       {"", "7:30-11:30", "07:30-11:30,", "07:30-11:30;13:00-17:00", "11:30-07:30",
        "07:30-11:30,11:00-17:00", "07:60-11:30", "24:00-24:30", "07:30-24:01", "07:30-11:30 ",
        "ab:cd-ef:gh",
        // Forms that sscanf("%2d") would take: spaces, signs, one digit.
        " 7:30-11:30", "+7:30-11:30", "-7:30-11:30", "07:30-11:30, 13:00-17:00", "07:30- 11:30",
        "07:+3-11:30", "07:30-11:30,13:00-17:00,", ",07:30-11:30", "07:30-11:30,,13:00-17:00",
        "0x:30-11:30", "07:30-11:30\n", "０7:30-11:30"}) {
    EXPECT_THROW(ParseWorkingHours(bad), Error) << bad;
  }
}

TEST(WorkingCalendarTest, WorkingDays2026) {
  const WorkingCalendar& cal = Calendar();
  EXPECT_FALSE(cal.IsWorkingDay({2026, 1, 1}));
  EXPECT_FALSE(cal.IsWorkingDay({2026, 1, 2}));   // swapped day off
  EXPECT_TRUE(cal.IsWorkingDay({2026, 1, 10}));   // make-up Saturday
  EXPECT_FALSE(cal.IsWorkingDay({2026, 1, 11}));  // ordinary Sunday
  EXPECT_FALSE(cal.IsWorkingDay({2026, 2, 16}));
  EXPECT_FALSE(cal.IsWorkingDay({2026, 2, 20}));
  EXPECT_TRUE(cal.IsWorkingDay({2026, 2, 23}));
  EXPECT_FALSE(cal.IsWorkingDay({2026, 4, 27}));
  EXPECT_TRUE(cal.IsWorkingDay({2026, 8, 22}));
  EXPECT_FALSE(cal.IsWorkingDay({2026, 8, 31}));
  // 2027 has no official schedule here: statutory rules (Tết 6/2/2027 + 29 Chạp 5/2).
  EXPECT_FALSE(cal.IsWorkingDay({2027, 2, 5}));
  EXPECT_TRUE(cal.IsWorkingDay({2027, 2, 4}));
  EXPECT_THROW(cal.IsWorkingDay({2026, 2, 29}), Error);
  EXPECT_THROW(cal.IsWorkingDay({2200, 1, 1}), Error);
  EXPECT_EQ(cal.NextWorkingDayFrom({2026, 2, 14}), (Date{2026, 2, 23}));
  EXPECT_EQ(cal.NextWorkingDayFrom({2026, 2, 23}), (Date{2026, 2, 23}));
}

struct DueCase {
  const char* from;
  const char* kind;  // "h" hours, "d" days, "m" minutes, "s" same day
  int amount;
  const char* start;
  const char* due;
};

TEST(WorkingCalendarTest, DeadlineTable) {
  const DueCase cases[] = {
      // Friday 16:00 + 4 hours: 1 hour on Friday, 3 after Tết (14–22/2 off).
      {"2026-02-13T16:00", "h", 4, "2026-02-13T16:00", "2026-02-23T10:30"},
      // Friday 16:00 + 4 hours before the make-up Saturday 10/1/2026.
      {"2026-01-09T16:00", "h", 4, "2026-01-09T16:00", "2026-01-10T10:30"},
      // An ordinary Friday: the weekend is skipped.
      {"2026-03-06T16:00", "h", 4, "2026-03-06T16:00", "2026-03-09T10:30"},
      // Ends exactly at the end of a period: stays there.
      {"2026-03-02T13:00", "h", 4, "2026-03-02T13:00", "2026-03-02T17:00"},
      {"2026-03-02T07:30", "h", 4, "2026-03-02T07:30", "2026-03-02T11:30"},
      {"2026-03-02T07:30", "d", 1, "2026-03-02T07:30", "2026-03-02T17:00"},
      {"2026-03-02T07:30", "m", 241, "2026-03-02T07:30", "2026-03-02T13:01"},
      // Outside working hours: start at the next period.
      {"2026-03-02T06:00", "h", 1, "2026-03-02T07:30", "2026-03-02T08:30"},
      {"2026-03-02T11:45", "h", 1, "2026-03-02T13:00", "2026-03-02T14:00"},
      {"2026-03-02T11:30", "m", 0, "2026-03-02T13:00", "2026-03-02T13:00"},
      {"2026-03-02T17:00", "h", 1, "2026-03-03T07:30", "2026-03-03T08:30"},
      {"2026-03-06T18:00", "d", 1, "2026-03-09T07:30", "2026-03-09T17:00"},
      {"2026-01-01T09:00", "h", 8, "2026-01-05T07:30", "2026-01-05T17:00"},
      {"2026-01-03T09:00", "d", 1, "2026-01-05T07:30", "2026-01-05T17:00"},
      // Days = N × 8 working hours from the start.
      {"2026-03-02T08:00", "d", 1, "2026-03-02T08:00", "2026-03-03T08:00"},
      {"2026-02-12T10:00", "d", 2, "2026-02-12T10:00", "2026-02-23T10:00"},
      {"2026-01-09T10:00", "d", 1, "2026-01-09T10:00", "2026-01-10T10:00"},
      {"2026-01-09T10:00", "d", 2, "2026-01-09T10:00", "2026-01-12T10:00"},
      {"2026-04-24T09:00", "d", 1, "2026-04-24T09:00", "2026-04-28T09:00"},
      {"2026-08-21T09:00", "d", 1, "2026-08-21T09:00", "2026-08-22T09:00"},
      {"2026-08-28T09:00", "d", 1, "2026-08-28T09:00", "2026-09-03T09:00"},
      // 15 working days from 2/2/2026 across Tết: 2–13/2 gives 10, then 23–27/2 gives 5.
      {"2026-02-02T07:30", "d", 15, "2026-02-02T07:30", "2026-02-27T17:00"},
      // Same day: cut-off 15:00 inclusive.
      {"2026-03-04T14:59", "s", 0, "2026-03-04T14:59", "2026-03-04T17:00"},
      {"2026-03-04T15:00", "s", 0, "2026-03-04T15:00", "2026-03-04T17:00"},
      {"2026-03-04T15:01", "s", 0, "2026-03-04T15:01", "2026-03-05T17:00"},
      {"2026-03-04T16:59", "s", 0, "2026-03-04T16:59", "2026-03-05T17:00"},
      {"2026-03-04T06:00", "s", 0, "2026-03-04T07:30", "2026-03-04T17:00"},
      {"2026-01-09T15:01", "s", 0, "2026-01-09T15:01", "2026-01-10T17:00"},
      {"2026-02-13T15:30", "s", 0, "2026-02-13T15:30", "2026-02-23T17:00"},
      {"2026-03-07T10:00", "s", 0, "2026-03-09T07:30", "2026-03-09T17:00"},
  };
  const WorkingCalendar& cal = Calendar();
  for (const DueCase& c : cases) {
    const LocalDateTime from = T(c.from);
    LocalDateTime due;
    switch (c.kind[0]) {
      case 'h': due = cal.AddWorkingHours(from, c.amount); break;
      case 'd': due = cal.AddWorkingDays(from, c.amount); break;
      case 'm': due = cal.AddWorkingMinutes(from, c.amount); break;
      default: due = cal.SameDayDue(from); break;
    }
    EXPECT_EQ(S(cal.Start(from)), c.start) << c.from << " " << c.kind << c.amount;
    EXPECT_EQ(S(due), c.due) << c.from << " " << c.kind << c.amount;
  }
}

TEST(WorkingCalendarTest, RejectsBadRequests) {
  const WorkingCalendar& cal = Calendar();
  EXPECT_THROW(cal.AddWorkingMinutes(T("2026-03-02T08:00"), -1), Error);
  EXPECT_THROW(cal.AddWorkingDays(T("2199-12-30T08:00"), 10), Error);
  EXPECT_THROW(cal.AddWorkingDays(T("2026-03-02T08:00"), std::int64_t{1} << 40), Error);
  EXPECT_THROW(cal.AddWorkingHours(T("2026-03-02T08:00"), std::int64_t{1} << 40), Error);
  EXPECT_THROW(cal.AddWorkingDays(T("2026-03-02T08:00"), 1'000'000), Error);
  EXPECT_THROW(cal.SameDayDue(T("2199-12-31T16:00")), Error);
  EXPECT_THROW(cal.Start(LocalDateTime{{2026, 2, 30}, 0}), Error);
}

TEST(WorkingCalendarTest, AgencyHours) {
  const WorkingCalendar cal = Calendar().WithHours(WorkingHours({{8 * 60, 12 * 60}}));
  EXPECT_EQ(S(cal.AddWorkingDays(T("2026-03-02T09:00"), 1)), "2026-03-03T09:00");
  EXPECT_EQ(S(cal.AddWorkingHours(T("2026-03-02T11:00"), 2)), "2026-03-03T09:00");
  EXPECT_EQ(S(cal.SameDayDue(T("2026-03-02T14:00"))), "2026-03-02T12:00");
  EXPECT_FALSE(cal.IsWorkingDay({2026, 1, 2}));
  // A period ending at midnight: a due time at its end is 00:00 of the next day.
  const WorkingCalendar night = Calendar().WithHours(WorkingHours({{22 * 60, 24 * 60}}));
  EXPECT_EQ(S(night.AddWorkingHours(T("2026-03-02T22:00"), 2)), "2026-03-03T00:00");
}

TEST(WorkingCalendarTest, WorkingMinutesBetweenAndPause) {
  const WorkingCalendar& cal = Calendar();
  EXPECT_EQ(cal.WorkingMinutesBetween(T("2026-03-06T16:00"), T("2026-03-09T08:00")), 90);
  EXPECT_EQ(cal.WorkingMinutesBetween(T("2026-03-09T08:00"), T("2026-03-06T16:00")), -90);
  EXPECT_EQ(cal.WorkingMinutesBetween(T("2026-02-14T00:00"), T("2026-02-22T23:59")), 0);
  EXPECT_EQ(cal.WorkingMinutesBetween(T("2026-03-02T00:00"), T("2026-03-03T00:00")), 480);
  // A 3-day dossier received Monday 08:00 is due Thursday 08:00; a supplement request
  // pauses it from Tuesday 10:00 to Wednesday 10:00 (480 working minutes): due Friday 08:00.
  const LocalDateTime due = cal.AddWorkingDays(T("2026-03-02T08:00"), 3);
  EXPECT_EQ(S(due), "2026-03-05T08:00");
  EXPECT_EQ(S(cal.ExtendByPause(due, T("2026-03-03T10:00"), T("2026-03-04T10:00"))),
            "2026-03-06T08:00");
  // A pause over a weekend only: the due time does not move.
  EXPECT_EQ(S(cal.ExtendByPause(due, T("2026-03-07T08:00"), T("2026-03-08T20:00"))),
            "2026-03-05T08:00");
  // A due time at 17:00 paused for 30 minutes moves to the next morning.
  EXPECT_EQ(
      S(cal.ExtendByPause(T("2026-03-02T17:00"), T("2026-03-02T09:00"), T("2026-03-02T09:30"))),
      "2026-03-03T08:00");
}

TEST(WorkingCalendarTest, Timeliness) {
  const LocalDateTime due = T("2026-03-05T11:00");
  EXPECT_EQ(Classify(T("2026-03-04T16:00"), due), Timeliness::kEarly);
  EXPECT_EQ(Classify(T("2026-03-05T07:00"), due), Timeliness::kOnTime);
  EXPECT_EQ(Classify(T("2026-03-05T11:00"), due), Timeliness::kOnTime);
  EXPECT_EQ(Classify(T("2026-03-05T11:01"), due), Timeliness::kLate);
  EXPECT_EQ(TimelinessName(Timeliness::kOnTime), "on_time");
  EXPECT_EQ(TimelinessName(Timeliness::kEarly), "early");
  EXPECT_EQ(TimelinessName(Timeliness::kLate), "late");
}

// ---- Property tests (fixed seed) ----

// An independent reference: working days straight from the schedules, and a deadline by
// walking one minute at a time.
class Reference {
 public:
  explicit Reference(const std::vector<YearSchedule>& official) {
    std::map<int, YearSchedule> by_year;
    for (const YearSchedule& s : official) by_year[s.year] = s;
    for (int year = 2019; year <= 2032; ++year) {
      const YearSchedule s = by_year.count(year) ? by_year[year] : StatutorySchedule(year);
      for (const ScheduledDay& d : s.days) entries_[d.date] = d.kind;
    }
  }
  bool IsWorking(const Date& d) const {
    const auto it = entries_.find(d);
    if (it == entries_.end()) return !IsWeekend(d);
    return it->second == DayKind::kWorkingDay;
  }
  // The instant right after the `minutes`-th working minute from `from`.
  LocalDateTime Due(const LocalDateTime& from, std::int64_t minutes) const {
    Date day = from.date;
    int minute = from.minute_of_day;
    bool working = IsWorking(day);
    const auto advance = [&] {
      if (++minute == kMinutesPerDay) {
        minute = 0;
        day = AddDays(day, 1);
        working = IsWorking(day);
      }
    };
    while (!(working && hours_.Contains(minute))) advance();  // Start(from)
    while (minutes > 0) {
      if (working && hours_.Contains(minute)) --minutes;
      advance();
    }
    return LocalDateTime{day, minute};
  }

 private:
  std::map<Date, DayKind> entries_;
  WorkingHours hours_ = WorkingHours::Default();
};

// The fast path's speed is measured in bench/ (calendar micro-benchmarks), never timed here.
TEST(WorkingCalendarPropertyTest, FastPathAgreesWithMinuteWalk) {
  const std::vector<YearSchedule> official = {Official2026()};
  const WorkingCalendar cal(official);
  const Reference reference(official);
  std::mt19937_64 rng(20260210);
  const std::int64_t first = ToLocalMinutes(T("2020-01-01T00:00"));
  const std::int64_t last = ToLocalMinutes(T("2030-12-31T23:59"));
  std::uniform_int_distribution<std::int64_t> start(first, last);
  std::uniform_int_distribution<std::int64_t> length(1, 30 * 480);
  for (int i = 0; i < 3000; ++i) {
    // Bias a third of the starts to the edges of working periods.
    LocalDateTime from = FromLocalMinutes(start(rng));
    if (i % 3 == 0) from.minute_of_day = (i % 2 == 0) ? 17 * 60 : 11 * 60 + 30;
    const std::int64_t minutes = (i % 5 == 0) ? 480 * (1 + i % 30) : length(rng);
    const LocalDateTime fast = cal.AddWorkingMinutes(from, minutes);
    ASSERT_EQ(S(fast), S(reference.Due(from, minutes))) << S(from) << " +" << minutes;
    ASSERT_EQ(cal.WorkingMinutesBetween(from, fast), minutes) << S(from) << " +" << minutes;
    ASSERT_EQ(cal.IsWorkingDay(from.date), reference.IsWorking(from.date)) << S(from);
  }
}

TEST(WorkingCalendarPropertyTest, PauseShiftsDueByPausedWorkingTime) {
  const WorkingCalendar& cal = Calendar();
  std::mt19937_64 rng(7);
  const std::int64_t first = ToLocalMinutes(T("2025-06-01T00:00"));
  std::uniform_int_distribution<std::int64_t> offset(0, 400 * 24 * 60);
  std::uniform_int_distribution<std::int64_t> length(1, 20 * 480);
  for (int i = 0; i < 3000; ++i) {
    const LocalDateTime from = FromLocalMinutes(first + offset(rng));
    const std::int64_t minutes = length(rng);
    const LocalDateTime due = cal.AddWorkingMinutes(from, minutes);
    // A pause that starts while the clock runs and lasts up to ~3 weeks.
    std::uniform_int_distribution<std::int64_t> at(ToLocalMinutes(from), ToLocalMinutes(due));
    const LocalDateTime paused = FromLocalMinutes(at(rng));
    const LocalDateTime resumed =
        FromLocalMinutes(ToLocalMinutes(paused) + offset(rng) % (21 * 24 * 60));
    const LocalDateTime new_due = cal.ExtendByPause(due, paused, resumed);
    const std::int64_t spent = cal.WorkingMinutesBetween(paused, resumed);
    ASSERT_EQ(cal.WorkingMinutesBetween(due, new_due), spent);
    ASSERT_GE(new_due, due);
    if (resumed <= new_due) {
      // Working time with the clock running is still exactly the allotment.
      ASSERT_EQ(
          cal.WorkingMinutesBetween(from, paused) + cal.WorkingMinutesBetween(resumed, new_due),
          minutes)
          << S(from) << " " << S(paused) << " " << S(resumed);
    }
  }
}

TEST(WorkingCalendarPropertyTest, RankMatchesDayByDayCount) {
  const WorkingCalendar& cal = Calendar();
  // Working days counted one by one agree with the minutes between midnights.
  Date d{2019, 12, 1};
  std::int64_t days = 0;
  const LocalDateTime origin{d, 0};
  while (d < Date{2031, 1, 1}) {
    ASSERT_EQ(cal.WorkingMinutesBetween(origin, LocalDateTime{d, 0}), days * 480);
    if (cal.IsWorkingDay(d)) ++days;
    d = AddDays(d, 1);
  }
}

TEST(WorkingCalendarTest, ConcurrentReadersAgree) {
  const WorkingCalendar& cal = Calendar();
  const LocalDateTime from = T("2026-02-02T09:15");
  const std::string expected = S(cal.AddWorkingDays(from, 30));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20'000; ++i) {
        if (S(cal.AddWorkingDays(from, 30)) != expected) ++mismatches[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace egov::core::calendar
