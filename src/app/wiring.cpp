// The service graph (see wiring.hpp).
#include "app/wiring.hpp"

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

}  // namespace

ServiceGraph::ServiceGraph(store::Database& db, const core::Clock& clock, ServiceOptions options)
    : db_(db),
      clock_(clock),
      options_(std::move(options)),
      directory_(db_, clock_, options_.access, std::move(options_.common_passwords)),
      calendar_(db_, clock_),
      catalog_(db_, clock_),
      files_(options_.files_dir),
      dossiers_(db_, clock_, calendar_, catalog_, files_),
      forms_(db_, dossiers_),
      ratings_(db_, clock_),
      processes_(db_, clock_, catalog_),
      health_(db_),
      mail_(MailSenderOf(options_, clock_)),
      sms_(SmsGatewayOf(options_)),
      citizen_notices_(db_, *mail_, *sms_, options_.public_base_url),
      notifications_(db_, clock_) {}

const service::Services& ServiceGraph::services() {
  if (!services_) {
    auth_.emplace(db_, clock_, options_.access, directory_);
    services_.emplace(service::Services{clock_, directory_, *auth_, calendar_, catalog_, dossiers_,
                                        forms_, health_, options_.public_base_url, ratings_,
                                        processes_, notifications_});
  }
  return *services_;
}

}  // namespace egov::app
