-- Files handed in for a dossier's components, stored by content (SHA-256) on disk.
CREATE TABLE dossier_files (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
  sha256 TEXT NOT NULL,
  component TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL
) STRICT;
CREATE INDEX dossier_files_dossier ON dossier_files(dossier_id, sha256);
