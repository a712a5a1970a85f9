-- What the regions tell control (DESIGN.md §6), written only by control's outbox consumers. Each row keeps
-- the version its region last sent: an older or repeated message changes nothing. Rows are never deleted
-- on removal but marked (is_removed), so a late copy of an older version cannot bring them back.
-- No foreign keys to users or between these tables: messages of different shards arrive in any order.

-- THE organization directory: the API gateway routes /organizations/{slug}/ to region, the org picker lists
-- it. Control will write PROVISIONING rows itself when it reserves a slug; the region's messages move them on.
CREATE TABLE organization_mapping (
    id            bigint      PRIMARY KEY,                  -- the organization's id (a snowflake)
    slug          text        NOT NULL CHECK (length(slug) <= 50),
    name          text        NOT NULL CHECK (length(name) <= 200),
    region        text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('PROVISIONING', 'ACTIVE', 'PENDING_DELETION',
                                                         'DELETION_IN_PROGRESS')),
    version       bigint      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    replicated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organization_mapping_slug_key ON organization_mapping (slug);

-- Who belongs to which organization in which region: "a user's organizations across regions".
CREATE TABLE organization_member_mapping (
    id              bigint      PRIMARY KEY,                -- the membership's id in its region
    organization_id bigint      NOT NULL,
    user_id         bigint      NOT NULL,
    role            text        NOT NULL,
    is_removed      boolean     NOT NULL,
    version         bigint      NOT NULL,
    replicated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organization_member_mapping_member_key ON organization_member_mapping (organization_id, user_id)
    WHERE NOT is_removed;
CREATE INDEX organization_member_mapping_user_idx ON organization_member_mapping (user_id) WHERE NOT is_removed;

-- DSN public key → project, organization and region, for control's ingest endpoint (old DSNs keep working).
CREATE TABLE project_key_mapping (
    id              bigint      PRIMARY KEY,                -- the project key's id in its region
    public_key      text        NOT NULL CHECK (length(public_key) <= 64),
    project_id      bigint      NOT NULL,
    organization_id bigint      NOT NULL,
    region          text        NOT NULL,
    is_removed      boolean     NOT NULL,
    version         bigint      NOT NULL,
    replicated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX project_key_mapping_public_key_key ON project_key_mapping (public_key);
CREATE INDEX project_key_mapping_organization_idx ON project_key_mapping (organization_id);

-- The audit index holds the regions' entries too, in the same table, so one query pages a user's log:
-- region and organization_id say where an entry happened (NULL region: control itself). Events are stored
-- by their wire name (login, token.created, member.added …), one vocabulary for both silos.
ALTER TABLE audit_log ADD COLUMN region text;
ALTER TABLE audit_log ADD COLUMN organization_id bigint;
UPDATE audit_log SET event = CASE event
    WHEN 'USER_SIGNED_UP' THEN 'user.signed-up'
    WHEN 'USER_UPDATED' THEN 'user.updated'
    WHEN 'USER_DEACTIVATED' THEN 'user.deactivated'
    WHEN 'LOGIN' THEN 'login'
    WHEN 'LOGIN_FAILED' THEN 'login.failed'
    WHEN 'LOGOUT' THEN 'logout'
    WHEN 'PASSWORD_CHANGED' THEN 'password.changed'
    WHEN 'TOKEN_CREATED' THEN 'token.created'
    WHEN 'TOKEN_REVOKED' THEN 'token.revoked'
    ELSE event END;
CREATE INDEX audit_log_organization_idx ON audit_log (organization_id, id DESC) WHERE organization_id IS NOT NULL;
