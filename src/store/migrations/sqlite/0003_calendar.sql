-- The working-day calendar (docs/calendar.md): each year's official schedule of days off
-- (holidays, compensatory days, swapped days off, make-up working days). A year without a
-- row follows the statutory rules. calendar_state.version grows with every change, so each
-- egov process sharing the database notices an edit and rebuilds its calendar.
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
  source TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,  -- 'YYYY-MM-DD', Vietnam civil date
  year INTEGER NOT NULL REFERENCES calendar_years(year),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('holiday','compensatory','day_off','working_day'))
) STRICT;
CREATE INDEX calendar_days_year ON calendar_days(year);

CREATE TABLE calendar_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO calendar_state (id, version) VALUES (1, 0);
