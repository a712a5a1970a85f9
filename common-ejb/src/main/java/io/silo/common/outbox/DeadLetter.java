package io.silo.common.outbox;

import java.time.Instant;

/**
 * An outbox message parked in this silo's dead-letter queue. {@code messageId} is its JMS message id without
 * the {@code ID:} prefix; {@code deliveryCount} and {@code reason} are known when Silo's consumer parked it
 * (null when the broker's own limit did); {@code payloadStart} is the first KiB of its JSON.
 */
public record DeadLetter(String messageId, String category, String shardScope, Long shardId, Long objectId,
                         String queue, Integer deliveryCount, int replays, String reason, Instant parkedAt,
                         String payloadStart) {
}
