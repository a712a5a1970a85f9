-- Sentry's short ids (WEB-12): every issue gets the next number of its project when its creating transaction
-- inserts it, so numbers are unique per project and have no gaps (a rolled-back creation gives its number back).
-- The counter has a table of its own so that counting issues never waits on a project's row.
CREATE TABLE project_issue_counter (
    project_id  bigint PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    last_number bigint NOT NULL CHECK (last_number > 0)
);
-- Set right after the issue's insert, in the same transaction: committed issues always have one.
ALTER TABLE issue ADD COLUMN short_number bigint;
UPDATE issue i SET short_number = numbered.number
  FROM (SELECT id, row_number() OVER (PARTITION BY project_id ORDER BY first_seen, id) AS number FROM issue) numbered
 WHERE numbered.id = i.id;
INSERT INTO project_issue_counter (project_id, last_number)
SELECT project_id, max(short_number) FROM issue GROUP BY project_id;
CREATE UNIQUE INDEX issue_short_number_key ON issue (project_id, short_number);
