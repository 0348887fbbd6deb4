// Deadline computation on the working-day calendar: a 30-working-day due time from random
// starts in 2020–2030 (statutory rules; official schedules do not change the cost).
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "core/calendar/working_time.hpp"

namespace {

namespace cal = egov::core::calendar;

std::vector<cal::LocalDateTime> RandomStarts(std::size_t count) {
  std::mt19937_64 rng(2026);
  const std::int64_t first = cal::ToLocalMinutes({{2020, 1, 1}, 0});
  const std::int64_t last = cal::ToLocalMinutes({{2030, 12, 31}, 23 * 60 + 59});
  std::uniform_int_distribution<std::int64_t> minute(first, last);
  std::vector<cal::LocalDateTime> starts;
  for (std::size_t i = 0; i < count; ++i) starts.push_back(cal::FromLocalMinutes(minute(rng)));
  return starts;
}

const cal::WorkingCalendar& Calendar() {
  static const cal::WorkingCalendar calendar;
  return calendar;
}

void BM_ThirtyWorkingDays(benchmark::State& state) {
  const cal::WorkingCalendar& calendar = Calendar();
  const std::vector<cal::LocalDateTime> starts = RandomStarts(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.AddWorkingDays(starts[i++ & 4095], 30));
  }
}
BENCHMARK(BM_ThirtyWorkingDays);

void BM_SameDay(benchmark::State& state) {
  const cal::WorkingCalendar& calendar = Calendar();
  const std::vector<cal::LocalDateTime> starts = RandomStarts(4096);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(calendar.SameDayDue(starts[i++ & 4095]));
}
BENCHMARK(BM_SameDay);

void BM_IsWorkingDay(benchmark::State& state) {
  const cal::WorkingCalendar& calendar = Calendar();
  const std::vector<cal::LocalDateTime> starts = RandomStarts(4096);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(calendar.IsWorkingDay(starts[i++ & 4095].date));
}
BENCHMARK(BM_IsWorkingDay);

// Building the calendar: statutory schedules (lunar dates) and tables for 1900–2199.
void BM_BuildCalendar(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cal::WorkingCalendar());
}
BENCHMARK(BM_BuildCalendar)->Unit(benchmark::kMillisecond);

}  // namespace
