// The logging and HTTP SMS gateways (see sms_gateway.hpp).
#include "notify/sms_gateway.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <memory>

#include "notify/curl_init.hpp"

namespace egov::notify {

namespace {

std::string JsonEscaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string PercentEncoded(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned>(u));
    }
  }
  return out;
}

bool IsMediaType(std::string_view content_type, std::string_view type) {
  const std::string_view base = content_type.substr(0, content_type.find(';'));
  if (base.size() != type.size()) return false;
  for (std::size_t i = 0; i < base.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(base[i])) != type[i]) return false;
  }
  return true;
}

std::size_t Discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

void LoggingSmsGateway::Send(const SmsMessage& message) {
  spdlog::info("SMS not sent (no [sms] gateway_url): to {}: {}", message.phone, message.text);
}

std::string SmsBody(const HttpSmsSettings& settings, const SmsMessage& message) {
  auto escape = [&](std::string_view value) {
    if (IsMediaType(settings.content_type, "application/json")) return JsonEscaped(value);
    if (IsMediaType(settings.content_type, "application/x-www-form-urlencoded")) {
      return PercentEncoded(value);
    }
    return std::string(value);
  };
  const std::string phone = escape(message.phone), text = escape(message.text);
  std::string out;
  std::string_view rest = settings.body_template;
  while (!rest.empty()) {
    if (rest.starts_with("{phone}")) {
      out += phone;
      rest.remove_prefix(7);
    } else if (rest.starts_with("{text}")) {
      out += text;
      rest.remove_prefix(6);
    } else {
      out += rest.front();
      rest.remove_prefix(1);
    }
  }
  return out;
}

HttpSmsGateway::HttpSmsGateway(HttpSmsSettings settings) : settings_(std::move(settings)) {
  InitCurlOnce();
}

void HttpSmsGateway::Send(const SmsMessage& message) {
  const std::string body = SmsBody(settings_, message);
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw DeliveryError("curl_easy_init failed", false);
  CURL* c = curl.get();
  const std::string content_type = "Content-Type: " + settings_.content_type;
  std::unique_ptr<curl_slist, ListDeleter> headers(
      curl_slist_append(nullptr, content_type.c_str()));
  const std::string auth = "Authorization: " + settings_.auth_header;
  if (!settings_.auth_header.empty()) curl_slist_append(headers.get(), auth.c_str());
  curl_slist_append(headers.get(), "Expect:");
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, settings_.connect_timeout_seconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  if (!settings_.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings_.ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Discard);
  const CURLcode result = curl_easy_perform(c);
  if (result != CURLE_OK) {
    throw DeliveryError(
        fmt::format("SMS gateway unreachable: {} (curl {})",
                    error[0] ? error : curl_easy_strerror(result), static_cast<int>(result)),
        false);
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) return;
  const bool permanent = status >= 400 && status < 500 && status != 408 && status != 429;
  throw DeliveryError(fmt::format("SMS gateway answered HTTP {}", status), permanent);
}

}  // namespace egov::notify
