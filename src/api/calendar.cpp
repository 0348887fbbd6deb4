// /api/v1/calendar: a year's days off (read by any signed-in user, replaced by an admin) and
// the lunar date of every day of a year, for the working-calendar screen.
#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

#include "api/auth_context.hpp"
#include "api/json_util.hpp"
#include "api/routes.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"

namespace egov::api {

using boost::beast::http::verb;
using http::Request;
namespace cal = core::calendar;
namespace json = boost::json;

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

json::object LunarJson(const cal::LunarDate& l) {
  return {{"day", l.day}, {"month", l.month}, {"year", l.year}, {"leap", l.leap}};
}

// The list shape of CONTRACT.md plus the year, whether the schedule is official, and its
// source. The whole year fits one page unless ?per_page= asks for less.
json::object ScheduleJson(const service::calendar::HolidaySchedule& s, const Request& request) {
  Paging paging = ParsePaging(request);
  if (!request.query("per_page")) paging.per_page = service::calendar::kMaxDaysPerYear;
  const auto& days = s.schedule.days;
  const std::size_t first =
      std::min(days.size(), static_cast<std::size_t>(paging.page - 1) * paging.per_page);
  const std::size_t last = std::min(days.size(), first + paging.per_page);
  json::array items;
  for (std::size_t i = first; i < last; ++i) {
    const cal::ScheduledDay& d = days[i];
    items.push_back(json::object{{"date", cal::FormatIsoDate(d.date)},
                                 {"name", d.name},
                                 {"kind", cal::DayKindName(d.kind)},
                                 {"lunar", LunarJson(cal::SolarToLunar(d.date))}});
  }
  json::object out = ListJson(std::move(items), static_cast<std::int64_t>(days.size()), paging);
  out["year"] = s.schedule.year;
  out["official"] = s.official;
  out["source"] = s.schedule.source;
  if (s.official) {
    out["updated_at"] = FormatInstant(s.updated_at);
    out["updated_by"] = s.updated_by;
  }
  return out;
}

std::string DayString(const json::object& day, const char* key, const std::string& where) {
  const json::value* v = day.if_contains(key);
  if (v == nullptr || !v->is_string()) {
    throw FieldError(where + key, "thiếu trường bắt buộc hoặc không phải chuỗi ký tự.");
  }
  return std::string(v->get_string());
}

// {"source"?, "days":[{"date","name","kind"}]}: shapes only; values are the service's.
std::vector<service::calendar::DayInput> DaysFromBody(const json::object& body) {
  const json::value* days = body.if_contains("days");
  if (days == nullptr || !days->is_array()) {
    throw FieldError("days", "thiếu danh sách ngày (một mảng, có thể rỗng).");
  }
  const json::array& array = days->get_array();
  if (array.size() > service::calendar::kMaxDaysPerYear) {
    throw FieldError("days",
                     "một năm có tối đa " + std::to_string(service::calendar::kMaxDaysPerYear) +
                         " ngày trong lịch nghỉ (nhận được " + std::to_string(array.size()) + ").");
  }
  std::vector<service::calendar::DayInput> out;
  out.reserve(array.size());
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string where = "days[" + std::to_string(i) + "].";
    if (!array[i].is_object()) {
      throw FieldError("days[" + std::to_string(i) + "]",
                       "mỗi ngày phải là một đối tượng {date, name, kind}.");
    }
    const json::object& day = array[i].get_object();
    for (const auto& member : day) {
      const std::string_view key = member.key();
      if (key != "date" && key != "name" && key != "kind" && key != "lunar") {
        throw FieldError(where + std::string(key.substr(0, 40)), "trường này không được hỗ trợ.");
      }
    }
    out.push_back({DayString(day, "date", where), DayString(day, "name", where),
                   DayString(day, "kind", where)});
  }
  return out;
}

}  // namespace

void RegisterCalendarRoutes(http::Router& router, const service::Services& services) {
  const auto& s = services;

  router.Add(verb::get, "/api/v1/calendar/holidays", http::SyncHandler([&s](Request& request) {
               RequireCaller(request, s);
               const int year = YearParam(request);
               return http::JsonResponse(ScheduleJson(s.calendar.Holidays(year), request));
             }));

  router.Add(verb::put, "/api/v1/calendar/holidays", http::SyncHandler([&s](Request& request) {
               auto caller = RequireCaller(request, s);
               const int year = YearParam(request);
               const auto& body = JsonBody(request);
               RejectUnknownKeys(body, {"source", "days"});
               const std::optional<std::string> source =
                   OptionalString(body, "source", service::calendar::kMaxSourceLength);
               const auto days = DaysFromBody(body);
               return http::JsonResponse(
                   ScheduleJson(s.calendar.PutHolidays(caller, year, source, days), request));
             }));

  router.Add(verb::get, "/api/v1/calendar/lunar", http::SyncHandler([&s](Request& request) {
               RequireCaller(request, s);
               const int year = YearParam(request);
               json::array items;
               for (const auto& d : s.calendar.LunarDays(year)) {
                 json::object item = LunarJson(d.lunar);
                 item["date"] = cal::FormatIsoDate(d.date);
                 items.push_back(std::move(item));
               }
               const std::int64_t total = static_cast<std::int64_t>(items.size());
               json::object out = ListJson(std::move(items), total, Paging{1, 366});
               out["year"] = year;
               return http::JsonResponse(out);
             }));
}

}  // namespace egov::api
