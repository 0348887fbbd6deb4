// The database: a pool of SOCI sessions over SQLite (embedded default) or PostgreSQL, chosen
// by URL. Statements are written once with SOCI's named placeholders (:name), which SOCI
// binds by name on both engines, so no positional numbering differs between dialects.
//
// Writes go through WriteTransaction: on SQLite it is BEGIN IMMEDIATE under a process-wide
// writer mutex (one writer at a time, no busy-retry storms); on PostgreSQL a plain BEGIN.
// Thread-safety: Database is shared by all threads; a Session or transaction belongs to the
// thread that acquired it.
#pragma once

#include <soci/connection-pool.h>
#include <soci/session.h>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <vector>

namespace egov::store {

enum class Dialect { kSqlite, kPostgresql };

struct DatabaseUrl {
  Dialect dialect;
  std::string sqlite_path;        // for kSqlite
  std::string connection_string;  // SOCI backend connection string
  std::string display;            // the URL without its password, for logs
};

// Parses `sqlite:PATH` or `postgresql://USER:PASS@HOST:PORT/DB` (also `postgres://`).
// Throws egov::Error(kValidationFailed) with a Vietnamese message when malformed.
DatabaseUrl ParseDatabaseUrl(const std::string& url);

class Database;

// Objects kept per pooled connection, such as prepared statements with their bound buffers
// (see Session::Cached). Only the thread holding the connection touches them.
using ConnectionCache = std::unordered_map<std::type_index, std::shared_ptr<void>>;

// A pooled connection, returned to the pool on destruction.
class Session {
 public:
  Session(Database& db);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  soci::session& sql() { return *session_; }
  soci::session* operator->() { return session_; }

  // The connection's instance of T, built as T(sql()) on first use and kept for the life of
  // the connection: a statement on the hot path is prepared once, not per request. T binds
  // its own members, so it must not be copied or moved.
  template <class T>
  T& Cached() {
    auto& slot = Cache()[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>(*session_);
    return *static_cast<T*>(slot.get());
  }
  // Runs `use(Cached<T>())`. When it throws, the connection's T is dropped before the
  // exception goes on, so the next use prepares a fresh statement: a statement that failed
  // (a constraint, a lost connection) is never reused in an unknown state.
  template <class T, class F>
  auto WithCached(F&& use) {
    try {
      return use(Cached<T>());
    } catch (...) {
      Cache().erase(std::type_index(typeid(T)));
      throw;
    }
  }

 private:
  ConnectionCache& Cache();
  Database& db_;
  std::size_t index_;
  soci::session* session_;
};

// A write transaction on a pooled connection. Rolls back on destruction unless Commit()ed.
class WriteTransaction {
 public:
  explicit WriteTransaction(Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  soci::session& sql() { return session_.sql(); }
  // The pooled connection, for statements it keeps (Session::Cached).
  Session& session() { return session_; }
  void Commit();

 private:
  std::unique_lock<std::mutex> writer_lock_;  // held on SQLite only
  Session session_;
  bool done_ = false;
};

class Database {
 public:
  // Opens `pool_size` connections (SQLite: creating the file and its folder when absent,
  // then WAL, synchronous=NORMAL, busy_timeout, foreign_keys=ON on each).
  Database(const std::string& url, std::size_t pool_size);
  ~Database();

  Dialect dialect() const { return url_.dialect; }
  const char* dialect_name() const {
    return url_.dialect == Dialect::kSqlite ? "sqlite" : "postgresql";
  }
  const std::string& display_url() const { return url_.display; }
  std::size_t pool_size() const { return pool_size_; }

 private:
  friend class Session;
  friend class WriteTransaction;
  DatabaseUrl url_;
  std::size_t pool_size_;
  soci::connection_pool pool_;
  std::vector<ConnectionCache> caches_;  // one per pooled connection, by pool index
  std::mutex sqlite_writer_;             // serialises SQLite write transactions within this process
};

}  // namespace egov::store
