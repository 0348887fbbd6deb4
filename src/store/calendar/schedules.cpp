// SQL for the official holiday schedules (see schedules.hpp).
#include "store/calendar/schedules.hpp"

#include <soci/soci.h>

#include <map>
#include <stdexcept>

#include "core/calendar/date.hpp"
#include "store/query.hpp"

namespace egov::store::calendar {

namespace cal = core::calendar;

namespace {

// The statements of this file, by what they do.
constexpr const char* kSelectYear =
    "SELECT year, source, updated_at, updated_by FROM calendar_years ";
const std::string kSelectYears = std::string(kSelectYear) + "ORDER BY year";
const std::string kSelectYearByNumber = std::string(kSelectYear) + "WHERE year = :year";
constexpr const char* kSelectDay = "SELECT date, year, name, kind FROM calendar_days ";
const std::string kSelectDays = std::string(kSelectDay) + "ORDER BY date";
const std::string kSelectDaysOfYear = std::string(kSelectDay) + "WHERE year = :year ORDER BY date";
constexpr const char* kInsertDay =
    "INSERT INTO calendar_days (date, year, name, kind) VALUES (:date, :year, :name, :kind)";
constexpr const char* kInsertYearIfAbsent =
    "INSERT INTO calendar_years (year, source, updated_at, updated_by) "
    "VALUES (:year, :source, :at, :by) ON CONFLICT (year) DO NOTHING";
constexpr const char* kDeleteDaysOfYear = "DELETE FROM calendar_days WHERE year = :year";
constexpr const char* kUpsertYear =
    "INSERT INTO calendar_years (year, source, updated_at, updated_by) "
    "VALUES (:year, :source, :at, :by) ON CONFLICT (year) DO UPDATE SET "
    "source = excluded.source, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by";
constexpr const char* kSelectCalendarVersion = "SELECT version FROM calendar_state WHERE id = 1";
constexpr const char* kBumpCalendarVersion =
    "UPDATE calendar_state SET version = version + 1 WHERE id = 1 RETURNING version";

struct YearRow {
  int year = 0;
  std::string source, updated_by;
  long long updated_at = 0;
  void Bind(Columns& c) {
    c("year", year);
    c("source", source);
    c("updated_at", updated_at);
    c("updated_by", updated_by);
  }
  StoredSchedule Get() const {
    StoredSchedule s;
    s.schedule.year = year;
    s.schedule.source = source;
    s.updated_at = updated_at;
    s.updated_by = updated_by;
    return s;
  }
};

struct DayRow {
  std::string date, name, kind;
  int year = 0;
  void Bind(Columns& c) {
    c("date", date);
    c("year", year);
    c("name", name);
    c("kind", kind);
  }
  std::pair<int, cal::ScheduledDay> Get() const {
    auto parsed_kind = cal::ParseDayKind(kind);
    if (!parsed_kind) throw std::runtime_error("calendar_days: unknown kind " + kind);
    return {year, {cal::ParseIsoDate(date), name, *parsed_kind}};
  }
};

// Days keyed by year, each list sorted by date.
template <class... Uses>
std::map<int, std::vector<cal::ScheduledDay>> QueryDays(soci::session& sql, const std::string& text,
                                                        Uses&&... uses) {
  std::map<int, std::vector<cal::ScheduledDay>> out;
  for (auto& [year, day] : QueryRows<DayRow>(sql, text, std::forward<Uses>(uses)...)) {
    out[year].push_back(std::move(day));
  }
  return out;
}

void InsertDays(soci::session& sql, const cal::YearSchedule& schedule) {
  std::string date, name, kind;
  int year = schedule.year;
  soci::statement st = (sql.prepare << kInsertDay, soci::use(date, "date"), soci::use(year, "year"),
                        soci::use(name, "name"), soci::use(kind, "kind"));
  for (const cal::ScheduledDay& day : schedule.days) {
    date = cal::FormatIsoDate(day.date);
    name = day.name;
    kind = std::string(cal::DayKindName(day.kind));
    st.execute(true);
  }
}

}  // namespace

std::vector<StoredSchedule> ListSchedules(Session& session) {
  auto years = QueryRows<YearRow>(session.sql(), kSelectYears);
  auto days = QueryDays(session.sql(), kSelectDays);
  for (StoredSchedule& s : years) {
    auto it = days.find(s.schedule.year);
    if (it != days.end()) s.schedule.days = std::move(it->second);
  }
  return years;
}

std::optional<StoredSchedule> FindSchedule(Session& session, int year) {
  int key = year;
  auto years = QueryRows<YearRow>(session.sql(), kSelectYearByNumber, soci::use(key, "year"));
  if (years.empty()) return std::nullopt;
  int day_key = year;
  auto days = QueryDays(session.sql(), kSelectDaysOfYear, soci::use(day_key, "year"));
  StoredSchedule out = std::move(years.front());
  auto it = days.find(year);
  if (it != days.end()) out.schedule.days = std::move(it->second);
  return out;
}

bool InsertScheduleIfAbsent(WriteTransaction& tx, const cal::YearSchedule& schedule,
                            std::int64_t now, const std::string& by) {
  int year = schedule.year;
  std::string source = schedule.source, updated_by = by;
  long long at = now;
  soci::statement st =
      (tx.sql().prepare << kInsertYearIfAbsent, soci::use(year, "year"),
       soci::use(source, "source"), soci::use(at, "at"), soci::use(updated_by, "by"));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  InsertDays(tx.sql(), schedule);
  return true;
}

void ReplaceSchedule(WriteTransaction& tx, const cal::YearSchedule& schedule, std::int64_t now,
                     const std::string& by) {
  int year = schedule.year;
  std::string source = schedule.source, updated_by = by;
  long long at = now;
  tx.sql() << kDeleteDaysOfYear, soci::use(year, "year");
  tx.sql() << kUpsertYear, soci::use(year, "year"), soci::use(source, "source"),
      soci::use(at, "at"), soci::use(updated_by, "by");
  InsertDays(tx.sql(), schedule);
}

std::int64_t CalendarVersion(Session& session) {
  long long version = 0;
  session.sql() << kSelectCalendarVersion, soci::into(version);
  return version;
}

std::int64_t BumpCalendarVersion(WriteTransaction& tx) {
  long long version = 0;
  tx.sql() << kBumpCalendarVersion, soci::into(version);
  return version;
}

}  // namespace egov::store::calendar
