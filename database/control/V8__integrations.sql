-- Third-party integrations (GitHub installations, Slack workspaces, Jira sites) live in control: a provider
-- calls one webhook URL and one OAuth client for every region, and several organizations, in different
-- regions, may share one installation. OAuth credentials are encrypted at rest (AES-GCM, key from config
-- silo.integrations.secret-key): the *_ciphertext columns hold base64(nonce || ciphertext || tag).
CREATE TABLE integration (
    id                       bigint      PRIMARY KEY,
    provider                 text        NOT NULL CHECK (provider IN ('github', 'slack', 'jira')),
    external_id              text        NOT NULL CHECK (length(external_id) <= 200),
    name                     text        NOT NULL CHECK (length(name) <= 200),
    metadata                 text        NOT NULL DEFAULT '{}',
    access_token_ciphertext  text,
    refresh_token_ciphertext text,
    token_expires_at         timestamptz,
    version                  bigint      NOT NULL DEFAULT 0,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now()
);
-- webhooks route by (provider, external id): one installation, one row
CREATE UNIQUE INDEX integration_provider_external_id_key ON integration (provider, external_id);

-- An organization's use of an integration. organization_id is the plain id of organization_mapping (no
-- foreign key, like the other directory tables). Uninstalling keeps the row with status 'uninstalled', so
-- the region's replica receives the change and a re-install reuses the row with a higher version.
CREATE TABLE organization_integration (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL,
    integration_id  bigint      NOT NULL REFERENCES integration (id) DEFERRABLE INITIALLY DEFERRED,
    status          text        NOT NULL CHECK (status IN ('active', 'disabled', 'uninstalled')),
    config          text        NOT NULL DEFAULT '{}',
    version         bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organization_integration_key ON organization_integration (organization_id, integration_id);
CREATE INDEX organization_integration_integration_idx ON organization_integration (integration_id)
    WHERE status = 'active';

-- Webhooks control acknowledged but could deliver nowhere: no integration with that external id, or no
-- organization has it installed. Kept for operators (no payload: only what identifies the delivery).
CREATE TABLE unroutable_webhook (
    id          bigint      PRIMARY KEY,
    provider    text        NOT NULL,
    external_id text,
    event_type  text,
    reason      text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unroutable_webhook_received_idx ON unroutable_webhook (received_at DESC);
