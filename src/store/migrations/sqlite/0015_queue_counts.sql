-- The sizes of the work queues, kept by the database itself (docs/workflow.md, "Work queues").
-- An officer's task list answers its total on every page; counting thousands of index entries
-- per request cost half of the request. `queue_counts` holds the number of open dossiers per
-- key, maintained by triggers on `dossiers` in the writing transaction, so no code path can
-- forget it and a rolled-back change leaves it as it was. Side 'c': processing,
-- supplement_requested and result_ready dossiers by their current agency, step role and
-- assignee ('' for none); side 'r': supplement_requested dossiers by their receiving agency
-- (the counter that waits for the supplement). Counts filtered by due time still read the index.
CREATE TABLE queue_counts (
  side TEXT NOT NULL,
  agency_id INTEGER NOT NULL,
  status TEXT NOT NULL,
  step_role TEXT NOT NULL,
  assignee TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (side, agency_id, status, step_role, assignee)
) STRICT, WITHOUT ROWID;

INSERT INTO queue_counts (side, agency_id, status, step_role, assignee, n)
SELECT 'c', COALESCE(current_agency_id, 0), status, COALESCE(step_role, ''),
  COALESCE(assignee, ''), COUNT(*) FROM dossiers
WHERE status IN ('processing', 'supplement_requested', 'result_ready')
GROUP BY 2, 3, 4, 5;
INSERT INTO queue_counts (side, agency_id, status, step_role, assignee, n)
SELECT 'r', receiving_agency_id, status, '', '', COUNT(*) FROM dossiers
WHERE status = 'supplement_requested' GROUP BY 2, 3;

CREATE TRIGGER dossiers_queue_counts_insert AFTER INSERT ON dossiers
WHEN NEW.status IN ('processing', 'supplement_requested', 'result_ready')
BEGIN
  INSERT INTO queue_counts (side, agency_id, status, step_role, assignee, n)
  VALUES ('c', COALESCE(NEW.current_agency_id, 0), NEW.status, COALESCE(NEW.step_role, ''),
    COALESCE(NEW.assignee, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO queue_counts (side, agency_id, status, step_role, assignee, n)
  SELECT 'r', NEW.receiving_agency_id, NEW.status, '', '', 1
  WHERE NEW.status = 'supplement_requested'
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dossiers_queue_counts_update
AFTER UPDATE OF status, current_agency_id, receiving_agency_id, step_role, assignee ON dossiers
BEGIN
  UPDATE queue_counts SET n = n - 1
  WHERE OLD.status IN ('processing', 'supplement_requested', 'result_ready') AND side = 'c'
    AND agency_id = COALESCE(OLD.current_agency_id, 0) AND status = OLD.status
    AND step_role = COALESCE(OLD.step_role, '') AND assignee = COALESCE(OLD.assignee, '');
  UPDATE queue_counts SET n = n - 1
  WHERE OLD.status = 'supplement_requested' AND side = 'r'
    AND agency_id = OLD.receiving_agency_id AND status = OLD.status
    AND step_role = '' AND assignee = '';
  INSERT INTO queue_counts (side, agency_id, status, step_role, assignee, n)
  SELECT 'c', COALESCE(NEW.current_agency_id, 0), NEW.status, COALESCE(NEW.step_role, ''),
    COALESCE(NEW.assignee, ''), 1
  WHERE NEW.status IN ('processing', 'supplement_requested', 'result_ready')
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO queue_counts (side, agency_id, status, step_role, assignee, n)
  SELECT 'r', NEW.receiving_agency_id, NEW.status, '', '', 1
  WHERE NEW.status = 'supplement_requested'
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER dossiers_queue_counts_delete AFTER DELETE ON dossiers
WHEN OLD.status IN ('processing', 'supplement_requested', 'result_ready')
BEGIN
  UPDATE queue_counts SET n = n - 1
  WHERE side = 'c' AND agency_id = COALESCE(OLD.current_agency_id, 0) AND status = OLD.status
    AND step_role = COALESCE(OLD.step_role, '') AND assignee = COALESCE(OLD.assignee, '');
  UPDATE queue_counts SET n = n - 1
  WHERE OLD.status = 'supplement_requested' AND side = 'r'
    AND agency_id = OLD.receiving_agency_id AND status = OLD.status
    AND step_role = '' AND assignee = '';
END;
