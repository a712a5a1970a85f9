-- What control routed, for operators (the admin console's webhooks page): one row per accepted webhook with the
-- regions it went to, written in the transaction that writes its outbox rows. No payload: what a provider sent
-- stays in the regions. Rows here and in unroutable_webhook older than silo.webhooks.log-retention-days (7) are
-- deleted by an hourly sweep (unroutable_webhook has its index on received_at since V8).
CREATE TABLE webhook_delivery (
    id          bigint      PRIMARY KEY,   -- the delivery id the regions record
    provider    text        NOT NULL,
    external_id text,
    event_type  text,
    regions     text        NOT NULL,      -- the regions it went to, comma-separated
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_delivery_received_idx ON webhook_delivery (received_at);
