package io.silo.common.outbox;

/** One outbox message as the destination receives it; {@code payload} is the JSON of the category's record. */
public record OutboxMessage(OutboxCategory category, OutboxScope shardScope, long shardId, long objectId, String payload) {

    public <T extends Record> T payloadAs(Class<T> type) {
        if (type != category.payloadType()) {
            throw new IllegalArgumentException(category + " carries " + category.payloadType().getSimpleName());
        }
        return OutboxJson.read(payload, type);
    }
}
