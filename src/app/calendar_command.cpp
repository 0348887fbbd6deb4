// `egov calendar lunar|solar|holidays|due`: thin wrappers over core/calendar and the shipped
// schedules (service/calendar), or with --db the database's schedules (CalendarService),
// printing one JSON document each.
#include "app/calendar_command.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/commands.hpp"
#include "app/system_clock.hpp"
#include "app/wiring.hpp"
#include "core/calendar/date.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/calendar/schedule_data.hpp"
#include "service/security/crypto.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

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

// The database named by --db, migrated, with the shipped schedules loaded for years that
// have none (as `egov serve` does at start), and the services over it (ServiceGraph).
struct DatabaseCalendar {
  explicit DatabaseCalendar(const std::string& url) : db(url, 1), graph(db, clock, {}) {
    store::Migrate(db);
    graph.calendar().LoadShippedSchedules();
  }
  service::calendar::CalendarService& calendar() { return graph.calendar(); }

  // Before the first database command: logs to stderr (stdout is the JSON), crypto for audit.
  struct Prepared {
    Prepared() {
      if (!spdlog::get("egov")) SetUpLogging("warn");
      service::security::InitCrypto();
    }
  } prepared;
  store::Database db;
  SystemClock clock;
  ServiceGraph graph;
};

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
  holidays->add_option("--db", options->db,
                       "Cơ sở dữ liệu (sqlite:… hoặc postgresql://…): lịch trong cơ sở dữ liệu");
  holidays->callback([options, &out, &err, &exit_code] {
    Run(err, exit_code, [&] {
      const int year = ParseYear(options->year);
      cal::YearSchedule schedule;
      if (!options->db.empty()) {
        DatabaseCalendar database(options->db);
        schedule = database.calendar().Holidays(year).schedule;
      } else {
        const std::optional<cal::YearSchedule> official = service::calendar::ShippedSchedule(year);
        schedule = official ? *official : cal::StatutorySchedule(year);
      }
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
  due->add_option("--db", options->db,
                  "Cơ sở dữ liệu (sqlite:… hoặc postgresql://…): lịch trong cơ sở dữ liệu");
  due->add_option("--agency", options->agency,
                  "Mã định danh cơ quan: dùng giờ làm việc của cơ quan (cần --db)");
  due->callback([options, &out, &err, &exit_code] {
    Run(err, exit_code, [&] {
      const int chosen = (options->days.empty() ? 0 : 1) + (options->hours.empty() ? 0 : 1) +
                         (options->same_day ? 1 : 0);
      if (chosen != 1) Invalid("Cần đúng một trong các tùy chọn --days, --hours, --same-day");
      if (!options->agency.empty() && options->db.empty()) {
        Invalid("--agency cần đi kèm --db (giờ làm việc của cơ quan nằm trong cơ sở dữ liệu)");
      }
      const cal::LocalDateTime from = cal::ParseLocalDateTime(options->from);
      std::optional<cal::WorkingCalendar> chosen_calendar;
      if (options->db.empty()) {
        chosen_calendar.emplace(service::calendar::ShippedCalendar());
      } else {
        DatabaseCalendar database(options->db);
        const cal::WorkingHours hours = options->agency.empty()
                                            ? cal::WorkingHours::Default()
                                            : database.calendar().WorkingHoursOf(options->agency);
        chosen_calendar.emplace(database.calendar().Calendar()->WithHours(hours));
      }
      const cal::WorkingCalendar& calendar = *chosen_calendar;
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
