-- Transactional outbox toward control (DESIGN.md §6): as control_outbox, with control the only destination.
CREATE TABLE region_outbox (
    id            bigserial   PRIMARY KEY,
    shard_scope   text        NOT NULL,
    shard_id      bigint      NOT NULL,
    category      text        NOT NULL,
    object_id     bigint      NOT NULL,
    payload       text        NOT NULL,
    scheduled_for timestamptz NOT NULL DEFAULT now(),
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT region_outbox_coalesce_key UNIQUE (shard_scope, shard_id, category, object_id)
);
CREATE INDEX region_outbox_due_idx ON region_outbox (scheduled_for);

-- Replicas of control's users and API tokens, written only by the outbox consumer. version is the
-- source row's version: an update applies only when it is newer, so replays and reordering change nothing.
CREATE TABLE user_replica (
    id            bigint      PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    is_active     boolean     NOT NULL,
    version       bigint      NOT NULL,
    replicated_at timestamptz NOT NULL DEFAULT now()
);

-- No foreign key to user_replica: the token may arrive before its user (different categories).
CREATE TABLE api_token_replica (
    id            bigint      PRIMARY KEY,
    user_id       bigint      NOT NULL,
    token_hash    char(64)    NOT NULL,
    scopes        text        NOT NULL,
    expires_at    timestamptz,
    is_revoked    boolean     NOT NULL,
    version       bigint      NOT NULL,
    replicated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX api_token_replica_hash_key ON api_token_replica (token_hash);
CREATE INDEX api_token_replica_user_idx ON api_token_replica (user_id);
