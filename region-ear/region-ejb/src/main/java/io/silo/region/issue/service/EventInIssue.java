package io.silo.region.issue.service;

import java.util.Optional;

/** One event of an issue, with the ids of the issue's events received just before and just after it. */
public record EventInIssue(EventRow event, Optional<String> previousEventId, Optional<String> nextEventId) {
}
