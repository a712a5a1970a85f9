package io.silo.common.outbox;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Payload records to and from the JSON stored in outbox rows and sent as message bodies. */
public final class OutboxJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private OutboxJson() {
    }

    public static String write(OutboxCategory category, Record payload) {
        if (!category.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(category + " carries " + category.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
        return JSONB.toJson(payload);
    }

    public static <T extends Record> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }
}
