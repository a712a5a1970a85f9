package io.silo.region.issue.service;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored event as the API reads it. {@code tags}, {@code user} and {@code body} are JSON text as stored;
 * {@code body} (the whole event) is read only for one event's detail.
 */
public record EventRow(long id, String eventId, long issueId, long projectId, Instant occurredAt, Instant receivedAt,
                       String level, String platform, String environment, String release, String title,
                       String message, String tags, String user, Optional<String> body) {
}
