// Sending SMS ([sms] in the README's configuration): the interface the services use, a logging
// implementation (the default) and one HTTP gateway whose URL and body are configuration.
#pragma once

#include <string>

#include "notify/delivery.hpp"

namespace egov::notify {

struct SmsMessage {
  std::string phone;  // as the citizen gave it
  std::string text;   // UTF-8
};

// Thread-safe implementations.
class SmsGateway {
 public:
  virtual ~SmsGateway() = default;
  // Hands the message over, or throws DeliveryError.
  virtual void Send(const SmsMessage& message) = 0;
};

// Logs each message (phone, text) at info level instead of sending it.
class LoggingSmsGateway final : public SmsGateway {
 public:
  void Send(const SmsMessage& message) override;
};

// `[sms]`: a POST to `url` with `body_template`, where `{phone}` and `{text}` are replaced by
// the values escaped for `content_type`: JSON string escapes for application/json (the
// template writes the quotes), percent-encoding for application/x-www-form-urlencoded, as is
// otherwise. `auth_header`, when set, is sent as the Authorization header's value.
struct HttpSmsSettings {
  std::string url;  // http:// or https://
  std::string body_template;
  std::string content_type = "application/json";
  std::string auth_header;
  std::string ca_file;  // PEM certificates to trust instead of the system's
  long connect_timeout_seconds = 10;
  long timeout_seconds = 30;
};

// The body HttpSmsGateway posts for `message` (exposed for tests).
std::string SmsBody(const HttpSmsSettings& settings, const SmsMessage& message);

// One POST per message; 2xx is success. A 4xx other than 408 and 429 is a permanent failure;
// 5xx, 408, 429 and connection failures are temporary (DeliveryError::permanent()).
class HttpSmsGateway final : public SmsGateway {
 public:
  explicit HttpSmsGateway(HttpSmsSettings settings);
  void Send(const SmsMessage& message) override;

 private:
  HttpSmsSettings settings_;
};

}  // namespace egov::notify
