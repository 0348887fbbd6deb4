-- Work queues (docs/workflow.md, "Work queues"). An officer's tasks are the open dossiers held
-- by their agency whose current step has one of their roles, unassigned or assigned to them,
-- in the order of the step's due time. `step_role` copies the current step's role from
-- dossier_steps onto the dossier (written with current_step), so that one index answers the
-- list, its count and the unit queue's without reading the rows or the steps: agency, status,
-- role, then the order (due time, code) and the assignee filter. It covers the former
-- (current_agency_id, status) index, dropped.
ALTER TABLE dossiers ADD COLUMN step_role TEXT;
UPDATE dossiers SET step_role = (SELECT s.role FROM dossier_steps s
  WHERE s.dossier_id = dossiers.id AND s.idx = dossiers.current_step);
CREATE INDEX dossiers_work_queue ON dossiers(current_agency_id, status, step_role, step_due_at,
  code, assignee);
DROP INDEX dossiers_current_agency;
