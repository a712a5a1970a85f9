package io.silo.common.outbox.api;

import io.silo.common.outbox.DeadLetter;
import java.time.Instant;

/** A parked outbox message as {@code GET /api/0/admin/outbox/dead-letters/} shows it; ids as strings. */
public record DeadLetterView(String id, String category, String shardScope, String shardId, String objectId, String queue,
                             Integer deliveryCount, int replays, String reason, Instant dateParked,
                             String payloadStart) {

    public static DeadLetterView of(DeadLetter letter) {
        return new DeadLetterView(letter.messageId(), letter.category(), letter.shardScope(),
                letter.shardId() == null ? null : String.valueOf(letter.shardId()),
                letter.objectId() == null ? null : String.valueOf(letter.objectId()), letter.queue(),
                letter.deliveryCount(), letter.replays(), letter.reason(), letter.parkedAt(), letter.payloadStart());
    }
}
