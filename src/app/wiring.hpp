// The service graph: the one place that builds the use-case services over a database and a
// clock, for `egov serve`, the administration commands (demo, seed, user/agency add,
// calendar --db) and the tests that need the API's services (tests/api/openapi_test.cpp).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "core/clock.hpp"
#include "notify/mail_sender.hpp"
#include "notify/sms_gateway.hpp"
#include "service/access/auth.hpp"
#include "service/access/directory.hpp"
#include "service/access/settings.hpp"
#include "service/calendar/calendar_service.hpp"
#include "service/catalog/catalog.hpp"
#include "service/document/documents.hpp"
#include "service/document/exchange_keys.hpp"
#include "service/dossier/dossiers.hpp"
#include "service/dossier/forms.hpp"
#include "service/jobs/job_queue.hpp"
#include "service/jobs/jobs.hpp"
#include "service/jobs/worker.hpp"
#include "service/notify/citizen_notices.hpp"
#include "service/notify/notifications.hpp"
#include "service/reminders/reminders.hpp"
#include "service/seal/seals.hpp"
#include "service/seal/signer.hpp"
#include "service/services.hpp"
#include "service/system/health.hpp"
#include "store/database.hpp"
#include "store/files/file_store.hpp"

namespace egov::app {

// What the services need besides the database and the clock.
struct ServiceOptions {
  service::access::AccessSettings access;
  // Uploaded files (content-addressed); created by the first upload.
  std::filesystem::path files_dir;
  // The key-encryption key of the agencies' seal keys (app::Config::seal_key_file); empty:
  // <files_dir>/keys/seal.key. Read or created by the first seal.
  std::filesystem::path seal_key_file;
  // The edXML exchange's keys (app::Config::exchange_keys_dir, exchange_trusted_dir); empty:
  // <files_dir>/exchange/keys and <files_dir>/exchange/trusted. Read on first use.
  std::filesystem::path exchange_keys_dir, exchange_trusted_dir;
  // Passwords refused as too common (service::access::ShippedCommonPasswords() in
  // production; empty where no password is chosen).
  std::unordered_set<std::string> common_passwords;
  // `[server] public_base_url`, normalised; may be set later by SetPublicBaseUrl.
  std::string public_base_url;
  // `[mail]` with an smtp_url: e-mail goes out by SMTP; nullopt: each message is logged.
  std::optional<notify::SmtpSettings> mail;
  // `[sms]` with a gateway_url: SMS go out through that HTTP gateway; nullopt: logged.
  std::optional<notify::HttpSmsSettings> sms;
  // `[reminders]`: the scan's share and period (docs/reminders.md).
  service::reminders::ReminderOptions reminders;
  std::int64_t reminder_every_millis = 300'000;
  // `[jobs] keep_done_days`: done jobs older than this are deleted (the periodic job_retention).
  std::int64_t keep_done_millis = 30LL * 24 * 3600 * 1000;
};

// Owns the services, built in dependency order over `db` and `clock`, which must outlive it.
// Building it touches neither the database nor the disk. Not copyable or movable: the
// services refer to each other and to the options held here.
class ServiceGraph {
 public:
  ServiceGraph(store::Database& db, const core::Clock& clock, ServiceOptions options);
  ServiceGraph(const ServiceGraph&) = delete;
  ServiceGraph& operator=(const ServiceGraph&) = delete;

  store::Database& db() { return db_; }
  const core::Clock& clock() const { return clock_; }
  service::access::Directory& directory() { return directory_; }
  service::calendar::CalendarService& calendar() { return calendar_; }
  service::catalog::Catalog& catalog() { return catalog_; }
  service::dossier::Dossiers& dossiers() { return dossiers_; }
  store::FileStore& files() { return files_; }
  service::seal::Seals& seals() { return seals_; }
  // The agencies' seal keys, for the commands that build a Documents service of their own
  // (the demo and the seed, on their own clocks).
  service::seal::SignerSource& agency_keys() { return agency_keys_; }
  service::document::ExchangeKeys& exchange_keys() { return exchange_keys_; }
  service::document::Documents& documents() { return documents_; }
  service::jobs::Jobs& jobs() { return jobs_; }
  // The handlers of background jobs by kind, filled here; `egov serve` runs them
  // (service::jobs::WorkerPool). A kind without a handler is never claimed.
  service::jobs::JobRegistry& job_handlers() { return job_handlers_; }
  // Messages to citizens, for the `citizen_notice` job's handler (docs/notifications.md).
  service::notify::CitizenNotices& citizen_notices() { return citizen_notices_; }
  // Officers' in-app notifications; the reminders scan creates them (Create, in its own
  // transaction).
  service::notify::Notifications& notifications() { return notifications_; }
  // The reminder scan, run by the periodic `reminder_scan` job.
  service::reminders::Reminders& reminders() { return reminders_; }

  // The base URL the services see, for a server that learns its address only once it is
  // listening. Call before the first request (Services refers to this string).
  void SetPublicBaseUrl(std::string url) { options_.public_base_url = std::move(url); }
  const std::string& public_base_url() const { return options_.public_base_url; }

  // What the API layer calls. The first call builds the authentication service, whose
  // constructor hashes a dummy password (Argon2id, ~0.1 s, 64 MiB), so the commands that
  // never sign anyone in do not pay for it. Not thread-safe: the composition root calls it
  // before it serves.
  const service::Services& services();

 private:
  store::Database& db_;
  const core::Clock& clock_;
  ServiceOptions options_;
  service::access::Directory directory_;
  service::calendar::CalendarService calendar_;
  service::catalog::Catalog catalog_;
  store::FileStore files_;
  service::jobs::JobQueue job_queue_;
  service::jobs::Jobs jobs_;
  service::jobs::JobRegistry job_handlers_;
  service::dossier::Dossiers dossiers_;
  service::dossier::Forms forms_;
  service::dossier::Ratings ratings_;
  service::dossier::AgencyProcesses processes_;
  service::system::HealthProbe health_;
  service::seal::KeyEncryptionKey seal_kek_;
  service::seal::AgencyKeys agency_keys_;
  service::seal::Seals seals_;
  service::document::ExchangeKeys exchange_keys_;
  service::document::Documents documents_;
  std::unique_ptr<notify::MailSender> mail_;
  std::unique_ptr<notify::SmsGateway> sms_;
  service::notify::CitizenNotices citizen_notices_;
  service::notify::Notifications notifications_;
  service::reminders::Reminders reminders_;
  std::optional<service::access::Auth> auth_;
  std::optional<service::Services> services_;
};

}  // namespace egov::app
