-- The procedure catalog: one row per procedure (the searchable facts of its latest
-- version) and every version's full definition as JSON (docs/catalog.md).
CREATE TABLE procedures (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  field TEXT NOT NULL,
  level TEXT NOT NULL DEFAULT '',
  search_folded TEXT NOT NULL,
  latest_version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX procedures_field ON procedures(field);

CREATE TABLE procedure_versions (
  procedure_id INTEGER NOT NULL REFERENCES procedures(id),
  version INTEGER NOT NULL,
  effective_from TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (procedure_id, version)
) STRICT;
