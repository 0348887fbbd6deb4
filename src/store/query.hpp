// The one way the store reads rows: a Row type binds its columns (Row::Bind adds the
// into-bindings to a statement) and builds a record (Row::Get); QueryRows prepares `text`
// with those and the given use-bindings and collects every row.
#pragma once

#include <soci/soci.h>

#include <string>
#include <utility>
#include <vector>

namespace egov::store {

template <class Row, class... Uses>
auto QueryRows(soci::session& sql, const std::string& text, Uses&&... uses) {
  Row row;
  soci::statement st(sql);
  row.Bind(st);
  (st.exchange(std::forward<Uses>(uses)), ...);
  st.alloc();
  st.prepare(text);
  st.define_and_bind();
  std::vector<decltype(row.Get())> out;
  if (st.execute(true)) {
    do {
      out.push_back(row.Get());
    } while (st.fetch());
  }
  return out;
}

}  // namespace egov::store
