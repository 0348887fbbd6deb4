-- Documents received by edXML (docs/exchange.md, "Import"): how the package was signed, its
-- identity (the edXML DocumentId and the SHA-256 of its text, so the same package imported
-- twice by an agency is refused), who imported it and when. One row per incoming document
-- that came from a package.
CREATE TABLE document_exchanges (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),  -- the importing agency
  package_sha256 TEXT NOT NULL,                        -- of the package's text as received
  edxml_document_id TEXT NOT NULL,                     -- OrganId,yyyy/MM/dd,number/notation
  signed INTEGER NOT NULL,                             -- 1: a valid XML-DSig signature
  pinned INTEGER NOT NULL,                             -- 1: its certificate is pinned for the sender
  certificate_subject TEXT NOT NULL DEFAULT '',
  certificate_sha256 TEXT NOT NULL DEFAULT '',
  imported_at INTEGER NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX document_exchanges_package ON document_exchanges(agency_id, package_sha256);
CREATE INDEX document_exchanges_document_id ON document_exchanges(agency_id, edxml_document_id);
