-- As control V9: the index on scheduled_for cost every outbox row in the writer's transaction and served no query
-- that does not read nearly every row anyway.
DROP INDEX region_outbox_due_idx;
