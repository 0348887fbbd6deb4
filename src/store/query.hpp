// The one way the store reads rows. A Row type names the result columns it reads
// (`void Bind(Columns& c) { c("id", id); c("code", code); … }`) and builds a record
// (`Get()`); Columns binds each member to the column of that name in the statement's SELECT
// (or RETURNING) list, so a row never depends on the order of the columns. The names are
// resolved once, when the statement is prepared, from the statement's text: reading a row
// costs what positional binding costs, so the statements prepared once per pooled connection
// (CachedQuery, Session::Cached) bind by name too.
//
// Why not soci::row or type_conversion<T> (which reads a soci::values, i.e. a soci::row):
// SOCI 4.0 types a row's columns from SQLite's declared type, so an INTEGER column (every
// instant: epoch milliseconds) is read as a 32-bit int and truncated, and an expression
// (COUNT(*), MAX(…)) as text; it also copies every value once more and looks each name up
// in a map on every row.
#pragma once

#include <soci/soci.h>

#include "store/database.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
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

// The names of the result columns of `text`, in order: the top-level SELECT list (up to its
// FROM), else the RETURNING list of an INSERT or UPDATE, else none. A column's name is its
// alias (`… AS name`), else the column without its table (`a.code` → "code"); an expression
// without an alias has the empty name and cannot be bound by name.
std::vector<std::string> ResultColumns(std::string_view text);

// Binds a row's members to the result columns of one statement by name (see the top of this
// file). A name that is not a result column, or that two result columns share, or a member
// bound twice, or a result column that no member reads, is a programming error:
// std::logic_error when the statement is prepared, naming the statement.
class Columns {
 public:
  explicit Columns(std::string_view text);

  template <class T>
  void operator()(std::string_view name, T& value) {
    Add(name, {&value, nullptr, &Exchange<T>});
  }
  // A nullable column: `indicator` is soci::i_null when the column is NULL.
  template <class T>
  void operator()(std::string_view name, T& value, soci::indicator& indicator) {
    Add(name, {&value, &indicator, &Exchange<T>});
  }

  // Adds the into-bindings to `st`, in the order of the result columns.
  void Into(soci::statement& st) const;

 private:
  struct Binding {
    void* value = nullptr;
    soci::indicator* indicator = nullptr;
    void (*exchange)(soci::statement&, void*, soci::indicator*) = nullptr;
  };
  template <class T>
  static void Exchange(soci::statement& st, void* value, soci::indicator* indicator) {
    if (indicator) {
      st.exchange(soci::into(*static_cast<T*>(value), *indicator));
    } else {
      st.exchange(soci::into(*static_cast<T*>(value)));
    }
  }
  void Add(std::string_view name, Binding binding);
  [[noreturn]] void Fail(const std::string& what) const;

  std::string_view text_;
  std::vector<std::string> names_;
  std::vector<Binding> bindings_;  // by result column
};

// Prepares `text` on `st`, a fresh statement: `row`'s members bound to the result columns
// they name, and the given use-bindings.
template <class Row, class... Uses>
void PrepareRows(soci::statement& st, const std::string& text, Row& row, Uses&&... uses) {
  Columns columns(text);
  row.Bind(columns);
  columns.Into(st);
  (st.exchange(std::forward<Uses>(uses)), ...);
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
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

// Every row of `text` with the given use-bindings, each built by Row::Get().
template <class Row, class... Uses>
auto QueryRows(soci::session& sql, const std::string& text, Uses&&... uses) {
  Row row;
  soci::statement st(sql);
  PrepareRows(st, text, row, std::forward<Uses>(uses)...);
  return CollectRows(st, row);
}

// The first row of `text`, if any (the statement is still stepped to its end).
template <class Row, class... Uses>
auto QueryRow(soci::session& sql, const std::string& text, Uses&&... uses) {
  auto rows = QueryRows<Row>(sql, text, std::forward<Uses>(uses)...);
  return rows.empty() ? std::nullopt : std::optional(std::move(rows.front()));
}

// Calls `visit(row.Get())` for each row of `text` in order, until it returns false.
template <class Row, class Visit, class... Uses>
void ForEachRow(soci::session& sql, const std::string& text, Visit&& visit, Uses&&... uses) {
  Row row;
  soci::statement st(sql);
  PrepareRows(st, text, row, std::forward<Uses>(uses)...);
  if (!st.execute(true)) return;
  do {
    if (!visit(row.Get())) return;
  } while (st.fetch());
}

// A query with one parameter, prepared once per pooled connection: keep it with
// `Session::Cached<CachedQuery<Spec>>()`. Spec names `Row` (as for QueryRows), `Param` (the
// parameter's type), `kParam` (its placeholder name) and `static std::string Text()`.
// For the statements every request runs (authentication): no prepare per request.
template <class Spec>
class CachedQuery {
 public:
  explicit CachedQuery(soci::session& sql) : statement_(sql) {
    PrepareRows(statement_, Spec::Text(), row_, soci::use(param_, Spec::kParam));
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
