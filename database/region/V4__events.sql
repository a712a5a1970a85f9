-- Events sent by the Sentry SDKs and the issues they are grouped into (Sentry's "groups"). An issue is one
-- fingerprint in one project; its counters are kept in the same transaction that stores an event, so an
-- accepted event is counted exactly once.

CREATE TABLE issue (
    id               bigint      PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    project_id       bigint      NOT NULL REFERENCES project (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    fingerprint_hash char(64)    NOT NULL,                    -- SHA-256 hex of the grouping components
    title            text        NOT NULL,
    culprit          text        NOT NULL DEFAULT '',
    level            text        NOT NULL CHECK (level IN ('fatal', 'error', 'warning', 'info', 'debug')),
    platform         text,
    status           text        NOT NULL CHECK (status IN ('unresolved', 'resolved', 'ignored')),
    first_seen       timestamptz NOT NULL,
    last_seen        timestamptz NOT NULL,
    times_seen       bigint      NOT NULL,
    user_count       bigint      NOT NULL,
    version          bigint      NOT NULL
);
CREATE UNIQUE INDEX issue_fingerprint_key ON issue (project_id, fingerprint_hash);
CREATE INDEX issue_organization_last_seen_idx ON issue (organization_id, last_seen DESC, id DESC);
CREATE INDEX issue_project_last_seen_idx ON issue (project_id, last_seen DESC, id DESC);

-- The distinct users an issue has affected (the SDK's user id, email, username or IP, whichever comes first).
CREATE TABLE issue_user (
    issue_id bigint NOT NULL REFERENCES issue (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    user_key text   NOT NULL,
    PRIMARY KEY (issue_id, user_key)
);

-- One stored event: its normalized body as sent (JSONB) and the fields the API filters and shows.
-- event_id is the SDK's 32-hex id; a repeated id in the same project is stored once.
CREATE TABLE event (
    id              bigint      PRIMARY KEY,
    event_id        uuid        NOT NULL,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    project_id      bigint      NOT NULL REFERENCES project (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    issue_id        bigint      NOT NULL REFERENCES issue (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    occurred_at     timestamptz NOT NULL,                     -- the event's timestamp
    received_at     timestamptz NOT NULL DEFAULT now(),
    level           text        NOT NULL,
    platform        text,
    environment     text,
    release         text,
    title           text        NOT NULL,
    message         text,
    exception_type  text,
    exception_value text,
    user_key        text,
    tags            jsonb       NOT NULL DEFAULT '{}',
    top_frames      jsonb       NOT NULL DEFAULT '[]',        -- up to 5 innermost frames: module, function, file, line
    body            jsonb       NOT NULL
);
CREATE UNIQUE INDEX event_event_id_key ON event (project_id, event_id);
CREATE INDEX event_issue_idx ON event (issue_id, id DESC);
CREATE INDEX event_received_idx ON event (organization_id, received_at);
