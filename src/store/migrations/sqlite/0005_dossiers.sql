-- One-stop dossiers: per-agency daily code counters, the dossiers, and their events.
CREATE TABLE dossier_counters (
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  day TEXT NOT NULL,               -- YYMMDD, Vietnam date
  last INTEGER NOT NULL,
  PRIMARY KEY (agency_id, day)
) STRICT;

CREATE TABLE dossiers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  public_token TEXT NOT NULL UNIQUE,
  procedure_code TEXT NOT NULL,
  procedure_version INTEGER NOT NULL,
  procedure_name TEXT NOT NULL,
  status TEXT NOT NULL,
  channel TEXT NOT NULL,
  receiving_agency_id INTEGER NOT NULL REFERENCES agencies(id),
  applicant TEXT NOT NULL,         -- JSON {full_name, id_number, phone, email, address}
  applicant_folded TEXT NOT NULL,  -- folded name, id number and phone, for search
  components TEXT NOT NULL,        -- JSON [{name, original, certified, copy}]
  current_step INTEGER NOT NULL,
  step_due_at INTEGER,
  submitted_at INTEGER NOT NULL,
  received_at INTEGER,
  due_at INTEGER,
  completed_at INTEGER,
  created_by TEXT NOT NULL,
  idempotency_key TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX dossiers_agency_status ON dossiers(receiving_agency_id, status);
CREATE INDEX dossiers_due ON dossiers(due_at);
CREATE INDEX dossiers_received ON dossiers(receiving_agency_id, received_at);
CREATE UNIQUE INDEX dossiers_idempotency ON dossiers(created_by, idempotency_key);

CREATE TABLE dossier_events (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  agency_code TEXT NOT NULL,
  from_step INTEGER,
  to_step INTEGER,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, id);
