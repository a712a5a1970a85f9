package io.silo.common.outbox.api;

import io.silo.common.outbox.OutboxShard;
import java.time.OffsetDateTime;

/** One shard and category of the outbox as {@code GET /api/0/admin/outbox/shards/} shows it. */
public record ShardView(String destination, String scope, String shardId, String category, long depth,
                        double oldestAgeSeconds, int attempts, String lastError, OffsetDateTime nextAttemptAt,
                        boolean disabled) {

    public static ShardView of(OutboxShard shard) {
        return new ShardView(shard.destination(), shard.scope().name(), String.valueOf(shard.shardId()), shard.category(),
                shard.depth(), shard.oldestAgeSeconds(), shard.attempts(), shard.lastError(), shard.nextAttemptAt(),
                shard.disabled());
    }
}
