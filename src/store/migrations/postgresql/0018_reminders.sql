-- Reminders and escalation (docs/reminders.md) and the periodic jobs that run them
-- (docs/jobs.md, "Periodic jobs").
--
-- job_schedules: one row per periodic kind. A process enqueues the kind's job when it moves
-- next_run_at forward with a conditional UPDATE (WHERE next_run_at <= now): one process wins
-- each period, on one database or many processes.
CREATE TABLE job_schedules (
  kind TEXT PRIMARY KEY,
  every_ms BIGINT NOT NULL,
  next_run_at BIGINT NOT NULL
);

-- What the reminder scan has already said: one row per subject (a dossier or a document), kind
-- of notice and due time, written with the notices in one transaction, so each is sent once;
-- a new due time (a forward, a new direction) is a new subject of notices.
CREATE TABLE reminder_marks (
  subject TEXT NOT NULL,          -- dossier | document
  subject_id BIGINT NOT NULL,
  kind TEXT NOT NULL,             -- step_due_soon | step_overdue | dossier_overdue | …
  due_at BIGINT NOT NULL,           -- the due time the notice was about (UTC ms)
  created_at BIGINT NOT NULL,
  PRIMARY KEY (subject, subject_id, kind, due_at)
);

-- The scan reads the dossiers in processing by their step's and their own due time. Partial
-- indexes: the completed millions are not in them. The former full index on step_due_at had
-- no other reader (the queues read dossiers_work_queue).
DROP INDEX dossiers_step_due;
CREATE INDEX dossiers_processing_step_due ON dossiers(step_due_at, id)
  WHERE status = 'processing';
CREATE INDEX dossiers_processing_due ON dossiers(due_at, id) WHERE status = 'processing';
-- … and the incoming documents under a direction with a deadline.
CREATE INDEX documents_deadline ON documents(deadline, id) WHERE deadline IS NOT NULL;

-- An officer's e-mail address, for the reminders that go out by e-mail too (optional).
ALTER TABLE users ADD COLUMN email TEXT;
