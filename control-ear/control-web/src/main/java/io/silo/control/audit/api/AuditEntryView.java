package io.silo.control.audit.api;

import io.silo.control.audit.model.AuditEntry;
import java.time.OffsetDateTime;

/** One audit-log entry as the API shows it; {@code region} and {@code organizationId} only for a region's entries. */
public record AuditEntryView(String id, String event, String actorUserId, String actorTokenId, String ipAddress,
                             String detail, String region, String organizationId, OffsetDateTime dateCreated) {

    public static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(String.valueOf(entry.id()), entry.event(),
                entry.actorUserId().map(String::valueOf).orElse(null),
                entry.actorTokenId().map(String::valueOf).orElse(null),
                entry.ipAddress().orElse(null), entry.detail().orElse(null), entry.region().orElse(null),
                entry.organizationId().map(String::valueOf).orElse(null), entry.createdAt());
    }
}
