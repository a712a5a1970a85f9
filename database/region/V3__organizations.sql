-- The customer data of a region (DESIGN.md §1): organizations and everything in them. Nothing here leaves the
-- region; what control must know (organization, membership, project key) goes through region_outbox in the
-- same transaction. Users live in control: user_id columns are plain cross-silo ids, never foreign keys.
-- Ids are snowflakes minted in this region. version counts the row's committed changes (JPA @Version) and is
-- what control keeps to ignore older or repeated messages. Foreign keys are checked at commit (DEFERRABLE
-- INITIALLY DEFERRED): entities refer to each other by id, not by JPA relationship, so EclipseLink does not
-- know which insert must come first.

CREATE TABLE organization (
    id             bigint      PRIMARY KEY,
    slug           text        NOT NULL CHECK (length(slug) BETWEEN 1 AND 50),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status         text        NOT NULL CHECK (status IN ('ACTIVE', 'PENDING_DELETION', 'DELETION_IN_PROGRESS')),
    retention_days integer     CHECK (retention_days BETWEEN 1 AND 3650),   -- NULL: silo.events.retention-days
    date_created   timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL
);
CREATE UNIQUE INDEX organization_slug_key ON organization (slug);

-- A member is a user of control (user_id) or, while an invitation is pending, only an email.
CREATE TABLE organization_member (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    user_id         bigint,
    email           text        CHECK (length(email) <= 254),
    role            text        NOT NULL CHECK (role IN ('owner', 'manager', 'admin', 'member')),
    date_created    timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL,
    CHECK (user_id IS NOT NULL OR email IS NOT NULL)
);
CREATE UNIQUE INDEX organization_member_user_key ON organization_member (organization_id, user_id);
CREATE UNIQUE INDEX organization_member_email_key ON organization_member (organization_id, lower(email))
    WHERE user_id IS NULL;
CREATE INDEX organization_member_user_idx ON organization_member (user_id);

CREATE TABLE team (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    slug            text        NOT NULL CHECK (length(slug) BETWEEN 1 AND 50),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    date_created    timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL
);
CREATE UNIQUE INDEX team_slug_key ON team (organization_id, slug);

CREATE TABLE team_member (
    team_id   bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    member_id bigint NOT NULL REFERENCES organization_member (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (team_id, member_id)
);
CREATE INDEX team_member_member_idx ON team_member (member_id);

CREATE TABLE project (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    slug            text        NOT NULL CHECK (length(slug) BETWEEN 1 AND 50),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    platform        text        CHECK (length(platform) <= 64),
    date_created    timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL
);
CREATE UNIQUE INDEX project_slug_key ON project (organization_id, slug);

CREATE TABLE project_team (
    project_id bigint NOT NULL REFERENCES project (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    team_id    bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (project_id, team_id)
);
CREATE INDEX project_team_team_idx ON project_team (team_id);

-- A DSN: {scheme}://{public_key}@{region ingest host}/{project_id}. rate_limit_count events per
-- rate_limit_window seconds, both NULL for no limit.
CREATE TABLE project_key (
    id                bigint      PRIMARY KEY,
    project_id        bigint      NOT NULL REFERENCES project (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    organization_id   bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    label             text        NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
    public_key        char(32)    NOT NULL,
    secret_key        char(32)    NOT NULL,
    is_active         boolean     NOT NULL,
    rate_limit_count  integer     CHECK (rate_limit_count > 0),
    rate_limit_window integer     CHECK (rate_limit_window BETWEEN 1 AND 86400),
    date_created      timestamptz NOT NULL DEFAULT now(),
    version           bigint      NOT NULL,
    CHECK ((rate_limit_count IS NULL) = (rate_limit_window IS NULL))
);
CREATE UNIQUE INDEX project_key_public_key_key ON project_key (public_key);
CREATE INDEX project_key_project_idx ON project_key (project_id);

-- Environments and releases are named by the events that mention them (created on first sight).
CREATE TABLE environment (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    project_id      bigint      NOT NULL REFERENCES project (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    first_seen      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX environment_name_key ON environment (project_id, name);

CREATE TABLE release (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    project_id      bigint      NOT NULL REFERENCES project (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    version         text        NOT NULL CHECK (length(version) BETWEEN 1 AND 200),
    first_seen      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX release_version_key ON release (project_id, version);
