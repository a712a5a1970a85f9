package io.silo.common.outbox;

import java.time.Instant;

/** An audit-log entry written in a region, for control's audit index. Entries never change: no version. */
@OutboxPayload
public record RegionAuditEntry(long id, long organizationId, Long actorUserId, String event, String detail,
                               Instant createdAt) {
}
