package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;
import java.time.Instant;

/**
 * An audit-log entry written in a region, for control's audit index. Entries never change: no version, and
 * control keeps the first copy of an id. {@code region} is where it happened. {@code event} is its wire name ({@code member.added} …);
 * {@code targetUserId} is the account the action was done to, if any: that account's audit log shows it,
 * otherwise the actor's does.
 */
@OutboxPayload
public record RegionAuditEntry(long id, String region, long organizationId, Long actorUserId, Long targetUserId, String event,
                               String ipAddress, String detail, Instant createdAt) {
}
