// Sending e-mail (CONTRACT.md "Configuration", [mail]): the interface the services use, a
// logging implementation for when `[mail] smtp_url` is unset, and SMTP over libcurl.
#pragma once

#include <memory>
#include <string>

#include "core/clock.hpp"
#include "notify/delivery.hpp"
#include "notify/mime.hpp"

namespace egov::notify {

struct MailMessage {
  Mailbox to;
  std::string subject;  // UTF-8, one line
  std::string text;     // UTF-8 plain text, lines separated by "\n"
  // The left part of the Message-ID ("notice.42.000.00.53.H48-260105-0001"), dot-atom text;
  // the sender adds "@" and the domain of its `from` address. The same message sent again
  // (a retried job) keeps its id, so mail clients may recognise the copy.
  std::string id;
};

// Thread-safe implementations: Send may be called from several threads at once.
class MailSender {
 public:
  virtual ~MailSender() = default;
  // Hands the message over, or throws DeliveryError.
  virtual void Send(const MailMessage& message) = 0;
};

// Logs each message (recipient, subject, text) at info level instead of sending it.
class LoggingMailSender final : public MailSender {
 public:
  void Send(const MailMessage& message) override;
};

// `[mail]`: the server, the sender and the credentials.
struct SmtpSettings {
  std::string url;  // smtp://HOST[:PORT] (STARTTLS when offered) or smtps://HOST[:PORT]
  Mailbox from;     // its address is the envelope sender
  std::string username, password;  // empty username: no AUTH
  bool tls_required = false;       // smtp://: refuse to send unless STARTTLS succeeds
  std::string ca_file;             // PEM certificates to trust instead of the system's
  long connect_timeout_seconds = 10;
  long timeout_seconds = 60;  // the whole exchange
};

// SMTP through libcurl: one connection per message. TLS certificates and host names are
// always verified. The Date header comes from `clock`.
class SmtpMailSender final : public MailSender {
 public:
  SmtpMailSender(SmtpSettings settings, const core::Clock& clock);
  void Send(const MailMessage& message) override;

 private:
  SmtpSettings settings_;
  const core::Clock& clock_;
};

}  // namespace egov::notify
