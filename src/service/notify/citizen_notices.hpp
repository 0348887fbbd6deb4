// Telling citizens about their dossier (issue 11; docs/notifications.md): for one event of a
// dossier, the message composed by core::notify and sent by e-mail when the applicant gave an
// address and by SMS to the applicant's phone. Called by the `citizen_notice` job's handler
// with the job's payload {"dossier_code","event","event_id"}. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/notify/citizen_messages.hpp"
#include "notify/mail_sender.hpp"
#include "notify/sms_gateway.hpp"
#include "store/database.hpp"

namespace egov::service::notify {

// What Send did on each channel. `notes` say, in English, why a channel was not used or
// failed for good (for the job's log); they are logged as warnings too.
struct NoticeOutcome {
  bool email_sent = false;
  bool sms_sent = false;
  std::vector<std::string> notes;
};

class CitizenNotices {
 public:
  // `public_base_url` (normalised, no trailing slash) is read at each Send: the composition
  // root may set it once the server listens. All references must outlive this object.
  CitizenNotices(store::Database& db, egov::notify::MailSender& mail, egov::notify::SmsGateway& sms,
                 const std::string& public_base_url);

  // Sends the notice of `event` (a CitizenEvent name: "received", "supplement_needed",
  // "result_ready", "delayed", "refused") about event `event_id` (its dossier_events id) of
  // dossier `dossier_code`.
  //
  // Throws (the job should run again later) when a channel failed for a reason that may pass:
  // the SMTP server or the SMS gateway unreachable, a 4xx SMTP answer, an HTTP 5xx/408/429,
  // TLS required but not offered, a database error. The other channel is still tried first;
  // a retry sends on both channels again (at-least-once; the e-mail keeps its Message-ID).
  //
  // Returns normally — nothing a retry could change — when the applicant gave no e-mail
  // address or no phone (that channel is skipped), when the server refused the recipient
  // (SMTP 5xx to RCPT, a gateway's other 4xx), and when the payload is wrong: an unknown event
  // name, no such dossier, no such event of that dossier, or an event whose action is not the
  // named event's (e.g. "refused" for a forward). Those are noted and logged.
  NoticeOutcome Send(std::string_view dossier_code, std::string_view event, std::int64_t event_id);
  NoticeOutcome Send(std::string_view dossier_code, core::notify::CitizenEvent event,
                     std::int64_t event_id);

 private:
  store::Database& db_;
  egov::notify::MailSender& mail_;
  egov::notify::SmsGateway& sms_;
  const std::string& public_base_url_;
};

}  // namespace egov::service::notify
