package io.silo.common.outbox;

import java.time.OffsetDateTime;

/**
 * The rows of one category waiting in one shard of this silo's outbox, toward one destination: how many, how
 * long the oldest has waited, the most attempts any has had, the last send error, when the next attempt is due
 * and whether configuration switches them off ({@link OutboxSwitches}). {@code position} orders the list.
 */
public record OutboxShard(long position, String destination, OutboxScope scope, long shardId, String category,
                          long depth, double oldestAgeSeconds, int attempts, String lastError,
                          OffsetDateTime nextAttemptAt, boolean disabled) {
}
