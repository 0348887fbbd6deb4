// The logging and SMTP mail senders (see mail_sender.hpp).
#include "notify/mail_sender.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "notify/curl_init.hpp"

namespace egov::notify {

namespace {

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

std::string DomainOf(const std::string& address) { return address.substr(address.find('@') + 1); }

}  // namespace

void LoggingMailSender::Send(const MailMessage& message) {
  spdlog::info("mail not sent ([mail] smtp_url unset): to {}, subject \"{}\", text:\n{}",
               message.to.address, message.subject, message.text);
}

SmtpMailSender::SmtpMailSender(SmtpSettings settings, const core::Clock& clock)
    : settings_(std::move(settings)), clock_(clock) {
  InitCurlOnce();
}

void SmtpMailSender::Send(const MailMessage& message) {
  if (!IsPlainAddress(message.to.address)) {
    throw DeliveryError(fmt::format("not a plain e-mail address: \"{}\"", message.to.address),
                        true);
  }
  const std::string text =
      BuildMessage({.from = settings_.from,
                    .to = message.to,
                    .subject = message.subject,
                    .text = message.text,
                    .message_id = message.id + "@" + DomainOf(settings_.from.address),
                    .date = clock_.NowMillis()});
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw DeliveryError("curl_easy_init failed", false);
  CURL* c = curl.get();
  const std::string mail_from = "<" + settings_.from.address + ">";
  const std::string rcpt = "<" + message.to.address + ">";
  std::unique_ptr<curl_slist, ListDeleter> recipients(curl_slist_append(nullptr, rcpt.c_str()));
  Upload upload{text};
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, settings_.connect_timeout_seconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  // smtps:// is TLS from the first byte; for smtp://, STARTTLS when the server offers it, and
  // with tls = "required" no message without it.
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   settings_.tls_required ? static_cast<long>(CURLUSESSL_ALL)
                                          : static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
  if (!settings_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(text.size()));
  const CURLcode result = curl_easy_perform(c);
  if (result == CURLE_OK) return;
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  const std::string detail = error[0] ? error : curl_easy_strerror(result);
  // Only the recipient's refusal is permanent: a 5xx answer to RCPT (libcurl reports it as a
  // send error whose message starts "RCPT failed"). Everything else may pass later.
  const bool permanent = result == CURLE_SEND_ERROR && reply >= 500 && reply < 600 &&
                         detail.starts_with("RCPT failed");
  throw DeliveryError(fmt::format("SMTP to {} failed: {} (curl {}, reply {})", message.to.address,
                                  detail, static_cast<int>(result), reply),
                      permanent);
}

}  // namespace egov::notify
