-- Outbox writers only append (no ON CONFLICT DO UPDATE into a row a drainer may hold locked while it sends):
-- rows of one destination, shard, category and object now coalesce when drained — the drainer sends the latest
-- payload once and deletes every row of that object it claimed. The unique key gives way to a plain index.
ALTER TABLE control_outbox DROP CONSTRAINT control_outbox_coalesce_key;
CREATE INDEX control_outbox_shard_idx ON control_outbox (destination, shard_scope, shard_id, id);
