-- Durable background jobs (docs/jobs.md). A job is enqueued in the transaction of the change
-- that causes it (the outbox), claimed by one worker at a time, retried with backoff, and
-- parked as failed after its last attempt with the error kept. Instants are UTC epoch ms.
--
-- state: queued (waits for run_at) → running (claimed_by holds it until lease_until; after
-- that another process may claim it again) → done | queued again (a retry) | failed.
-- attempts counts the claims; progress (0–100) and its note are what a long job reported.
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  run_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
  last_error TEXT,
  lease_until INTEGER,
  claimed_by TEXT,
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  progress_note TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
) STRICT;
-- Claiming a kind's due jobs (state, kind, run_at) and its expired leases (state, kind,
-- lease_until); the first also answers the admin list filtered by state and the metrics'
-- counts per state and kind without reading the rows.
CREATE INDEX jobs_claim ON jobs(state, kind, run_at);
CREATE INDEX jobs_lease ON jobs(state, kind, lease_until);
-- The admin list filtered by kind, newest first.
CREATE INDEX jobs_kind ON jobs(kind, id);
