// Reminders and escalation (issue 11, docs/reminders.md): when an officer is reminded that a
// step or a document is due soon, when a leader is told that it is overdue, and what they are
// told. Pure: the scan (service::reminders) reads the candidates and passes every instant and
// the agency's calendar; no I/O, no clock; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/working_time.hpp"

namespace egov::core::reminders {

// The notices of the scan; names as in the `notifications.kind` and `reminder_marks.kind`
// columns.
enum class Kind {
  kStepDueSoon,      // "step_due_soon": to the officers of a dossier's current step
  kStepOverdue,      // "step_overdue": to the leaders of the agency holding the dossier
  kDossierOverdue,   // "dossier_overdue": idem, the dossier's own due time passed
  kDocumentDueSoon,  // "document_due_soon": to the lead handler of a directed document
  kDocumentOverdue,  // "document_overdue": to the leader who directed it and the lead unit's
};
std::string_view Name(Kind kind);
std::optional<Kind> ParseKind(std::string_view name);

// The share of an allotment after which the officer is reminded ([reminders] share_percent:
// 80 = when 80 % of the step's working time has passed). 1–99.
constexpr int kDefaultSharePercent = 80;
bool IsSharePercent(int percent);

// Notices go out only while the agency works: `now` (UTC ms) on one of its working days,
// inside its working hours (begin inclusive, end exclusive). A notice due on Saturday, at
// night or during Tết waits for the next opening.
bool InWorkingTime(const calendar::WorkingCalendar& agency, std::int64_t now);

// True when the officer should be reminded at `now`: the due time has not passed and the
// working time left until `due` is at most (100 − share) % of `allotment_minutes` (the working
// minutes the step or document was given; ≤ 0: never).
bool IsDueSoon(const calendar::WorkingCalendar& agency, std::int64_t now, std::int64_t due,
               std::int64_t allotment_minutes, int share_percent);

// Overdue at `now`: a minute after the due minute has begun (times are kept to the minute: a
// step done at 09:00:40 for 09:00 is on time, CONTRACT.md's timeliness).
inline bool IsOverdue(std::int64_t now, std::int64_t due) { return now >= due + 60'000; }

// The working minutes between two instants on `agency`'s calendar (the allotment of a
// document: from its direction to the close of its deadline day).
std::int64_t WorkingMinutes(const calendar::WorkingCalendar& agency, std::int64_t from,
                            std::int64_t to);

// The instant a deadline day ends for `agency`: its closing time that day (a document's
// deadline "2026-03-16" is due at 17:00 that day with the default hours).
std::int64_t EndOfDay(const calendar::WorkingCalendar& agency, const calendar::Date& day);

// The last instant that can hold a due time worth a reminder at `now`: `now` plus
// (100 − share) % of `max_allotment_days` working days. The scan reads the candidates due by
// then; an allotment longer than the bound is reminded when it enters the window (later than
// its exact share).
std::int64_t DueSoonHorizon(const calendar::WorkingCalendar& base, std::int64_t now,
                            int share_percent, int max_allotment_days);
constexpr int kMaxAllotmentDays = 90;

// What a notice is about.
struct Subject {
  Kind kind = Kind::kStepDueSoon;
  std::string code;       // dossier code; for a document its số/ký hiệu or "số đến 12"
  std::string title;      // procedure name, or the document's subject (trích yếu)
  std::string step_name;  // the step (dossiers' step kinds)
  std::int64_t due = 0;   // UTC ms
  std::string link;       // web path of the dossier or document
};

struct Notice {
  std::string title;  // one line, ≤ 200 characters
  std::string body;   // ≤ 2000 characters
};
Notice Compose(const Subject& subject);

// One notice for `count` (> 1) subjects of one kind that one officer hears of in one scan, in
// place of `count` separate ones (docs/reminders.md, "Digests").
Notice ComposeDigest(Kind kind, std::int64_t count);
// More subjects of one kind than this for one officer in one scan become a digest.
constexpr std::int64_t kDigestThreshold = 10;

// The e-mail that carries one scan's notifications to one officer: each notification's title,
// body and full link (public_base_url + path; empty: none).
struct MailLine {
  std::string title, body, url;
};
struct Mail {
  std::string subject;  // the title when there is one line, else "Egov: N thông báo nhắc việc"
  std::string body;
};
Mail ComposeMail(const std::vector<MailLine>& lines);

}  // namespace egov::core::reminders
