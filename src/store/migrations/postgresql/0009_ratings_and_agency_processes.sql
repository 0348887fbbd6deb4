-- Citizens' ratings of returned dossiers (docs/workflow.md, "Rating"; Decision 766/QĐ-TTg,
-- DOMAIN.md §2) and agencies' own internal processes (docs/workflow.md, "An agency's own
-- process").
--
-- One rating per dossier, given once after the result is returned: the overall score and the
-- optional criteria of the citizen's satisfaction, each 1–5 (NULL: not rated), and an
-- optional comment ('' when none).
CREATE TABLE ratings (
  dossier_id BIGINT PRIMARY KEY REFERENCES dossiers(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  attitude INTEGER CHECK (attitude BETWEEN 1 AND 5),
  guidance INTEGER CHECK (guidance BETWEEN 1 AND 5),
  time_taken INTEGER CHECK (time_taken BETWEEN 1 AND 5),
  fees_as_posted INTEGER CHECK (fees_as_posted BETWEEN 1 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  rated_at BIGINT NOT NULL
);

-- An agency's own process (quy trình nội bộ) for a procedure: its steps in the catalog's step
-- form (JSON, {"steps":[…]}), preferred to the procedure's steps for dossiers received at that
-- agency from then on. Dossiers already received keep their recorded steps (dossier_steps).
CREATE TABLE agency_processes (
  agency_id BIGINT NOT NULL REFERENCES agencies(id),
  procedure_code TEXT NOT NULL,
  steps TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (agency_id, procedure_code)
);
