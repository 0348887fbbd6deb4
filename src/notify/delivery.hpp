// How a sender reports a message it could not hand over (docs/notifications.md, "Failures").
#pragma once

#include <stdexcept>
#include <string>

namespace egov::notify {

// Thrown by MailSender::Send and SmsGateway::Send. `permanent()`: retrying the same message
// cannot help (the server refused the recipient: SMTP 5xx to RCPT; a gateway's 4xx other than
// 408 and 429). Otherwise the failure is temporary (connection refused or lost, a timeout,
// SMTP 4xx, TLS required but not offered, a refused login, HTTP 5xx/408/429) and the caller
// should try again later. The message is English, for logs and the jobs screen.
class DeliveryError : public std::runtime_error {
 public:
  DeliveryError(const std::string& what, bool permanent)
      : std::runtime_error(what), permanent_(permanent) {}
  bool permanent() const { return permanent_; }

 private:
  bool permanent_;
};

}  // namespace egov::notify
