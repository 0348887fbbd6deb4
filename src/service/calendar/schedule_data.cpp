// Parsing of year-schedule JSON documents and access to the embedded data/calendar files.
#include "service/calendar/schedule_data.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <string>

#include "core/embedded.hpp"
#include "core/error.hpp"

EGOV_EMBEDDED_SET(calendar_data)

namespace egov::service::calendar {
namespace {

namespace cal = core::calendar;
namespace json = boost::json;

[[noreturn]] void Fail(const std::string& what) {
  throw Error(ErrorCode::kValidationFailed, "Lịch nghỉ không hợp lệ: " + what, {},
              {{"schedule", what}});
}

const json::value& Field(const json::object& object, std::string_view key,
                         const std::string& where) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr) Fail(where + "thiếu trường \"" + std::string(key) + "\"");
  return *value;
}

std::string StringField(const json::object& object, std::string_view key,
                        const std::string& where) {
  const json::value& value = Field(object, key, where);
  if (!value.is_string()) {
    Fail(where + "trường \"" + std::string(key) + "\" phải là chuỗi");
  }
  return std::string(value.get_string());
}

}  // namespace

cal::YearSchedule ParseYearSchedule(std::string_view json_text) {
  json::error_code ec;
  const json::value root = json::parse(json_text, ec);
  if (ec) Fail("JSON sai cú pháp");
  if (!root.is_object()) Fail("tài liệu phải là một đối tượng JSON");
  const json::object& object = root.get_object();

  cal::YearSchedule schedule;
  const json::value& year = Field(object, "year", "");
  if (!year.is_int64() || year.get_int64() < cal::kMinYear || year.get_int64() > cal::kMaxYear) {
    Fail("trường \"year\" phải là số nguyên từ 1900 đến 2199");
  }
  schedule.year = static_cast<int>(year.get_int64());
  schedule.source = StringField(object, "source", "");

  const json::value& days = Field(object, "days", "");
  if (!days.is_array()) Fail("trường \"days\" phải là mảng");
  std::size_t index = 0;
  for (const json::value& item : days.get_array()) {
    const std::string where = "days[" + std::to_string(index++) + "]: ";
    if (!item.is_object()) Fail(where + "phải là một đối tượng");
    const json::object& day = item.get_object();
    cal::ScheduledDay entry;
    try {
      entry.date = cal::ParseIsoDate(StringField(day, "date", where));
    } catch (const Error& e) {
      if (e.fields().count("schedule")) throw;  // already ours: a missing or mistyped field
      Fail(where + e.message());
    }
    entry.name = StringField(day, "name", where);
    const std::string kind = StringField(day, "kind", where);
    const std::optional<cal::DayKind> parsed = cal::ParseDayKind(kind);
    if (!parsed) {
      Fail(where + "loại ngày \"" + kind.substr(0, 40) +
           "\" không hợp lệ (holiday, compensatory, day_off, working_day)");
    }
    entry.kind = *parsed;
    schedule.days.push_back(std::move(entry));
  }
  return cal::ValidateYearSchedule(std::move(schedule));
}

std::vector<cal::YearSchedule> ShippedSchedules() {
  std::vector<cal::YearSchedule> schedules;
  for (const embedded::EmbeddedFile& file : embedded::calendar_data_files()) {
    try {
      schedules.push_back(ParseYearSchedule(file.bytes));
    } catch (const Error& e) {
      // Shipped data is checked by schedule_data_test; reaching this is a build defect.
      throw Error(ErrorCode::kInternal, "Dữ liệu lịch nghỉ đi kèm bị lỗi",
                  std::string(file.path) + ": " + e.message());
    }
  }
  std::sort(schedules.begin(), schedules.end(),
            [](const cal::YearSchedule& a, const cal::YearSchedule& b) { return a.year < b.year; });
  return schedules;
}

std::optional<cal::YearSchedule> ShippedSchedule(int year) {
  for (cal::YearSchedule& schedule : ShippedSchedules()) {
    if (schedule.year == year) return std::move(schedule);
  }
  return std::nullopt;
}

cal::YearSchedule ScheduleInForce(int year, const std::vector<cal::YearSchedule>& official) {
  for (const cal::YearSchedule& schedule : official) {
    if (schedule.year == year) return schedule;
  }
  return cal::StatutorySchedule(year);
}

cal::WorkingCalendar ShippedCalendar(cal::WorkingHours hours) {
  return cal::WorkingCalendar(ShippedSchedules(), std::move(hours));
}

}  // namespace egov::service::calendar
