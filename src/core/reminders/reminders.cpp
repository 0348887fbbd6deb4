// Reminders and escalation (see reminders.hpp).
#include "core/reminders/reminders.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include "core/notify/citizen_messages.hpp"

namespace egov::core::reminders {

namespace {

constexpr std::array<std::pair<Kind, std::string_view>, 5> kNames{{
    {Kind::kStepDueSoon, "step_due_soon"},
    {Kind::kStepOverdue, "step_overdue"},
    {Kind::kDossierOverdue, "dossier_overdue"},
    {Kind::kDocumentDueSoon, "document_due_soon"},
    {Kind::kDocumentOverdue, "document_overdue"},
}};

}  // namespace

std::string_view Name(Kind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "";
}

std::optional<Kind> ParseKind(std::string_view name) {
  for (const auto& [k, n] : kNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

bool IsSharePercent(int percent) { return percent >= 1 && percent <= 99; }

bool InWorkingTime(const calendar::WorkingCalendar& agency, std::int64_t now) {
  const auto local = calendar::FromUtcMillis(now);
  return agency.IsWorkingDay(local.date) && agency.hours().Contains(local.minute_of_day);
}

std::int64_t WorkingMinutes(const calendar::WorkingCalendar& agency, std::int64_t from,
                            std::int64_t to) {
  return agency.WorkingMinutesBetween(calendar::FromUtcMillis(from), calendar::FromUtcMillis(to));
}

bool IsDueSoon(const calendar::WorkingCalendar& agency, std::int64_t now, std::int64_t due,
               std::int64_t allotment_minutes, int share_percent) {
  if (allotment_minutes <= 0 || now >= due) return false;
  const std::int64_t left = WorkingMinutes(agency, now, due);
  // left ≤ allotment × (100 − share) / 100, in integers.
  return left * 100 <= allotment_minutes * (100 - share_percent);
}

std::int64_t EndOfDay(const calendar::WorkingCalendar& agency, const calendar::Date& day) {
  return calendar::ToUtcMillis({day, agency.hours().closing_minute()});
}

std::int64_t DueSoonHorizon(const calendar::WorkingCalendar& base, std::int64_t now,
                            int share_percent, int max_allotment_days) {
  const std::int64_t minutes = static_cast<std::int64_t>(max_allotment_days) *
                               base.hours().minutes_per_day() * (100 - share_percent) / 100;
  return calendar::ToUtcMillis(base.AddWorkingMinutes(calendar::FromUtcMillis(now), minutes)) +
         60'000;  // the minute FromUtcMillis rounded away
}

Notice Compose(const Subject& s) {
  const std::string due = notify::ShortTime(s.due);
  switch (s.kind) {
    case Kind::kStepDueSoon:
      return {fmt::format("Sắp đến hạn xử lý hồ sơ {}", s.code),
              fmt::format("Bước “{}” của hồ sơ {} ({}) đến hạn lúc {}. Đề nghị hoàn thành "
                          "trước thời hạn.",
                          s.step_name, s.code, s.title, due)};
    case Kind::kStepOverdue:
      return {fmt::format("Quá hạn bước xử lý hồ sơ {}", s.code),
              fmt::format("Bước “{}” của hồ sơ {} ({}) đã quá hạn từ {}. Đề nghị đôn đốc xử lý.",
                          s.step_name, s.code, s.title, due)};
    case Kind::kDossierOverdue:
      return {fmt::format("Hồ sơ {} đã quá hạn", s.code),
              fmt::format("Hồ sơ {} ({}) đã quá thời hạn giải quyết từ {}, bước hiện tại: “{}”. "
                          "Đề nghị chỉ đạo xử lý và thông báo xin lỗi công dân.",
                          s.code, s.title, due, s.step_name)};
    case Kind::kDocumentDueSoon:
      return {fmt::format("Sắp đến hạn xử lý văn bản {}", s.code),
              fmt::format("Văn bản {} “{}” phải xử lý xong trước {}.", s.code, s.title, due)};
    case Kind::kDocumentOverdue:
      return {fmt::format("Văn bản {} đã quá hạn xử lý", s.code),
              fmt::format("Văn bản {} “{}” đã quá hạn xử lý từ {}. Đề nghị đôn đốc xử lý.", s.code,
                          s.title, due)};
  }
  return {};
}

Notice ComposeDigest(Kind kind, std::int64_t count) {
  switch (kind) {
    case Kind::kStepDueSoon:
      return {fmt::format("{} hồ sơ sắp đến hạn xử lý", count),
              fmt::format("Có {} hồ sơ của anh/chị sắp đến hạn xử lý. Xem danh sách trong "
                          "“Việc của tôi”.",
                          count)};
    case Kind::kStepOverdue:
      return {fmt::format("{} hồ sơ quá hạn bước xử lý", count),
              fmt::format("Có {} hồ sơ đã quá hạn bước xử lý tại đơn vị. Đề nghị đôn đốc xử lý.",
                          count)};
    case Kind::kDossierOverdue:
      return {fmt::format("{} hồ sơ đã quá hạn", count),
              fmt::format("Có {} hồ sơ đã quá thời hạn giải quyết tại đơn vị. Đề nghị chỉ đạo xử "
                          "lý và thông báo xin lỗi công dân.",
                          count)};
    case Kind::kDocumentDueSoon:
      return {
          fmt::format("{} văn bản sắp đến hạn xử lý", count),
          fmt::format("Có {} văn bản sắp đến hạn xử lý. Xem danh sách văn bản cần xử lý.", count)};
    case Kind::kDocumentOverdue:
      return {fmt::format("{} văn bản đã quá hạn xử lý", count),
              fmt::format("Có {} văn bản đã quá hạn xử lý. Đề nghị đôn đốc xử lý.", count)};
  }
  return {};
}

Mail ComposeMail(const std::vector<MailLine>& lines) {
  Mail out;
  out.subject = lines.size() == 1 ? lines.front().title
                                  : fmt::format("Egov: {} thông báo nhắc việc", lines.size());
  out.body = "Kính gửi anh/chị,\n\n";
  for (const auto& l : lines) {
    out.body += "- " + l.title + "\n  " + l.body + "\n";
    if (!l.url.empty()) out.body += "  " + l.url + "\n";
  }
  out.body +=
      "\nThư này do hệ thống Egov gửi tự động; các thông báo cũng có trong mục Thông báo của "
      "phần mềm.\n";
  return out;
}

}  // namespace egov::core::reminders
