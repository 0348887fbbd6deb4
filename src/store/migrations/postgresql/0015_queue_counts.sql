-- The sizes of the work queues, kept by the database itself (docs/workflow.md, "Work queues";
-- see the SQLite migration for the reasons). Side 'c': open dossiers by current agency, status,
-- step role and assignee ('' for none); side 'r': supplement_requested ones by receiving agency.
CREATE TABLE queue_counts (
  side TEXT NOT NULL,
  agency_id BIGINT NOT NULL,
  status TEXT NOT NULL,
  step_role TEXT NOT NULL,
  assignee TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (side, agency_id, status, step_role, assignee)
);

INSERT INTO queue_counts (side, agency_id, status, step_role, assignee, n)
SELECT 'c', COALESCE(current_agency_id, 0), status, COALESCE(step_role, ''),
  COALESCE(assignee, ''), COUNT(*) FROM dossiers
WHERE status IN ('processing', 'supplement_requested', 'result_ready')
GROUP BY 2, 3, 4, 5;
INSERT INTO queue_counts (side, agency_id, status, step_role, assignee, n)
SELECT 'r', receiving_agency_id, status, '', '', COUNT(*) FROM dossiers
WHERE status = 'supplement_requested' GROUP BY 2, 3;

CREATE FUNCTION dossiers_queue_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.status IN ('processing', 'supplement_requested', 'result_ready') THEN
      UPDATE queue_counts SET n = n - 1
      WHERE side = 'c' AND agency_id = COALESCE(OLD.current_agency_id, 0)
        AND status = OLD.status AND step_role = COALESCE(OLD.step_role, '')
        AND assignee = COALESCE(OLD.assignee, '');
    END IF;
    IF OLD.status = 'supplement_requested' THEN
      UPDATE queue_counts SET n = n - 1
      WHERE side = 'r' AND agency_id = OLD.receiving_agency_id AND status = OLD.status
        AND step_role = '' AND assignee = '';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW.status IN ('processing', 'supplement_requested', 'result_ready') THEN
      INSERT INTO queue_counts AS q (side, agency_id, status, step_role, assignee, n)
      VALUES ('c', COALESCE(NEW.current_agency_id, 0), NEW.status, COALESCE(NEW.step_role, ''),
        COALESCE(NEW.assignee, ''), 1)
      ON CONFLICT (side, agency_id, status, step_role, assignee) DO UPDATE SET n = q.n + 1;
    END IF;
    IF NEW.status = 'supplement_requested' THEN
      INSERT INTO queue_counts AS q (side, agency_id, status, step_role, assignee, n)
      VALUES ('r', NEW.receiving_agency_id, NEW.status, '', '', 1)
      ON CONFLICT (side, agency_id, status, step_role, assignee) DO UPDATE SET n = q.n + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dossiers_queue_counts
AFTER INSERT OR DELETE OR UPDATE OF status, current_agency_id, receiving_agency_id, step_role,
  assignee ON dossiers
FOR EACH ROW EXECUTE FUNCTION dossiers_queue_counts();
