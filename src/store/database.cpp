// Connection pool, URL parsing and write transactions (see database.hpp).
#include "store/database.hpp"

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cctype>
#include <filesystem>
#include <mutex>
#include <regex>

#include "core/error.hpp"

namespace egov::store {

namespace {

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Quotes a libpq connection-string value.
std::string PqValue(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

// Process-wide SQLite settings, applied once before the first connection opens:
// multi-thread mode (a pooled connection is only ever used by one thread at a time, so
// SQLite's per-connection mutex is pure cost) and no memory statistics (a global mutex taken
// on every allocation). Measured: both together turn most of a cached lookup's time from
// mutex contention into work.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

}  // namespace

DatabaseUrl ParseDatabaseUrl(const std::string& url) {
  const Error bad(ErrorCode::kValidationFailed,
                  "Địa chỉ cơ sở dữ liệu không hợp lệ: cần dạng sqlite:ĐƯỜNG_DẪN hoặc "
                  "postgresql://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:CỔNG/TÊN_CSDL.",
                  url);
  if (url.starts_with("sqlite:")) {
    std::string path = url.substr(7);
    if (path.starts_with("//")) path = path.substr(2);  // sqlite:///abs/path
    if (path.empty()) throw bad;
    return {Dialect::kSqlite, path, fmt::format("db=\"{}\" timeout=10", path), url};
  }
  static const std::regex kPg(
      R"(^postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?]+)?(?::(\d{1,5}))?/([^?/]+)$)");
  std::smatch m;
  if (!std::regex_match(url, m, kPg)) throw bad;
  std::string cs = "dbname=" + PqValue(PercentDecode(m[5]));
  if (m[1].matched && m[1].length()) cs += " user=" + PqValue(PercentDecode(m[1]));
  if (m[2].matched) cs += " password=" + PqValue(PercentDecode(m[2]));
  if (m[3].matched) cs += " host=" + PqValue(m[3]);
  if (m[4].matched) cs += " port=" + m[4].str();
  cs += " connect_timeout=10 application_name=egov";
  std::string display = url;
  if (m[2].matched) display.replace(m.position(2), m.length(2), "***");
  return {Dialect::kPostgresql, "", cs, display};
}

Database::Database(const std::string& url, std::size_t pool_size)
    : url_(ParseDatabaseUrl(url)), pool_size_(pool_size), pool_(pool_size), caches_(pool_size) {
  if (url_.dialect == Dialect::kSqlite) {
    ConfigureSqliteOnce();
    auto parent = std::filesystem::path(url_.sqlite_path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  for (std::size_t i = 0; i < pool_size; ++i) {
    soci::session& s = pool_.at(i);
    if (url_.dialect == Dialect::kSqlite) {
      s.open(*soci::factory_sqlite3(), url_.connection_string);
      // Errors carry extended result codes (SQLITE_CONSTRAINT_UNIQUE, not SQLITE_CONSTRAINT),
      // which store/errors.cpp maps to typed failures.
      sqlite_api::sqlite3_extended_result_codes(
          static_cast<soci::sqlite3_session_backend*>(s.get_backend())->conn_, 1);
      s << "PRAGMA journal_mode=WAL";
      s << "PRAGMA synchronous=NORMAL";
      s << "PRAGMA busy_timeout=10000";
      s << "PRAGMA foreign_keys=ON";
    } else {
      s.open(*soci::factory_postgresql(), url_.connection_string);
      s << "SET TIME ZONE 'UTC'";
    }
  }
}

Database::~Database() {
  caches_.clear();  // cached statements go before their connections
}

Session::Session(Database& db)
    : db_(db), index_(db.pool_.lease()), session_(&db.pool_.at(index_)) {}

Session::~Session() { db_.pool_.give_back(index_); }

ConnectionCache& Session::Cache() { return db_.caches_[index_]; }

WriteTransaction::WriteTransaction(Database& db)
    : writer_lock_(db.dialect() == Dialect::kSqlite ? std::unique_lock(db.sqlite_writer_)
                                                    : std::unique_lock<std::mutex>()),
      session_(db) {
  session_.sql() << (db.dialect() == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

WriteTransaction::~WriteTransaction() {
  if (done_) return;
  try {
    session_.sql() << "ROLLBACK";
  } catch (...) {
    // The connection is broken or the transaction already ended; nothing to undo.
  }
}

void WriteTransaction::Commit() {
  session_.sql() << "COMMIT";
  done_ = true;
}

}  // namespace egov::store
