// Configuration loading and validation (see config.hpp).
#include "app/config.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <toml++/toml.h>
#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <thread>

#include "store/database.hpp"

namespace egov::app {

namespace {

template <class T>
void Read(const toml::table& table, std::string_view section, std::string_view key, T& out,
          const std::string& path) {
  const toml::node* node = table.at_path(fmt::format("{}.{}", section, key)).node();
  if (!node) return;
  if constexpr (std::is_same_v<T, std::string>) {
    auto v = node->value<std::string>();
    if (!v) {
      throw std::runtime_error(
          fmt::format("{}: khóa {}.{} phải là một chuỗi ký tự.", path, section, key));
    }
    out = *v;
  } else {
    auto v = node->value<std::int64_t>();
    // Past the type's range a value would wrap (2^32 + 1 read as 1): refused like a negative.
    if (!v || *v < 0 || static_cast<std::uint64_t>(*v) > std::numeric_limits<T>::max()) {
      throw std::runtime_error(
          fmt::format("{}: khóa {}.{} phải là một số nguyên không âm.", path, section, key));
    }
    out = static_cast<T>(*v);
  }
}

// An absolute URL with one of `schemes` and a host, without user information or fragment.
bool IsServerUrl(const std::string& text, std::initializer_list<std::string_view> schemes) {
  auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) return false;
  const boost::urls::url_view url = *parsed;
  return std::find(schemes.begin(), schemes.end(), url.scheme()) != schemes.end() &&
         url.has_authority() && !url.encoded_host().empty() && !url.has_userinfo() &&
         !url.has_fragment();
}

bool HasControl(const std::string& text) {
  return std::any_of(text.begin(), text.end(),
                     [](char ch) { return static_cast<unsigned char>(ch) < 0x20; });
}

void ValidateMail(const Config& c) {
  auto fail = [](const std::string& message) { throw std::runtime_error(message); };
  if (c.mail_tls != "auto" && c.mail_tls != "required") {
    fail("mail.tls phải là \"auto\" (dùng STARTTLS khi máy chủ hỗ trợ) hoặc \"required\".");
  }
  if (c.mail_smtp_url.empty()) return;
  if (!IsServerUrl(c.mail_smtp_url, {"smtp", "smtps"})) {
    fail("mail.smtp_url phải có dạng smtp://MÁY:CỔNG hoặc smtps://MÁY:CỔNG (nhận được \"" +
         c.mail_smtp_url.substr(0, 200) + "\").");
  }
  if (!notify::ParseMailbox(c.mail_from)) {
    fail(
        "mail.from phải là một hộp thư theo RFC 5322, ví dụ \"Egov <khongtraloi@example.vn>\" "
        "(bắt buộc khi có mail.smtp_url).");
  }
  if (c.mail_username.empty() && !c.mail_password.empty()) {
    fail("mail.password cần đi kèm mail.username.");
  }
  if (HasControl(c.mail_username) || HasControl(c.mail_password)) {
    fail("mail.username và mail.password không được chứa ký tự điều khiển.");
  }
}

void ValidateSms(const Config& c) {
  auto fail = [](const std::string& message) { throw std::runtime_error(message); };
  if (c.sms_gateway_url.empty()) return;
  if (!IsServerUrl(c.sms_gateway_url, {"http", "https"})) {
    fail("sms.gateway_url phải là một địa chỉ http:// hoặc https:// đầy đủ (nhận được \"" +
         c.sms_gateway_url.substr(0, 200) + "\").");
  }
  if (c.sms_template.find("{phone}") == std::string::npos ||
      c.sms_template.find("{text}") == std::string::npos) {
    fail("sms.template phải chứa {phone} (số điện thoại) và {text} (nội dung tin nhắn).");
  }
  if (c.sms_content_type.empty() || HasControl(c.sms_content_type) ||
      HasControl(c.sms_auth_header)) {
    fail(
        "sms.content_type phải có giá trị, và sms.content_type, sms.auth_header không được "
        "chứa ký tự điều khiển.");
  }
}

}  // namespace

std::optional<notify::SmtpSettings> MailSettingsOf(const Config& c) {
  if (c.mail_smtp_url.empty()) return std::nullopt;
  notify::SmtpSettings s;
  s.url = c.mail_smtp_url;
  s.from = notify::ParseMailbox(c.mail_from).value_or(notify::Mailbox{});
  s.username = c.mail_username;
  s.password = c.mail_password;
  s.tls_required = c.mail_tls == "required";
  s.ca_file = c.mail_ca_file;
  return s;
}

std::optional<notify::HttpSmsSettings> SmsSettingsOf(const Config& c) {
  if (c.sms_gateway_url.empty()) return std::nullopt;
  notify::HttpSmsSettings s;
  s.url = c.sms_gateway_url;
  s.body_template = c.sms_template;
  s.content_type = c.sms_content_type;
  s.auth_header = c.sms_auth_header;
  return s;
}

void LoadConfigFile(const std::string& path, Config& c) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(fmt::format("Tệp cấu hình {} không hợp lệ (dòng {}): {}", path,
                                         e.source().begin.line, e.description()));
  }
  static const std::map<std::string, std::vector<std::string>> kKnown = {
      {"database", {"url", "pool_size"}},
      {"server",
       {"listen", "public_base_url", "web_dir", "threads", "public_rate_limit", "max_body_bytes",
        "max_header_bytes", "read_timeout_seconds", "idle_timeout_seconds", "write_timeout_seconds",
        "shutdown_timeout_seconds", "max_connections", "max_concurrent_uploads"}},
      {"blocking", {"threads", "queue"}},
      {"storage", {"files_dir"}},
      {"seal", {"key_file"}},
      {"exchange", {"keys_dir", "trusted_dir"}},
      {"auth", {"token_lifetime_days"}},
      {"log", {"level"}},
      {"jobs", {"workers", "lease_seconds", "poll_ms", "keep_done_days"}},
      {"reminders", {"share_percent", "every_seconds"}},
      {"mail", {"smtp_url", "from", "username", "password", "tls", "ca_file"}},
      {"sms", {"gateway_url", "template", "content_type", "auth_header"}},
  };
  for (const auto& [section, node] : table) {
    auto known = kKnown.find(std::string(section.str()));
    if (known == kKnown.end() || !node.is_table()) {
      throw std::runtime_error(fmt::format("{}: mục [{}] không được hỗ trợ.", path, section.str()));
    }
    for (const auto& [key, value] : *node.as_table()) {
      const auto& keys = known->second;
      if (std::find(keys.begin(), keys.end(), std::string(key.str())) == keys.end()) {
        throw std::runtime_error(
            fmt::format("{}: khóa {}.{} không được hỗ trợ.", path, section.str(), key.str()));
      }
    }
  }
  Read(table, "database", "url", c.db_url, path);
  Read(table, "database", "pool_size", c.db_pool_size, path);
  Read(table, "server", "listen", c.listen, path);
  Read(table, "server", "public_base_url", c.public_base_url, path);
  Read(table, "server", "web_dir", c.web_dir, path);
  Read(table, "server", "threads", c.threads, path);
  Read(table, "server", "public_rate_limit", c.public_rate_limit, path);
  Read(table, "server", "max_body_bytes", c.max_body_bytes, path);
  Read(table, "server", "max_header_bytes", c.max_header_bytes, path);
  Read(table, "server", "read_timeout_seconds", c.read_timeout_seconds, path);
  Read(table, "server", "idle_timeout_seconds", c.idle_timeout_seconds, path);
  Read(table, "server", "write_timeout_seconds", c.write_timeout_seconds, path);
  Read(table, "server", "shutdown_timeout_seconds", c.shutdown_timeout_seconds, path);
  Read(table, "server", "max_connections", c.max_connections, path);
  Read(table, "server", "max_concurrent_uploads", c.max_concurrent_uploads, path);
  Read(table, "blocking", "threads", c.blocking_threads, path);
  Read(table, "blocking", "queue", c.blocking_queue, path);
  Read(table, "log", "level", c.log_level, path);
  Read(table, "auth", "token_lifetime_days", c.token_lifetime_days, path);
  Read(table, "storage", "files_dir", c.files_dir, path);
  Read(table, "seal", "key_file", c.seal_key_file, path);
  Read(table, "exchange", "keys_dir", c.exchange_keys_dir, path);
  Read(table, "exchange", "trusted_dir", c.exchange_trusted_dir, path);
  Read(table, "jobs", "workers", c.jobs_workers, path);
  Read(table, "jobs", "lease_seconds", c.jobs_lease_seconds, path);
  Read(table, "jobs", "poll_ms", c.jobs_poll_ms, path);
  Read(table, "jobs", "keep_done_days", c.jobs_keep_done_days, path);
  Read(table, "reminders", "share_percent", c.reminders_share_percent, path);
  Read(table, "reminders", "every_seconds", c.reminders_every_seconds, path);
  Read(table, "mail", "smtp_url", c.mail_smtp_url, path);
  Read(table, "mail", "from", c.mail_from, path);
  Read(table, "mail", "username", c.mail_username, path);
  Read(table, "mail", "password", c.mail_password, path);
  Read(table, "mail", "tls", c.mail_tls, path);
  Read(table, "mail", "ca_file", c.mail_ca_file, path);
  Read(table, "sms", "gateway_url", c.sms_gateway_url, path);
  Read(table, "sms", "template", c.sms_template, path);
  Read(table, "sms", "content_type", c.sms_content_type, path);
  Read(table, "sms", "auth_header", c.sms_auth_header, path);
}

void Validate(Config& c) {
  auto fail = [](const std::string& message) { throw std::runtime_error(message); };
  try {
    store::ParseDatabaseUrl(c.db_url);
  } catch (const std::exception& e) {
    fail(e.what());
  }
  auto colon = c.listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    fail("--listen phải có dạng HOST:CỔNG, ví dụ 127.0.0.1:8080.");
  }
  c.host = c.listen.substr(0, colon);
  if (c.host.front() == '[' && c.host.back() == ']') c.host = c.host.substr(1, c.host.size() - 2);
  const std::string port = c.listen.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoul(port) > 65535) {
    fail("Cổng trong --listen phải là số từ 0 đến 65535 (0: tự chọn cổng trống).");
  }
  c.port = static_cast<std::uint16_t>(std::stoul(port));
  if (!c.public_base_url.empty()) c.public_base_url = NormalizePublicBaseUrl(c.public_base_url);
  if (!c.test_clock_file.empty() && !IsLoopbackHost(c.host)) {
    fail(
        "--test-clock-file chỉ dùng cho kiểm thử: chỉ được phép khi máy chủ lắng nghe trên địa "
        "chỉ loopback (127.0.0.1, ::1 hoặc localhost).");
  }
  if (!c.test_job_log.empty() && !IsLoopbackHost(c.host)) {
    fail(
        "--test-job-log chỉ dùng cho kiểm thử: chỉ được phép khi máy chủ lắng nghe trên địa chỉ "
        "loopback (127.0.0.1, ::1 hoặc localhost).");
  }
  if (c.jobs_workers > 64) fail("jobs.workers phải từ 0 đến 64.");
  if (c.jobs_lease_seconds < 1 || c.jobs_lease_seconds > 86400) {
    fail("jobs.lease_seconds phải từ 1 đến 86400 giây.");
  }
  if (c.jobs_poll_ms < 10 || c.jobs_poll_ms > 60000) {
    fail("jobs.poll_ms phải từ 10 đến 60000 mili giây.");
  }
  if (c.jobs_keep_done_days < 1 || c.jobs_keep_done_days > 3650) {
    fail("jobs.keep_done_days phải từ 1 đến 3650 ngày.");
  }
  if (c.reminders_share_percent < 1 || c.reminders_share_percent > 99) {
    fail("reminders.share_percent phải từ 1 đến 99 (phần trăm thời gian đã trôi qua).");
  }
  if (c.reminders_every_seconds < 10 || c.reminders_every_seconds > 86400) {
    fail("reminders.every_seconds phải từ 10 đến 86400 giây.");
  }
  if (c.threads == 0) c.threads = std::max(1u, std::thread::hardware_concurrency());
  if (c.threads > 256) fail("server.threads phải từ 1 đến 256.");
  if (c.max_body_bytes < 1024 || c.max_body_bytes > (1ull << 30)) {
    fail("server.max_body_bytes phải từ 1024 byte đến 1 GiB.");
  }
  if (c.max_header_bytes < 1024 || c.max_header_bytes > 1024 * 1024) {
    fail("server.max_header_bytes phải từ 1024 byte đến 1 MiB.");
  }
  for (auto [value, name] : {std::pair{c.read_timeout_seconds, "read_timeout_seconds"},
                             {c.idle_timeout_seconds, "idle_timeout_seconds"},
                             {c.write_timeout_seconds, "write_timeout_seconds"},
                             {c.shutdown_timeout_seconds, "shutdown_timeout_seconds"}}) {
    if (value < 1 || value > 3600) fail(fmt::format("server.{} phải từ 1 đến 3600 giây.", name));
  }
  if (c.max_connections < 1) fail("server.max_connections phải lớn hơn 0.");
  if (c.max_concurrent_uploads < 1 || c.max_concurrent_uploads > 100000) {
    fail("server.max_concurrent_uploads phải từ 1 đến 100000.");
  }
  if (c.blocking_threads < 1 || c.blocking_threads > 64) {
    fail("blocking.threads phải từ 1 đến 64.");
  }
  if (c.token_lifetime_days < 1 || c.token_lifetime_days > 3650) {
    fail("auth.token_lifetime_days phải từ 1 đến 3650 ngày.");
  }
  if (c.db_pool_size == 0) c.db_pool_size = c.threads + c.blocking_threads + c.jobs_workers + 2;
  static const std::vector<std::string> kLevels = {"trace", "debug", "info", "warn", "error"};
  if (std::find(kLevels.begin(), kLevels.end(), c.log_level) == kLevels.end()) {
    fail("log.level phải là một trong trace, debug, info, warn, error.");
  }
  ValidateMail(c);
  ValidateSms(c);
  if (c.web_dir.empty()) c.web_dir = DefaultWebDir();
  if (c.files_dir.empty()) c.files_dir = DefaultFilesDir(c.db_url).string();
  if (c.seal_key_file.empty()) {
    c.seal_key_file = (std::filesystem::path(c.files_dir) / "keys" / "seal.key").string();
  }
  if (c.exchange_keys_dir.empty()) {
    c.exchange_keys_dir = (std::filesystem::path(c.files_dir) / "exchange" / "keys").string();
  }
  if (c.exchange_trusted_dir.empty()) {
    c.exchange_trusted_dir = (std::filesystem::path(c.files_dir) / "exchange" / "trusted").string();
  }
}

std::filesystem::path DefaultFilesDir(const std::string& db_url) {
  auto url = store::ParseDatabaseUrl(db_url);
  std::filesystem::path db_path(url.sqlite_path);
  return url.dialect == store::Dialect::kSqlite
             ? (db_path.parent_path().empty() ? std::filesystem::path(".")
                                              : db_path.parent_path()) /
                   "files"
             : std::filesystem::path("var/files");
}

std::string NormalizePublicBaseUrl(const std::string& text) {
  const std::string problem =
      "server.public_base_url phải là một địa chỉ http:// hoặc https:// đầy đủ, không có "
      "truy vấn (?) hay phân đoạn (#), ví dụ https://dichvucong.example.vn (nhận được \"" +
      text.substr(0, 200) + "\").";
  auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) throw std::runtime_error(problem);
  const boost::urls::url_view url = *parsed;
  if ((url.scheme_id() != boost::urls::scheme::http &&
       url.scheme_id() != boost::urls::scheme::https) ||
      !url.has_authority() || url.encoded_host().empty() || url.has_userinfo() || url.has_query() ||
      url.has_fragment()) {
    throw std::runtime_error(problem);
  }
  boost::urls::url normal(url);
  normal.normalize_scheme();  // "HTTPS:" → "https:"
  std::string out(normal.buffer());
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost") return true;
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(host, ec);
  return !ec && address.is_loopback();
}

std::string DefaultWebDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto candidate = exe.parent_path().parent_path() / "web" / "dist";
    if (std::filesystem::is_directory(candidate, ec)) return candidate.string();
  }
  return "web/dist";
}

}  // namespace egov::app
