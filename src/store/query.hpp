// The one way the store reads rows: a Row type binds its columns (Row::Bind adds the
// into-bindings to a statement) and builds a record (Row::Get); QueryRows prepares `text`
// with those and the given use-bindings and collects every row.
#pragma once

#include <soci/soci.h>

#include "store/database.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace egov::store {

// A LIKE pattern (with ESCAPE '\\') matching any text that contains `text` literally: % _ and
// \ in it are escaped. Callers fold both sides first for accent-insensitive search.
inline std::string LikeContains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "%";
}

// The enum that a column's text names (`parsed` is core's Parse…(text)); a name that core does
// not know is a corrupt row, not a user's mistake.
template <class E>
E Named(const std::optional<E>& parsed, const char* column, const std::string& text) {
  if (!parsed) throw std::runtime_error("unknown " + std::string(column) + " \"" + text + "\"");
  return *parsed;
}

// Executes a prepared statement whose columns are bound into `row` and collects every row
// (stepping the statement to its end).
template <class Row>
auto CollectRows(soci::statement& st, Row& row) {
  std::vector<decltype(row.Get())> out;
  if (st.execute(true)) {
    do {
      out.push_back(row.Get());
    } while (st.fetch());
  }
  return out;
}

template <class Row, class... Uses>
auto QueryRows(soci::session& sql, const std::string& text, Uses&&... uses) {
  Row row;
  soci::statement st(sql);
  row.Bind(st);
  (st.exchange(std::forward<Uses>(uses)), ...);
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
  return CollectRows(st, row);
}

// A query with one parameter, prepared once per pooled connection: keep it with
// `Session::Cached<CachedQuery<Spec>>()`. Spec names `Row` (as for QueryRows), `Param` (the
// parameter's type), `kParam` (its placeholder name) and `static std::string Text()`.
// For the statements every request runs (authentication): no prepare per request.
template <class Spec>
class CachedQuery {
 public:
  explicit CachedQuery(soci::session& sql) : statement_(sql) {
    row_.Bind(statement_);
    statement_.exchange(soci::use(param_, Spec::kParam));
    statement_.alloc();
    statement_.prepare(Spec::Text());
    statement_.define_and_bind();
  }
  CachedQuery(const CachedQuery&) = delete;
  CachedQuery& operator=(const CachedQuery&) = delete;

  // Every row for `param`. The statement is always stepped to its end: a SQLite statement
  // left on a row would keep its read snapshot open on the pooled connection.
  auto Rows(const typename Spec::Param& param) {
    param_ = param;
    return CollectRows(statement_, row_);
  }

 private:
  typename Spec::Row row_;
  typename Spec::Param param_{};
  soci::statement statement_;
};

// The rows of a CachedQuery<Spec> on this connection (prepared on first use, dropped after a
// failure).
template <class Spec>
auto CachedRows(Session& session, const typename Spec::Param& param) {
  return session.WithCached<CachedQuery<Spec>>([&](CachedQuery<Spec>& q) { return q.Rows(param); });
}

}  // namespace egov::store
