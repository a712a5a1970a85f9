package io.silo.region.event.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An SDK event ready to store: the event table's columns, the normalized body, and the issue it groups into
 * (its fingerprint hash, and the title and culprit the issue shows).
 */
public record NormalizedEvent(UUID eventId, OffsetDateTime occurredAt, String level, String platform,
                              String environment, String release, String title, String message,
                              String exceptionType, String exceptionValue, String culprit, String userKey,
                              String tagsJson, String topFramesJson, String bodyJson, String fingerprintHash) {

    /** The event id as the SDKs write it: 32 lowercase hex digits. */
    public String eventIdHex() {
        return eventId.toString().replace("-", "");
    }
}
