-- Official documents (DOMAIN.md §4, docs/documents.md): incoming and outgoing in one table,
-- their events, the assignments of a direction, the recipients of an outgoing one, files
-- (stored by SHA-256 like dossier files), the numbering counters per agency, year and series,
-- and each agency's numbering scheme. `agency_id` is the document's agency: the issuing agency
-- of an outgoing document, the receiving one of an incoming document.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  direction TEXT NOT NULL,                  -- incoming | outgoing
  status TEXT NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  type TEXT NOT NULL,                       -- Phụ lục III abbreviation, CV for a công văn
  normative INTEGER NOT NULL DEFAULT 0,     -- a normative legal document (own series)
  subject TEXT NOT NULL,                    -- trích yếu, at most 500 characters
  urgency TEXT NOT NULL,
  secrecy TEXT NOT NULL,
  number_notation TEXT,                     -- số/ký hiệu: given (incoming), allocated at issue
  notation_folded TEXT NOT NULL DEFAULT '', -- folded, without spaces: the duplicate rule
  number INTEGER,                              -- outgoing: the number allocated at issue
  series TEXT,                              -- … from this series
  year INTEGER,                             -- … of this year (Vietnam time)
  issued_on TEXT,                           -- YYYY-MM-DD, ngày ban hành
  issuer_name TEXT NOT NULL DEFAULT '',     -- incoming: cơ quan ban hành (OrganName)
  issuer_code TEXT NOT NULL DEFAULT '',     -- … its code (OrganId), when known
  issuer_folded TEXT NOT NULL DEFAULT '',
  incoming_number INTEGER,                     -- số đến
  incoming_year INTEGER,
  arrived_at INTEGER,                          -- ngày đến (UTC ms)
  pages INTEGER,
  due_on TEXT,                              -- hạn trả lời the document sets (DueDate)
  signer_info TEXT NOT NULL DEFAULT '',     -- người ký, as written on an incoming document
  content TEXT NOT NULL DEFAULT '',
  drafting_unit_id INTEGER REFERENCES agencies(id),
  drafted_by TEXT,
  signed_by TEXT,
  deadline TEXT,                            -- hạn xử lý a direction set, YYYY-MM-DD
  instruction TEXT NOT NULL DEFAULT '',     -- ý kiến chỉ đạo
  reply_document_id INTEGER REFERENCES documents(id),
  source_document_id INTEGER REFERENCES documents(id),  -- the sent outgoing one this copies
  search_text TEXT NOT NULL,                -- folded notation, subject, issuer and content
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX documents_agency ON documents(agency_id, direction, status, id);
CREATE INDEX documents_duplicate ON documents(agency_id, notation_folded);
CREATE UNIQUE INDEX documents_incoming_number ON documents(agency_id, incoming_year,
  incoming_number);
CREATE UNIQUE INDEX documents_outgoing_number ON documents(agency_id, year, series, number);
CREATE INDEX documents_drafted_by ON documents(drafted_by);
CREATE INDEX documents_source ON documents(source_document_id);

CREATE TABLE document_counters (
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  series TEXT NOT NULL,                     -- incoming | all | type:QĐ | qppl:QĐ | secret
  last INTEGER NOT NULL,
  PRIMARY KEY (agency_id, year, series)
) STRICT;

CREATE TABLE document_numbering (
  agency_id INTEGER PRIMARY KEY REFERENCES agencies(id),
  scheme TEXT NOT NULL,                     -- single | per_type
  secret_own INTEGER NOT NULL
) STRICT;

CREATE TABLE document_events (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  agency_code TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX document_events_document ON document_events(document_id, id);

CREATE TABLE document_assignments (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  kind TEXT NOT NULL,                       -- lead | co_op | inform
  agency_id INTEGER REFERENCES agencies(id),   -- a unit, or
  username TEXT,                            -- an officer
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX document_assignments_document ON document_assignments(document_id);
CREATE INDEX document_assignments_agency ON document_assignments(agency_id, document_id);
CREATE INDEX document_assignments_user ON document_assignments(username, document_id);

CREATE TABLE document_recipients (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  delivered_document_id INTEGER REFERENCES documents(id),
  delivered_at INTEGER
) STRICT;
CREATE INDEX document_recipients_document ON document_recipients(document_id);
CREATE INDEX document_recipients_agency ON document_recipients(agency_id, document_id);

CREATE TABLE document_files (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  sha256 TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL,
  uploaded_by TEXT NOT NULL
) STRICT;
CREATE INDEX document_files_document ON document_files(document_id, sha256);
