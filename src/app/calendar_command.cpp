// `egov calendar lunar|solar|holidays|due`: thin wrappers over core/calendar and the shipped
// schedules (service/calendar), printing one JSON document each.
#include "app/calendar_command.hpp"

#include <boost/json.hpp>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "core/calendar/date.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"
#include "service/calendar/schedule_data.hpp"

namespace egov::app {
namespace {

namespace cal = core::calendar;
namespace json = boost::json;

[[noreturn]] void Invalid(const std::string& message) {
  throw Error(ErrorCode::kValidationFailed, message);
}

std::string Shorten(const std::string& text) {
  return text.size() > 40 ? text.substr(0, 40) + "…" : text;
}

// A non-negative decimal integer of at most `max_digits` digits, else nullopt.
std::optional<std::int64_t> ParseCount(const std::string& text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// `D/M/YYYY` (day and month with one or two digits).
cal::LunarDate ParseLunarText(const std::string& text, bool leap) {
  const std::size_t first = text.find('/');
  const std::size_t second = first == std::string::npos ? first : text.find('/', first + 1);
  std::optional<std::int64_t> day, month, year;
  if (second != std::string::npos) {
    day = ParseCount(text.substr(0, first), 2);
    month = ParseCount(text.substr(first + 1, second - first - 1), 2);
    year = ParseCount(text.substr(second + 1), 4);
  }
  if (!day || !month || !year || text.size() - second - 1 != 4) {
    Invalid("Ngày âm lịch không hợp lệ: \"" + Shorten(text) + "\" (định dạng D/M/YYYY)");
  }
  return cal::LunarDate{static_cast<int>(*day), static_cast<int>(*month), static_cast<int>(*year),
                        leap};
}

int ParseYear(const std::string& text) {
  const std::optional<std::int64_t> year = ParseCount(text, 4);
  if (!year || text.size() != 4 || *year < cal::kMinYear || *year > cal::kMaxYear) {
    Invalid("Năm không hợp lệ: \"" + Shorten(text) + "\" (từ 1900 đến 2199)");
  }
  return static_cast<int>(*year);
}

// Runs `body`, mapping expected errors to a message on `err` and an exit code.
template <typename Body>
void Run(std::ostream& err, int& exit_code, Body body) {
  try {
    body();
  } catch (const Error& e) {
    err << e.message() << "\n";
    exit_code = 1;
  }
}

// The shared state of the subcommands: option values, filled in by CLI11 before callbacks.
struct Options {
  std::string date, lunar, year, from, days, hours, db, agency;
  bool leap = false;
  bool same_day = false;
};

// --db/--agency are accepted for the contract but not wired yet (the lead wires the store).
bool RejectDatabase(const Options& o, std::ostream& err, int& exit_code) {
  if (o.db.empty() && o.agency.empty()) return false;
  err << (o.db.empty() ? "--agency chưa được hỗ trợ" : "--db chưa được hỗ trợ") << "\n";
  exit_code = 2;
  return true;
}

}  // namespace

void AddCalendarCommand(CLI::App& root, int& exit_code) {
  AddCalendarCommand(root, exit_code, std::cout, std::cerr);
}

void AddCalendarCommand(CLI::App& root, int& exit_code, std::ostream& out, std::ostream& err) {
  auto options = std::make_shared<Options>();
  CLI::App* calendar = root.add_subcommand("calendar", "Lịch âm, ngày nghỉ lễ và thời hạn");
  calendar->require_subcommand(1);

  CLI::App* lunar = calendar->add_subcommand("lunar", "Đổi ngày dương lịch sang âm lịch");
  lunar->add_option("date", options->date, "Ngày dương lịch YYYY-MM-DD")->required();
  lunar->callback([options, &out, &err, &exit_code] {
    Run(err, exit_code, [&] {
      const cal::LunarDate l = cal::SolarToLunar(cal::ParseIsoDate(options->date));
      out << json::serialize(json::object{
                 {"day", l.day}, {"month", l.month}, {"year", l.year}, {"leap", l.leap}})
          << "\n";
    });
  });

  CLI::App* solar = calendar->add_subcommand("solar", "Đổi ngày âm lịch sang dương lịch");
  solar->add_option("date", options->lunar, "Ngày âm lịch D/M/YYYY")->required();
  solar->add_flag("--leap", options->leap, "Ngày thuộc tháng nhuận");
  solar->callback([options, &out, &err, &exit_code] {
    Run(err, exit_code, [&] {
      const cal::Date d = cal::LunarToSolar(ParseLunarText(options->lunar, options->leap));
      out << json::serialize(json::object{{"date", cal::FormatIsoDate(d)}}) << "\n";
    });
  });

  CLI::App* holidays =
      calendar->add_subcommand("holidays", "Ngày nghỉ lễ, nghỉ bù, hoán đổi và làm bù của một năm");
  holidays->add_option("year", options->year, "Năm YYYY")->required();
  holidays->add_option("--db", options->db, "Cơ sở dữ liệu (chưa hỗ trợ)");
  holidays->callback([options, &out, &err, &exit_code] {
    if (RejectDatabase(*options, err, exit_code)) return;
    Run(err, exit_code, [&] {
      const int year = ParseYear(options->year);
      const std::optional<cal::YearSchedule> official = service::calendar::ShippedSchedule(year);
      const cal::YearSchedule schedule = official ? *official : cal::StatutorySchedule(year);
      json::array days;
      for (const cal::ScheduledDay& d : schedule.days) {
        days.push_back(json::object{{"date", cal::FormatIsoDate(d.date)},
                                    {"name", d.name},
                                    {"kind", cal::DayKindName(d.kind)}});
      }
      out << json::serialize(days) << "\n";
    });
  });

  CLI::App* due = calendar->add_subcommand("due", "Tính thời hạn theo ngày, giờ làm việc");
  due->add_option("--from", options->from, "Thời điểm tiếp nhận YYYY-MM-DDTHH:MM (giờ Việt Nam)")
      ->required();
  due->add_option("--days", options->days, "Số ngày làm việc");
  due->add_option("--hours", options->hours, "Số giờ làm việc");
  due->add_flag("--same-day", options->same_day,
                "Giải quyết trong ngày (nhận sau 15:00: "
                "ngày làm việc tiếp theo)");
  due->add_option("--db", options->db, "Cơ sở dữ liệu (chưa hỗ trợ)");
  due->add_option("--agency", options->agency, "Mã cơ quan (chưa hỗ trợ)");
  due->callback([options, &out, &err, &exit_code] {
    if (RejectDatabase(*options, err, exit_code)) return;
    Run(err, exit_code, [&] {
      const int chosen = (options->days.empty() ? 0 : 1) + (options->hours.empty() ? 0 : 1) +
                         (options->same_day ? 1 : 0);
      if (chosen != 1) Invalid("Cần đúng một trong các tùy chọn --days, --hours, --same-day");
      const cal::LocalDateTime from = cal::ParseLocalDateTime(options->from);
      const cal::WorkingCalendar calendar = service::calendar::ShippedCalendar();
      cal::LocalDateTime due_at;
      if (options->same_day) {
        due_at = calendar.SameDayDue(from);
      } else {
        const std::string& text = options->days.empty() ? options->hours : options->days;
        const std::optional<std::int64_t> n = ParseCount(text, 6);
        if (!n || *n == 0) {
          Invalid(std::string(options->days.empty() ? "Số giờ" : "Số ngày") +
                  " phải là số nguyên dương (tối đa 6 chữ số): \"" + Shorten(text) + "\"");
        }
        due_at = options->days.empty() ? calendar.AddWorkingHours(from, *n)
                                       : calendar.AddWorkingDays(from, *n);
      }
      out << json::serialize(json::object{{"start", cal::FormatLocalDateTime(calendar.Start(from))},
                                          {"due", cal::FormatLocalDateTime(due_at)}})
          << "\n";
    });
  });
}

}  // namespace egov::app
