-- Identity and access: accounts, login sessions, API tokens, login throttling and the audit log.
-- Secrets never appear here in clear: passwords as PBKDF2 hashes, session ids, CSRF tokens and API
-- tokens as SHA-256 hex digests.

CREATE TABLE users (
    id                  bigint      PRIMARY KEY,
    email               text        NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
    name                text        NOT NULL CHECK (length(name) <= 200),
    password_hash       text        NOT NULL,
    is_active           boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    password_changed_at timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE user_sessions (
    session_hash        char(64)    PRIMARY KEY,
    csrf_hash           char(64)    NOT NULL,
    user_id             bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ip_address          text        NOT NULL,
    created_at          timestamptz NOT NULL,
    last_seen_at        timestamptz NOT NULL,
    idle_expires_at     timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id);
CREATE INDEX user_sessions_expiry_idx ON user_sessions (idle_expires_at);

-- kind USER: acts as user_id within its scopes. kind ORGANIZATION: acts for organization_id, which lives
-- in region; the region name is part of the token's prefix so the gateway routes it without a lookup.
CREATE TABLE api_tokens (
    id              bigint      PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('USER', 'ORGANIZATION')),
    token_hash      char(64)    NOT NULL,
    token_hint      text        NOT NULL,
    name            text        NOT NULL CHECK (length(name) <= 200),
    user_id         bigint      REFERENCES users (id) ON DELETE CASCADE,
    organization_id bigint,
    region          text,
    scopes          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    CHECK ((kind = 'USER' AND user_id IS NOT NULL AND organization_id IS NULL)
        OR (kind = 'ORGANIZATION' AND organization_id IS NOT NULL AND region IS NOT NULL))
);
CREATE UNIQUE INDEX api_tokens_hash_key ON api_tokens (token_hash);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, id);

-- Failed logins per throttle key (a hashed account email, or a client address) in a fixed window.
-- Shared by every control instance, so a throttle holds whichever instance answers.
CREATE TABLE login_throttle (
    throttle_key      text        PRIMARY KEY,
    window_started_at timestamptz NOT NULL,
    failures          integer     NOT NULL
);

CREATE TABLE audit_log (
    id            bigint      PRIMARY KEY,
    user_id       bigint,
    actor_user_id bigint,
    actor_token_id bigint,
    event         text        NOT NULL,
    ip_address    text,
    detail        text,
    created_at    timestamptz NOT NULL
);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, id DESC);
