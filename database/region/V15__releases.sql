-- Releases as Sentry has them: one per organization and version, linked to the projects that have it. Before,
-- a release was a row per project; that row is now the link (release_project), and the organization's release
-- is made from the links. Ingestion creates both on first sight of a version; the API creates, finalizes and
-- deletes releases, sets their commits and records their deploys.
ALTER TABLE release RENAME TO release_project;
ALTER TABLE release_project RENAME CONSTRAINT release_pkey TO release_project_pkey;
ALTER INDEX release_version_key RENAME TO release_project_version_key;
-- When the project's events of this version began and (to the minute: ingestion writes it at most once a minute, so
-- concurrent events never queue on the row) when they last came.
ALTER TABLE release_project ADD COLUMN first_event timestamptz;
ALTER TABLE release_project ADD COLUMN last_event timestamptz;
UPDATE release_project rp
   SET first_event = seen.first_event, last_event = seen.last_event
  FROM (SELECT project_id, release, min(occurred_at) AS first_event, max(occurred_at) AS last_event
          FROM event WHERE release IS NOT NULL GROUP BY project_id, release) seen
 WHERE seen.project_id = rp.project_id AND seen.release = rp.version;

CREATE TABLE release (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    version         text        NOT NULL CHECK (length(version) BETWEEN 1 AND 200),
    ref             text        CHECK (length(ref) <= 200),
    url             text        CHECK (length(url) <= 2000),
    date_created    timestamptz NOT NULL DEFAULT now(),
    date_started    timestamptz,
    date_released   timestamptz                               -- set: the release is finalized
);
CREATE UNIQUE INDEX release_version_key ON release (organization_id, version);
INSERT INTO release (id, organization_id, version, date_created)
SELECT min(id), organization_id, version, min(first_seen) FROM release_project GROUP BY organization_id, version;

-- The repositories commits name (created on first mention, as Sentry does for a repository name it does not know).
CREATE TABLE repository (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    date_created    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX repository_name_key ON repository (organization_id, name);

-- A release's commits in the order they were given (position 0 is the newest, as sentry-cli sends them).
CREATE TABLE release_commit (
    id              bigint      PRIMARY KEY,
    release_id      bigint      NOT NULL REFERENCES release (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position        integer     NOT NULL CHECK (position >= 0),
    repository_id   bigint      NOT NULL REFERENCES repository (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    sha             text        NOT NULL CHECK (length(sha) BETWEEN 1 AND 64),
    author_name     text        CHECK (length(author_name) <= 200),
    author_email    text        CHECK (length(author_email) <= 200),
    message         text        CHECK (length(message) <= 10000),
    date_committed  timestamptz
);
CREATE UNIQUE INDEX release_commit_position_key ON release_commit (release_id, position);

CREATE TABLE deploy (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    release_id      bigint      NOT NULL REFERENCES release (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    environment     text        NOT NULL CHECK (length(environment) BETWEEN 1 AND 64),
    name            text        CHECK (length(name) <= 200),
    url             text        CHECK (length(url) <= 2000),
    date_started    timestamptz,
    date_finished   timestamptz NOT NULL
);
CREATE INDEX deploy_release_idx ON deploy (release_id, id DESC);

-- An issue's first and last release: of the first event that named one, and of its latest event that named one.
-- Kept by the upsert that counts each event (the issue's row is locked then anyway).
ALTER TABLE issue ADD COLUMN first_release text;
ALTER TABLE issue ADD COLUMN last_release text;
UPDATE issue i
   SET first_release = (SELECT release FROM event e WHERE e.issue_id = i.id AND e.release IS NOT NULL
                         ORDER BY e.occurred_at, e.id LIMIT 1),
       last_release  = (SELECT release FROM event e WHERE e.issue_id = i.id AND e.release IS NOT NULL
                         ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1);
-- A release's new issues (newGroups) and firstRelease: searches.
CREATE INDEX issue_first_release_idx ON issue (organization_id, first_release) WHERE first_release IS NOT NULL;
