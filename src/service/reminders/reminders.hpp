// The reminder scan (issue 11, docs/reminders.md): run as the periodic job `reminder_scan`,
// it tells officers in the app (and by e-mail, through the `officer_mail` job, when they have
// an address) that a step of a dossier or a directed incoming document is due soon, and the
// leaders that a step, a dossier or a document is overdue — each notice once, and only while
// the agency concerned is at work (its working days and hours). Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "notify/mail_sender.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/jobs/job_queue.hpp"
#include "service/notify/notifications.hpp"
#include "store/database.hpp"

namespace egov::service::reminders {

// The kinds of the jobs (docs/jobs.md).
inline constexpr std::string_view kScanKind = "reminder_scan";
inline constexpr std::string_view kMailKind = "officer_mail";

struct ReminderOptions {
  int share_percent = 80;   // [reminders] share_percent, 1–99
  int page_size = 500;      // candidates read per query
  int max_per_scan = 5000;  // subjects noticed per scan; the rest in the next one
};

struct ScanResult {
  int subjects = 0;       // dossiers and documents noticed (marks written)
  int notifications = 0;  // in-app notifications created (digests count one)
  int mails = 0;          // officer_mail jobs enqueued
};

class Reminders {
 public:
  Reminders(store::Database& db, const core::Clock& clock,
            const calendar::CalendarService& calendar, const notify::Notifications& notifications,
            const jobs::JobQueue& queue, ReminderOptions options);

  // One scan at the clock's now: reads the candidates, decides, and writes the marks, the
  // notifications and the e-mail jobs in one transaction (a mark already written by another
  // scan drops its notice).
  ScanResult Scan() const;

 private:
  store::Database& db_;
  const core::Clock& clock_;
  const calendar::CalendarService& calendar_;
  const notify::Notifications& notifications_;
  const jobs::JobQueue& queue_;
  ReminderOptions options_;
};

// Sends the e-mail of an `officer_mail` job (payload {"user_id":N,"notifications":[ids]}): the
// user's notifications by id, to the user's address. Returns without sending when the user has
// no address any more or is inactive, or none of the notifications is theirs; throws when the
// payload is malformed or the mail server failed for a reason that may pass (the job retries).
void SendOfficerMail(store::Database& db, egov::notify::MailSender& mail,
                     const std::string& public_base_url, const std::string& payload);

}  // namespace egov::service::reminders
