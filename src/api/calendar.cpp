// /api/v1/calendar: a year's days off (read by any signed-in user, replaced by an admin) and
// the lunar date of every day of a year, for the working-calendar screen.
#include <boost/describe/class.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"
#include "json/read.hpp"

namespace egov::api {

namespace cal = core::calendar;

namespace calendar_bodies {

// One day of a PUT; the "lunar" that GET adds may be sent back and is ignored.
struct Day : service::calendar::DayInput {
  std::optional<boost::json::value> lunar;
};
BOOST_DESCRIBE_STRUCT(Day, (service::calendar::DayInput), (lunar))

// PUT /api/v1/calendar/holidays?year=: {"source"?, "days":[{"date","name","kind"}]}; shapes
// only, the values are the service's to judge.
struct Holidays {
  std::optional<std::string> source;
  std::vector<Day> days;
};
BOOST_DESCRIBE_STRUCT(Holidays, (), (source, days))

constexpr auto JsonRules(json::For<Holidays>) {
  return std::to_array<json::FieldRule>({
      {"source", {.max_chars = service::calendar::kMaxSourceLength}},
      // The service refuses more than kMaxDaysPerYear days, with a message that counts them;
      // this bound only keeps the reader's work in proportion to a body's size limit.
      {"days", {.max_items = 100'000}},
  });
}

}  // namespace calendar_bodies

// Answers of the calendar routes.
struct LunarView {
  int day = 1;
  int month = 1;
  int year = 0;
  bool leap = false;

  LunarView() = default;
  explicit LunarView(const cal::LunarDate& l)
      : day(l.day), month(l.month), year(l.year), leap(l.leap) {}
};
BOOST_DESCRIBE_STRUCT(LunarView, (), (day, month, year, leap))

struct DayView {
  std::string date;  // YYYY-MM-DD
  std::string name;
  std::string_view kind;
  LunarView lunar;
};
BOOST_DESCRIBE_STRUCT(DayView, (), (date, name, kind, lunar))

struct ScheduleView : List<DayView> {
  int year = 0;
  bool official = false;
  std::string source;
  Omittable<Instant> updated_at;  // official schedules only
  Omittable<std::string> updated_by;
};
BOOST_DESCRIBE_STRUCT(ScheduleView, (List<DayView>),
                      (year, official, source, updated_at, updated_by))

// A day of GET /api/v1/calendar/lunar: its lunar date, then the solar one.
struct LunarDayView : LunarView {
  std::string date;
};
BOOST_DESCRIBE_STRUCT(LunarDayView, (LunarView), (date))

struct LunarYearView : List<LunarDayView> {
  int year = 0;
};
BOOST_DESCRIBE_STRUCT(LunarYearView, (List<LunarDayView>), (year))

using boost::beast::http::verb;
using http::Request;

namespace {

// ?year=YYYY, required, 1900..2199.
int YearParam(const Request& request) {
  const std::optional<std::string> raw = request.query("year");
  int year = 0;
  if (!raw || raw->empty()) throw FieldError("year", "thiếu tham số năm (?year=YYYY).");
  auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), year);
  if (ec != std::errc() || ptr != raw->data() + raw->size() || raw->size() > 4) {
    throw FieldError("year", "năm phải là số nguyên từ 1900 đến 2199.");
  }
  service::calendar::CheckYear(year);
  return year;
}

// The list shape of CONTRACT.md plus the year, whether the schedule is official, and its
// source. The whole year fits one page unless ?per_page= asks for less.
ScheduleView ScheduleOf(const service::calendar::HolidaySchedule& s, const Request& request) {
  Paging paging = ParsePaging(request);
  if (!request.query("per_page")) paging.per_page = service::calendar::kMaxDaysPerYear;
  const auto& days = s.schedule.days;
  const std::size_t first =
      std::min(days.size(), static_cast<std::size_t>(paging.page - 1) * paging.per_page);
  const std::size_t last = std::min(days.size(), first + paging.per_page);
  std::vector<DayView> items;
  for (std::size_t i = first; i < last; ++i) {
    const cal::ScheduledDay& d = days[i];
    items.push_back({cal::FormatIsoDate(d.date), d.name, cal::DayKindName(d.kind),
                     LunarView(cal::SolarToLunar(d.date))});
  }
  ScheduleView out{ListOf(std::move(items), static_cast<std::int64_t>(days.size()), paging)};
  out.year = s.schedule.year;
  out.official = s.official;
  out.source = s.schedule.source;
  if (s.official) {
    out.updated_at = Instant{s.updated_at};
    out.updated_by = s.updated_by;
  }
  return out;
}

}  // namespace

void RegisterCalendarRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/calendar/holidays", http::SyncHandler([&s](Request& request) {
               RequireCaller(request, s);
               const int year = YearParam(request);
               return JsonView(ScheduleOf(s.calendar.Holidays(year), request));
             }));

  router.Add(verb::put, "/api/v1/calendar/holidays", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const int year = YearParam(request);
               const auto body = json::Read<calendar_bodies::Holidays>(JsonBody(request));
               const std::vector<service::calendar::DayInput> days(body.days.begin(),
                                                                   body.days.end());
               return JsonView(
                   ScheduleOf(s.calendar.PutHolidays(caller, year, body.source, days), request));
             }));

  router.Add(
      verb::get, "/api/v1/calendar/lunar", http::SyncHandler([&s](Request& request) {
        RequireCaller(request, s);
        const int year = YearParam(request);
        std::vector<LunarDayView> items;
        for (const auto& d : s.calendar.LunarDays(year)) {
          items.push_back({LunarView(d.lunar), cal::FormatIsoDate(d.date)});
        }
        const auto total = static_cast<std::int64_t>(items.size());
        return JsonView(LunarYearView{ListOf(std::move(items), total, Paging{1, 366}), year});
      }));
}

}  // namespace egov::api
