-- Processing (docs/workflow.md): optimistic locking, the three agencies of a dossier, its
-- steps resolved at intake, and the due times each event set, recorded with it.
--
-- `version` is bumped by every write of the row; an action updates WHERE version = the one it
-- read, and no row updated is a conflict. `competent_agency_id` decides (the agency of the last
-- processing step), `current_agency_id` holds the dossier now (the current step's agency);
-- dossiers from before this migration get their receiving agency for both. `assignee` is the
-- officer a forward named for the current step (NULL: anyone of the step).
ALTER TABLE dossiers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE dossiers ADD COLUMN competent_agency_id INTEGER REFERENCES agencies(id);
ALTER TABLE dossiers ADD COLUMN current_agency_id INTEGER REFERENCES agencies(id);
ALTER TABLE dossiers ADD COLUMN assignee TEXT;
UPDATE dossiers SET competent_agency_id = receiving_agency_id,
  current_agency_id = receiving_agency_id;
-- Queues and the reminder scan read the current step's due time.
CREATE INDEX dossiers_step_due ON dossiers(step_due_at);
CREATE INDEX dossiers_current_agency ON dossiers(current_agency_id, status);

-- The process of a dossier as resolved at intake from its pinned procedure version: each step
-- with its concrete agency (a step naming none belongs to the receiving agency).
CREATE TABLE dossier_steps (
  dossier_id INTEGER NOT NULL REFERENCES dossiers(id),
  idx INTEGER NOT NULL,            -- from 0; the last is the return to the applicant
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  hours INTEGER NOT NULL,          -- working hours allotted
  PRIMARY KEY (dossier_id, idx)
) STRICT;
CREATE INDEX dossier_steps_agency ON dossier_steps(agency_id, dossier_id);

-- What an event set, computed when it happened with the calendar in force then: the
-- dossier's due time and the current step's after it (NULL: none), and the officer a forward
-- named.
ALTER TABLE dossier_events ADD COLUMN due_at INTEGER;
ALTER TABLE dossier_events ADD COLUMN step_due_at INTEGER;
ALTER TABLE dossier_events ADD COLUMN to_user TEXT;
