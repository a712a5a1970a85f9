-- What control tells this region about its organizations' integrations (OrganizationIntegrationApplier):
-- only a newer version replaces a row; an uninstalled one stays with status 'uninstalled'.
CREATE TABLE organization_integration_replica (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL,
    integration_id  bigint      NOT NULL,
    provider        text        NOT NULL,
    external_id     text        NOT NULL,
    name            text        NOT NULL,
    status          text        NOT NULL,
    config          text        NOT NULL,
    version         bigint      NOT NULL,
    replicated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organization_integration_replica_organization_idx ON organization_integration_replica (organization_id);

-- Webhook deliveries this region processed, one row per delivery id (the same id in every region): a
-- redelivered message finds its row and changes nothing, so each webhook is processed exactly once here.
CREATE TABLE webhook_delivery (
    id             bigint      PRIMARY KEY,
    integration_id bigint      NOT NULL,
    provider       text        NOT NULL,
    event_type     text        NOT NULL,
    received_at    timestamptz NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_delivery_integration_idx ON webhook_delivery (integration_id, id);

-- Commits GitHub push webhooks reported, per organization that has the installation.
CREATE TABLE repository_commit (
    organization_id bigint      NOT NULL,
    repository      text        NOT NULL,
    sha             text        NOT NULL,
    message         text        NOT NULL,
    author_name     text,
    author_email    text,
    delivery_id     bigint      NOT NULL,
    committed_at    timestamptz,
    PRIMARY KEY (organization_id, repository, sha)
);

-- Pull requests GitHub pull_request webhooks reported; the latest delivery's state wins.
CREATE TABLE pull_request (
    organization_id bigint      NOT NULL,
    repository      text        NOT NULL,
    number          bigint      NOT NULL,
    title           text        NOT NULL,
    state           text        NOT NULL,
    last_action     text        NOT NULL,
    author_login    text,
    delivery_id     bigint      NOT NULL,
    PRIMARY KEY (organization_id, repository, number)
);
