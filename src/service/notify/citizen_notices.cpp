// Citizen notices: facts from the dossier and its event, composed, sent (see
// citizen_notices.hpp).
#include "service/notify/citizen_notices.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

#include "core/dossier/citizen_notice.hpp"
#include "core/dossier/workflow.hpp"
#include "store/access/agencies.hpp"
#include "store/dossier/dossiers.hpp"

namespace egov::service::notify {

namespace {

using core::dossier::Action;
using core::notify::CitizenEvent;

// Whether an event with `action` is one that `event` tells the citizen about (the mapping the
// outbox enqueues by).
bool Matches(CitizenEvent event, Action action) {
  return core::dossier::CitizenEventOf(action) == event;
}

NoticeOutcome Noted(std::string note) {
  spdlog::warn("citizen notice: {}", note);
  NoticeOutcome out;
  out.notes.push_back(std::move(note));
  return out;
}

}  // namespace

CitizenNotices::CitizenNotices(store::Database& db, egov::notify::MailSender& mail,
                               egov::notify::SmsGateway& sms, const std::string& public_base_url)
    : db_(db), mail_(mail), sms_(sms), public_base_url_(public_base_url) {}

NoticeOutcome CitizenNotices::Send(std::string_view dossier_code, std::string_view event,
                                   std::int64_t event_id) {
  const auto parsed = core::notify::ParseCitizenEvent(event);
  if (!parsed) {
    return Noted(fmt::format("dossier {}: unknown event \"{}\", nothing sent", dossier_code,
                             event.substr(0, 40)));
  }
  return Send(dossier_code, *parsed, event_id);
}

NoticeOutcome CitizenNotices::Send(std::string_view dossier_code, CitizenEvent event,
                                   std::int64_t event_id) {
  core::notify::NoticeFacts facts;
  core::dossier::Applicant applicant;
  {
    store::Session session(db_);
    const auto dossier = store::dossier::FindByCode(session, std::string(dossier_code));
    if (!dossier) return Noted(fmt::format("no dossier {}, nothing sent", dossier_code));
    auto through = store::dossier::ListEventsThrough(session, dossier->id, event_id);
    if (!through.found) {
      return Noted(fmt::format("dossier {} has no event {}, nothing sent", dossier_code, event_id));
    }
    const core::dossier::Event& e = through.events.back();
    if (!Matches(event, e.action)) {
      return Noted(fmt::format("event {} of dossier {} is {}, not {}: nothing sent", event_id,
                               dossier_code, core::dossier::Name(e.action),
                               core::notify::Name(event)));
    }
    applicant = dossier->applicant;
    facts.event = event;
    facts.dossier_code = dossier->code;
    facts.procedure_name = dossier->procedure_name;
    facts.applicant_name = applicant.full_name;
    facts.agency_name = dossier->receiving_agency_name;
    facts.lookup_url = public_base_url_ + "/tra-cuu/" + dossier->code;
    const auto note = core::dossier::ParseNote(e.note);
    facts.reason = note.reason;
    facts.missing = note.missing;
    facts.appointment = e.due_at ? e.due_at : dossier->due_at;
    if (event == CitizenEvent::kDelayed) {
      // The appointment in force before the reschedule: the last one an earlier event set.
      for (std::size_t i = 0; i + 1 < through.events.size(); ++i) {
        if (through.events[i].due_at) facts.old_appointment = through.events[i].due_at;
      }
    }
    if (event == CitizenEvent::kResultReady) {
      facts.by_post = dossier->channel == core::dossier::Channel::kPostal;
      if (auto agency = store::access::FindAgencyById(session, dossier->receiving_agency_id)) {
        facts.working_hours = agency->working_hours;
      }
    }
  }
  if ((event == CitizenEvent::kReceived || event == CitizenEvent::kDelayed) && !facts.appointment) {
    return Noted(fmt::format("event {} of dossier {} has no appointment, nothing sent", event_id,
                             dossier_code));
  }
  const core::notify::CitizenMessage message = core::notify::Compose(facts);

  NoticeOutcome out;
  std::vector<std::string> temporary;
  auto note = [&](std::string text) {
    spdlog::warn("citizen notice: {}", text);
    out.notes.push_back(std::move(text));
  };
  const std::string what =
      fmt::format("dossier {} event {} ({})", dossier_code, event_id, core::notify::Name(event));
  if (applicant.email.empty()) {
    out.notes.push_back(what + ": no e-mail address given");
  } else {
    try {
      mail_.Send({.to = {applicant.full_name, applicant.email},
                  .subject = message.subject,
                  .text = message.body,
                  .id = fmt::format("notice.{}.{}", event_id, dossier_code)});
      out.email_sent = true;
    } catch (const egov::notify::DeliveryError& e) {
      if (e.permanent()) {
        note(fmt::format("{}: e-mail refused for good: {}", what, e.what()));
      } else {
        temporary.push_back(e.what());
      }
    }
  }
  if (applicant.phone.empty()) {
    out.notes.push_back(what + ": no phone given");
  } else {
    try {
      sms_.Send({.phone = applicant.phone, .text = message.sms});
      out.sms_sent = true;
    } catch (const egov::notify::DeliveryError& e) {
      if (e.permanent()) {
        note(fmt::format("{}: SMS refused for good: {}", what, e.what()));
      } else {
        temporary.push_back(e.what());
      }
    }
  }
  if (!temporary.empty()) {
    std::string text = what + ": ";
    for (std::size_t i = 0; i < temporary.size(); ++i) text += (i ? "; " : "") + temporary[i];
    throw std::runtime_error(text);
  }
  return out;
}

}  // namespace egov::service::notify
