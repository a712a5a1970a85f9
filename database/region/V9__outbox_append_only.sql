-- As control's V7: outbox writers only append; rows of one shard, category and object coalesce when drained.
ALTER TABLE region_outbox DROP CONSTRAINT region_outbox_coalesce_key;
CREATE INDEX region_outbox_shard_idx ON region_outbox (shard_scope, shard_id, id);
