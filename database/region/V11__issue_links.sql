-- An issue's links to work items of an integrated tool, and what those tools report about them. A link names
-- the organization's installed integration (integration_id is control's integration id, as in
-- organization_integration_replica) and the item's key in that tool: a Jira issue key (OPS-12), a GitHub issue
-- (acme/api#42) or a Slack message posted about the issue (C024BE91L:1700000000.000100). Webhooks of the tool
-- find the issue by (organization, integration, key) and record each event as issue activity, once per
-- delivery (webhook_delivery makes a redelivery change nothing).
CREATE TABLE issue_external_link (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL,
    issue_id        bigint      NOT NULL REFERENCES issue (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    integration_id  bigint      NOT NULL,
    provider        text        NOT NULL CHECK (provider IN ('github', 'slack', 'jira')),
    external_key    text        NOT NULL CHECK (length(external_key) BETWEEN 1 AND 200),
    created_by      bigint,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX issue_external_link_key ON issue_external_link (organization_id, integration_id, external_key, issue_id);
CREATE INDEX issue_external_link_issue_idx ON issue_external_link (issue_id);

-- What happened to an issue outside its events: a linked Jira issue changed, a GitHub issue was closed, a reply
-- in the Slack thread of its alert. data is the tool's event reduced to what the activity shows.
CREATE TABLE issue_activity (
    id              bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL,
    issue_id        bigint      NOT NULL REFERENCES issue (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    kind            text        NOT NULL CHECK (length(kind) <= 100),
    data            jsonb       NOT NULL DEFAULT '{}',
    delivery_id     bigint,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX issue_activity_issue_idx ON issue_activity (issue_id, id DESC);
