-- Transactional outbox toward the regions (DESIGN.md §6). A business transaction that another silo must
-- learn about writes one row per destination region here, in the same transaction. Rows for the same
-- destination, shard, category and object coalesce (the unique key): the latest payload wins and is
-- delivered once. Drainers delete a row once the destination's broker has committed it.
CREATE TABLE control_outbox (
    id            bigserial   PRIMARY KEY,
    destination   text        NOT NULL,              -- region name
    shard_scope   text        NOT NULL,              -- OutboxScope
    shard_id      bigint      NOT NULL,
    category      text        NOT NULL,              -- OutboxCategory
    object_id     bigint      NOT NULL,
    payload       text        NOT NULL,              -- JSON of the category's payload record
    scheduled_for timestamptz NOT NULL DEFAULT now(),
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT control_outbox_coalesce_key UNIQUE (destination, shard_scope, shard_id, category, object_id)
);
CREATE INDEX control_outbox_due_idx ON control_outbox (scheduled_for);

-- Tokens replicate to the regions with a version, like users, so a region ignores an older copy.
ALTER TABLE api_tokens ADD COLUMN version bigint NOT NULL DEFAULT 1;
