package io.silo.control.audit.service;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What an operator looks for in the audit index: entries of one organization, by one actor, of one event type
 * ({@code release.created}, or every {@code release.} event by its prefix with the dot), within a time range.
 */
public record AuditFilter(Optional<Long> organizationId, Optional<Long> actorUserId, Optional<String> event,
                          Optional<OffsetDateTime> since, Optional<OffsetDateTime> until) {
}
