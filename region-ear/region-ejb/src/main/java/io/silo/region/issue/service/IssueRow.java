package io.silo.region.issue.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An issue as the API reads it, with the project it belongs to.
 *
 * @param shortNumber its number in its project, as in its short id {@code WEB-12}
 * @param metadata    what its latest event's title was made of
 */
public record IssueRow(long id, long projectId, String projectSlug, String projectName, long shortNumber,
                       String title, String culprit,
                       String level, String status, String platform, Instant firstSeen, Instant lastSeen,
                       long timesSeen, long userCount, String firstRelease, String lastRelease,
                       IssueMetadata metadata) {

    /** Microseconds since the epoch: PostgreSQL's resolution, so a cursor key equals the stored timestamp. */
    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** Sentry's short id, {@code WEB-12}. */
    public ShortId shortId() {
        return new ShortId(projectSlug, shortNumber);
    }

    static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
