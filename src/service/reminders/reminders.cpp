// The reminder scan (see reminders.hpp).
#include "service/reminders/reminders.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "core/calendar/date.hpp"
#include "core/reminders/reminders.hpp"
#include "store/notify/notifications.hpp"
#include "store/reminders/reminders.hpp"

namespace egov::service::reminders {

namespace {

using core::reminders::Kind;
using store::reminders::Officer;

// Web paths of what the notices link to (web/src/paths.ts).
std::string DossierLink(const std::string& code) { return "/can-bo/ho-so/" + code; }
std::string DocumentLink(std::int64_t id) { return "/can-bo/van-ban/" + std::to_string(id); }
std::string DigestLink(Kind kind) {
  switch (kind) {
    case Kind::kStepDueSoon: return "/can-bo/cong-viec";
    case Kind::kStepOverdue:
    case Kind::kDossierOverdue: return "/can-bo/cong-viec-don-vi";
    case Kind::kDocumentDueSoon:
    case Kind::kDocumentOverdue: return "/can-bo/van-ban";
  }
  return "/can-bo";
}

// One notice to give: the subject, its mark, and who hears of it.
struct Decision {
  std::string_view subject_table;  // "dossier" | "document"
  std::int64_t subject_id = 0;
  std::int64_t mark_due = 0;
  core::reminders::Subject subject;
  std::vector<Officer> to;
};

// The agencies' calendars met in one scan: the shared days with each agency's hours.
class Calendars {
 public:
  Calendars(store::Session& session, std::shared_ptr<const core::calendar::WorkingCalendar> base)
      : session_(session), base_(std::move(base)) {}
  const core::calendar::WorkingCalendar& Of(std::int64_t agency_id) {
    auto it = by_agency_.find(agency_id);
    if (it == by_agency_.end()) {
      const auto hours = store::reminders::WorkingHoursOf(session_, agency_id);
      it =
          by_agency_
              .emplace(agency_id,
                       hours ? base_->WithHours(core::calendar::ParseWorkingHours(*hours)) : *base_)
              .first;
    }
    return it->second;
  }
  const core::calendar::WorkingCalendar& base() const { return *base_; }

 private:
  store::Session& session_;
  std::shared_ptr<const core::calendar::WorkingCalendar> base_;
  std::map<std::int64_t, core::calendar::WorkingCalendar> by_agency_;
};

// Officers without repeats, in the order first met.
void AddOfficers(std::vector<Officer>& to, std::vector<Officer> more) {
  for (auto& o : more) {
    if (std::none_of(to.begin(), to.end(), [&](const Officer& t) { return t.id == o.id; })) {
      to.push_back(std::move(o));
    }
  }
}

// The leaders of a unit: its own, else those of the nearest agency above it that has some (a
// unit without a leader of its own — the one-stop counter — answers to its parent's).
std::vector<Officer> LeadersOf(store::Session& session, std::int64_t agency_id) {
  std::optional<std::int64_t> at = agency_id;
  for (int depth = 0; at && depth < 16; ++depth) {
    auto leaders = store::reminders::OfficersWithRole(session, *at, "leader");
    if (!leaders.empty()) return leaders;
    at = store::reminders::ParentAgency(session, *at);
  }
  return {};
}

std::int64_t DayKey(const core::calendar::Date& d) {
  return d.year * 10000 + d.month * 100 + d.day;
}

}  // namespace

Reminders::Reminders(store::Database& db, const core::Clock& clock,
                     const calendar::CalendarService& calendar,
                     const notify::Notifications& notifications, const jobs::JobQueue& queue,
                     ReminderOptions options)
    : db_(db),
      clock_(clock),
      calendar_(calendar),
      notifications_(notifications),
      queue_(queue),
      options_(options) {
  if (!core::reminders::IsSharePercent(options_.share_percent)) {
    throw std::invalid_argument("reminders: share_percent must be 1..99");
  }
}

ScanResult Reminders::Scan() const {
  const std::int64_t now = clock_.NowMillis();
  const int share = options_.share_percent;
  std::vector<Decision> decisions;
  {
    store::Session session(db_);
    Calendars calendars(session, calendar_.Calendar());
    const auto full = [&] { return static_cast<int>(decisions.size()) >= options_.max_per_scan; };

    // Dossiers: the current step due soon, the step overdue, the dossier overdue.
    struct DossierPass {
      Kind kind;
      store::reminders::DossierDue which;
      store::reminders::Cursor from;
      std::int64_t until;
    };
    const std::int64_t horizon = core::reminders::DueSoonHorizon(
        calendars.base(), now, share, core::reminders::kMaxAllotmentDays);
    const DossierPass dossier_passes[] = {
        {Kind::kStepDueSoon,
         store::reminders::DossierDue::kStep,
         {now, std::numeric_limits<std::int64_t>::max()},
         horizon},
        // Overdue: due at least a minute ago (core::reminders::IsOverdue).
        {Kind::kStepOverdue, store::reminders::DossierDue::kStep, {}, now - 60'000},
        {Kind::kDossierOverdue, store::reminders::DossierDue::kDossier, {}, now - 60'000},
    };
    for (const auto& pass : dossier_passes) {
      auto cursor = pass.from;
      for (bool more = true; more && !full();) {
        const auto page = store::reminders::DossierCandidates(
            session, pass.which, core::reminders::Name(pass.kind), cursor, pass.until,
            options_.page_size);
        more = static_cast<int>(page.size()) == options_.page_size;
        if (!page.empty()) cursor = {page.back().due, page.back().id};
        for (const auto& c : page) {
          if (full()) break;
          const auto& cal = calendars.Of(c.agency_id);
          if (!core::reminders::InWorkingTime(cal, now)) continue;
          if (pass.kind == Kind::kStepDueSoon &&
              !core::reminders::IsDueSoon(cal, now, c.due, c.step_hours * 60, share)) {
            continue;
          }
          Decision d{"dossier",
                     c.id,
                     c.due,
                     {pass.kind, c.code, c.procedure_name, c.step_name, c.due, DossierLink(c.code)},
                     {}};
          if (pass.kind == Kind::kStepDueSoon) {
            if (c.assignee) {
              if (auto o = store::reminders::ActiveOfficer(session, *c.assignee))
                d.to.push_back(*o);
            } else if (!c.step_role.empty()) {
              d.to = store::reminders::OfficersWithRole(session, c.agency_id, c.step_role);
            }
          } else {
            d.to = LeadersOf(session, c.agency_id);
          }
          if (!d.to.empty()) decisions.push_back(std::move(d));
        }
      }
    }

    // Directed incoming documents: due soon (for the lead), overdue (for the leader who
    // directed it and the lead unit's leaders). A deadline day ends at the agency's closing.
    const auto today = core::calendar::FromUtcMillis(now).date;
    const std::int64_t today_key = DayKey(today);
    const std::int64_t horizon_key = DayKey(core::calendar::FromUtcMillis(horizon).date);
    for (const Kind kind : {Kind::kDocumentDueSoon, Kind::kDocumentOverdue}) {
      const bool soon = kind == Kind::kDocumentDueSoon;
      store::reminders::Cursor cursor{soon ? today_key - 1 : -1, 0};
      for (bool more = true; more && !full();) {
        const auto page = store::reminders::DocumentCandidates(
            session, core::reminders::Name(kind), cursor, soon ? horizon_key : today_key,
            options_.page_size);
        more = static_cast<int>(page.size()) == options_.page_size;
        if (!page.empty()) cursor = {page.back().deadline_key, page.back().id};
        for (const auto& c : page) {
          if (full()) break;
          const auto& cal = calendars.Of(c.agency_id);
          if (!core::reminders::InWorkingTime(cal, now)) continue;
          const std::int64_t due =
              core::reminders::EndOfDay(cal, core::calendar::ParseIsoDate(c.deadline));
          if (soon) {
            if (!c.directed_at) continue;
            const auto allotment = core::reminders::WorkingMinutes(cal, *c.directed_at, due);
            if (!core::reminders::IsDueSoon(cal, now, due, allotment, share)) continue;
          } else if (!core::reminders::IsOverdue(now, due)) {
            continue;
          }
          const std::string code =
              c.number_notation ? *c.number_notation
                                : (c.incoming_number ? fmt::format("số đến {}", *c.incoming_number)
                                                     : fmt::format("#{}", c.id));
          Decision d{"document",
                     c.id,
                     c.deadline_key,
                     {kind, code, c.subject, "", due, DocumentLink(c.id)},
                     {}};
          // Due soon: the lead officer and the lead unit's leaders (else the leader who
          // directed it); overdue: the leader who directed it, the lead unit's leaders and the
          // lead officer.
          const auto officer = [&](const std::string& username) {
            std::vector<Officer> out;
            if (auto o = store::reminders::ActiveOfficer(session, username)) out.push_back(*o);
            return out;
          };
          if (!soon && !c.directed_by.empty()) AddOfficers(d.to, officer(c.directed_by));
          if (c.lead_username) AddOfficers(d.to, officer(*c.lead_username));
          if (c.lead_agency_id) {
            AddOfficers(d.to, LeadersOf(session, *c.lead_agency_id));
          }
          if (soon && d.to.empty() && !c.directed_by.empty()) {
            AddOfficers(d.to, officer(c.directed_by));
          }
          if (!d.to.empty()) decisions.push_back(std::move(d));
        }
      }
    }
  }

  ScanResult result;
  if (decisions.empty()) return result;
  store::WriteTransaction tx(db_);
  // Who hears of what: user → kind → subjects, in the order decided.
  std::map<std::int64_t, std::map<Kind, std::vector<const core::reminders::Subject*>>> heard;
  std::map<std::int64_t, const Officer*> officers;
  for (const auto& d : decisions) {
    if (!store::reminders::InsertMark(tx, d.subject_table, d.subject_id,
                                      core::reminders::Name(d.subject.kind), d.mark_due, now)) {
      continue;  // another scan said it
    }
    ++result.subjects;
    for (const auto& o : d.to) {
      heard[o.id][d.subject.kind].push_back(&d.subject);
      officers.emplace(o.id, &o);
    }
  }
  for (const auto& [user_id, kinds] : heard) {
    std::vector<std::int64_t> created;
    for (const auto& [kind, subjects] : kinds) {
      const auto count = static_cast<std::int64_t>(subjects.size());
      if (count > core::reminders::kDigestThreshold) {
        const auto n = core::reminders::ComposeDigest(kind, count);
        created.push_back(
            notifications_.Create(tx, {user_id, std::string(core::reminders::Name(kind)), n.title,
                                       n.body, DigestLink(kind)}));
      } else {
        for (const auto* s : subjects) {
          const auto n = core::reminders::Compose(*s);
          created.push_back(notifications_.Create(
              tx, {user_id, std::string(core::reminders::Name(kind)), n.title, n.body, s->link}));
        }
      }
    }
    result.notifications += static_cast<int>(created.size());
    if (officers.at(user_id)->email) {
      boost::json::array ids;
      for (auto id : created) ids.push_back(id);
      queue_.Enqueue(tx, kMailKind,
                     boost::json::serialize(
                         boost::json::object{{"user_id", user_id}, {"notifications", ids}}));
      ++result.mails;
    }
  }
  tx.Commit();
  if (result.subjects > 0) {
    spdlog::info("reminders: {} subjects, {} notifications, {} e-mails", result.subjects,
                 result.notifications, result.mails);
  }
  return result;
}

void SendOfficerMail(store::Database& db, egov::notify::MailSender& mail,
                     const std::string& public_base_url, const std::string& payload) {
  const auto value = boost::json::parse(payload);
  const auto& object = value.as_object();
  const auto user_id = object.at("user_id").to_number<std::int64_t>();
  std::vector<store::notify::Notification> items;
  std::optional<Officer> officer;
  {
    store::Session session(db);
    for (const auto& id : object.at("notifications").as_array()) {
      if (auto n = store::notify::FindForUser(session, user_id, id.to_number<std::int64_t>())) {
        items.push_back(std::move(*n));
      }
    }
    officer = store::reminders::ActiveOfficerById(session, user_id);
  }
  if (!officer || !officer->email || items.empty()) {
    spdlog::warn("officer mail: user {} has no active address or no notification; nothing sent",
                 user_id);
    return;
  }
  std::vector<core::reminders::MailLine> lines;
  for (const auto& n : items) {
    lines.push_back({n.title, n.body, n.link.empty() ? "" : public_base_url + n.link});
  }
  const auto message = core::reminders::ComposeMail(lines);
  try {
    mail.Send({.to = {"", *officer->email},
               .subject = message.subject,
               .text = message.body,
               .id = fmt::format("reminder.{}.{}", user_id, items.front().id)});
  } catch (const egov::notify::DeliveryError& e) {
    if (!e.permanent()) throw;
    spdlog::warn("officer mail: refused for good for user {}: {}", user_id, e.what());
  }
}

}  // namespace egov::service::reminders
