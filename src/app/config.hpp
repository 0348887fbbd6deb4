// Configuration of `egov serve`: defaults, then a TOML file (--config or $EGOV_CONFIG), then
// command-line flags. Validate() rejects impossible values with a Vietnamese message that
// names the setting, before anything starts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "notify/mail_sender.hpp"
#include "notify/sms_gateway.hpp"

namespace egov::app {

struct Config {
  // [database]
  std::string db_url = "sqlite:var/egov.db";
  unsigned db_pool_size = 0;  // 0: io threads + blocking threads + 2
  // [storage]
  std::string
      files_dir;  // uploaded files; empty: "files" beside the SQLite database, else var/files
  // [seal] The installation's key-encryption key (64 hex digits in a file of its own), which
  // encrypts the agencies' seal keys in the database (docs/documents-output.md). Created on
  // the first seal when missing. Empty: <files_dir>/keys/seal.key. In production, a path
  // outside the database's and the backups' reach, readable by Egov's user only.
  std::string seal_key_file;
  // [exchange] The edXML exchange's keys (docs/exchange.md, "Keys"): `keys_dir` holds
  // <OrganId>.key.pem and <OrganId>.cert.pem per agency that exports, `trusted_dir` the
  // certificates pinned per sender (<OrganId>*.pem). Empty: <files_dir>/exchange/keys and
  // <files_dir>/exchange/trusted (where `egov demo` puts the demo agencies' keys). A folder
  // that does not exist holds none.
  std::string exchange_keys_dir, exchange_trusted_dir;
  // [server]
  std::string listen = "127.0.0.1:8080";
  // Every absolute URL Egov prints or sends (the receipt's QR …) starts with it; its scheme
  // decides the session cookie's Secure attribute. Empty: "http://" + the listen address
  // (with the bound port when it is 0), set by RunServe once listening. Validate()
  // normalises it (no trailing slash).
  std::string public_base_url;
  std::string web_dir;   // empty: the web/dist that `make build` built beside build/egov
  unsigned threads = 0;  // 0: the number of cores
  unsigned public_rate_limit = 120;  // requests per minute per address on public routes
  std::uint64_t max_body_bytes = 1024 * 1024;
  std::uint64_t max_header_bytes = 16 * 1024;
  unsigned read_timeout_seconds = 30;
  unsigned idle_timeout_seconds = 75;
  unsigned write_timeout_seconds = 30;
  unsigned shutdown_timeout_seconds = 30;
  unsigned max_connections = 10000;
  unsigned max_concurrent_uploads = 32;  // file uploads received at once; beyond: 503
  // [blocking] pool for slow CPU work (password hashing, rendering)
  unsigned blocking_threads = 2;
  unsigned blocking_queue = 256;
  // [auth]
  unsigned token_lifetime_days = 90;  // API tokens expire this long after their creation
  // [jobs] the background worker pool (docs/jobs.md)
  unsigned jobs_workers = 2;          // threads; 0: this process runs no jobs
  unsigned jobs_lease_seconds = 300;  // a claim holds a job this long without news
  unsigned jobs_poll_ms = 1000;       // idle wait between claims when nothing was due
  unsigned jobs_keep_done_days = 30;  // done jobs are deleted this long after they finished
  // [reminders] the reminder scan (docs/reminders.md)
  unsigned reminders_share_percent = 80;   // remind when this share of the allotment passed
  unsigned reminders_every_seconds = 300;  // how often the scan runs
  // [log]
  std::string log_level = "info";
  // [mail] (CONTRACT.md "Configuration"; docs/notifications.md): empty smtp_url: no e-mail,
  // each message is logged instead. `tls`: "auto" (STARTTLS when offered) or "required".
  std::string mail_smtp_url, mail_from, mail_username, mail_password;
  std::string mail_tls = "auto";
  std::string mail_ca_file;
  // [sms]: empty gateway_url: no SMS, each message is logged instead. `template` is the POST
  // body with {phone} and {text}; `auth_header` the Authorization header's value.
  std::string sms_gateway_url, sms_template;
  std::string sms_content_type = "application/json";
  std::string sms_auth_header;
  // Tests only (flag --test-clock-file, no TOML key): the server's time comes from this
  // file (app/test_clock.hpp). Validate() refuses it unless listening on loopback.
  std::string test_clock_file;
  // Tests only (flag --test-job-log, no TOML key, loopback only): registers the job kind
  // `test_echo` (app/test_jobs.hpp), whose runs are appended to this file.
  std::string test_job_log;

  // Derived by Validate().
  std::string host;
  std::uint16_t port = 0;
};

// Reads a TOML file into `config` (only the keys present). Throws std::runtime_error with
// a Vietnamese message naming the file, line and key on a syntax error or unknown key.
void LoadConfigFile(const std::string& path, Config& config);

// Checks ranges and fills the derived fields. Throws std::runtime_error (Vietnamese).
void Validate(Config& config);

// `text` as a public base URL: an absolute http or https URL with a host, without user
// information, query or fragment; trailing slashes removed ("https://egov.example.vn/",
// → "https://egov.example.vn"). Throws std::runtime_error (Vietnamese) otherwise.
std::string NormalizePublicBaseUrl(const std::string& text);

// True when `host` (an IP address or "localhost", IPv6 without brackets) is a loopback
// address.
bool IsLoopbackHost(const std::string& host);

// The senders the configuration asks for (after Validate): SMTP when [mail] smtp_url is set,
// the HTTP gateway when [sms] gateway_url is set; nullopt: the logging implementation.
std::optional<notify::SmtpSettings> MailSettingsOf(const Config& config);
std::optional<notify::HttpSmsSettings> SmsSettingsOf(const Config& config);

// The web/dist folder beside the running binary's build folder, or "web/dist".
std::string DefaultWebDir();
// Where files live when `[storage] files_dir` is not set: "files" beside an SQLite database,
// else var/files. The commands on a database (egov demo, seed) use it too, so that what they
// store (files, the seal's key file, the demo's exchange keys) is where `egov serve` looks.
std::filesystem::path DefaultFilesDir(const std::string& db_url);

}  // namespace egov::app
