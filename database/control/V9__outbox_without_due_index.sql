-- The index on scheduled_for goes: every outbox row paid for it in the writer's transaction (two rows per change,
-- one per region), while the drainer's due-shard query reads nearly all rows anyway (rows are due when written)
-- and a backed-off row's new scheduled_for could never be a HOT update. Measured: the writer's transaction with
-- its outbox rows went from 0.73 to 0.84 of the same transaction without them (bench/results/outbox.json).
DROP INDEX control_outbox_due_idx;
