package io.silo.region.issue.api;

import io.silo.region.issue.service.IssueRow;
import java.time.Instant;

/**
 * An issue in Sentry's shape: ids and the event count as strings (Sentry's {@code count} is a string, its
 * {@code userCount} a number), the project it belongs to.
 */
public record IssueView(String id, String title, String culprit, String level, String status, String platform,
                        String type, Instant firstSeen, Instant lastSeen, String count, long userCount,
                        ProjectView project) {

    /** The project of an issue, as Sentry nests it. */
    public record ProjectView(String id, String slug, String name) {
    }

    public static IssueView of(IssueRow issue) {
        return new IssueView(String.valueOf(issue.id()), issue.title(), issue.culprit(), issue.level(), issue.status(),
                issue.platform(), "error", issue.firstSeen(), issue.lastSeen(), String.valueOf(issue.timesSeen()),
                issue.userCount(), new ProjectView(String.valueOf(issue.projectId()), issue.projectSlug(),
                        issue.projectName()));
    }
}
