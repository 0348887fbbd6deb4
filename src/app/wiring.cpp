// The service graph (see wiring.hpp).
#include "app/wiring.hpp"

#include <boost/json.hpp>

#include "core/dossier/citizen_notice.hpp"

namespace egov::app {

namespace {

std::unique_ptr<notify::MailSender> MailSenderOf(const ServiceOptions& options,
                                                 const core::Clock& clock) {
  if (options.mail) return std::make_unique<notify::SmtpMailSender>(*options.mail, clock);
  return std::make_unique<notify::LoggingMailSender>();
}

std::unique_ptr<notify::SmsGateway> SmsGatewayOf(const ServiceOptions& options) {
  if (options.sms) return std::make_unique<notify::HttpSmsGateway>(*options.sms);
  return std::make_unique<notify::LoggingSmsGateway>();
}

// The payload of a citizen_notice job, {"dossier_code","event","event_id"}; throws when it is
// not that (the attempt fails with the message, kept on the job).
struct CitizenNotice {
  std::string dossier_code, event;
  std::int64_t event_id = 0;
};
CitizenNotice CitizenNoticeOf(const std::string& payload) {
  const auto value = boost::json::parse(payload);
  const auto& object = value.as_object();
  return {std::string(object.at("dossier_code").as_string()),
          std::string(object.at("event").as_string()),
          object.at("event_id").to_number<std::int64_t>()};
}

}  // namespace

ServiceGraph::ServiceGraph(store::Database& db, const core::Clock& clock, ServiceOptions options)
    : db_(db),
      clock_(clock),
      options_(std::move(options)),
      directory_(db_, clock_, options_.access, std::move(options_.common_passwords)),
      calendar_(db_, clock_),
      catalog_(db_, clock_),
      files_(options_.files_dir),
      job_queue_(clock_),
      jobs_(db_, clock_),
      // Citizens hear of their dossier's events through the outbox (docs/jobs.md).
      dossiers_(db_, clock_, calendar_, catalog_, files_, &job_queue_),
      forms_(db_, dossiers_),
      ratings_(db_, clock_),
      processes_(db_, clock_, catalog_),
      health_(db_),
      seal_kek_(options_.seal_key_file.empty() ? options_.files_dir / "keys" / "seal.key"
                                               : options_.seal_key_file),
      agency_keys_(clock_, seal_kek_),
      seals_(db_, clock_, agency_keys_),
      exchange_keys_(options_.exchange_keys_dir.empty() ? options_.files_dir / "exchange" / "keys"
                                                        : options_.exchange_keys_dir,
                     options_.exchange_trusted_dir.empty()
                         ? options_.files_dir / "exchange" / "trusted"
                         : options_.exchange_trusted_dir),
      documents_(db_, clock_, files_, service::document::LoadTypes(), agency_keys_,
                 options_.public_base_url, &exchange_keys_),
      mail_(MailSenderOf(options_, clock_)),
      sms_(SmsGatewayOf(options_)),
      citizen_notices_(db_, *mail_, *sms_, options_.public_base_url),
      notifications_(db_, clock_),
      reminders_(db_, clock_, calendar_, notifications_, job_queue_, options_.reminders) {
  // citizen_notice (docs/jobs.md, "The citizen outbox"; docs/notifications.md): the notice of
  // one dossier event. Send throws on a failure that may pass (the attempt fails and is
  // retried with backoff) and returns on one that no retry could change.
  job_handlers_.Register(
      std::string(core::dossier::kCitizenNoticeKind), [this](service::jobs::JobContext& context) {
        const auto notice = CitizenNoticeOf(context.payload());
        citizen_notices_.Send(notice.dossier_code, notice.event, notice.event_id);
      });
  // reminder_scan (docs/reminders.md): periodic; officer_mail: one scan's notices to one
  // officer by e-mail.
  job_handlers_.RegisterPeriodic(std::string(service::reminders::kScanKind),
                                 options_.reminder_every_millis,
                                 [this](service::jobs::JobContext&) { reminders_.Scan(); });
  job_handlers_.Register(std::string(service::reminders::kMailKind),
                         [this](service::jobs::JobContext& context) {
                           service::reminders::SendOfficerMail(
                               db_, *mail_, options_.public_base_url, context.payload());
                         });
  // job_retention (docs/jobs.md): daily, deletes the done jobs older than keep_done_days.
  job_handlers_.RegisterPeriodic(
      "job_retention", 24LL * 3600 * 1000, [this](service::jobs::JobContext& context) {
        const auto deleted = jobs_.DeleteDoneBefore(clock_.NowMillis() - options_.keep_done_millis);
        context.ReportProgress(100, std::to_string(deleted) + " việc đã xong được xoá");
      });
}

const service::Services& ServiceGraph::services() {
  if (!services_) {
    auth_.emplace(db_, clock_, options_.access, directory_);
    services_.emplace(service::Services{clock_, directory_, *auth_, calendar_, catalog_, dossiers_,
                                        forms_, health_, options_.public_base_url, ratings_,
                                        processes_, seals_, documents_, jobs_, notifications_});
  }
  return *services_;
}

}  // namespace egov::app
