package io.silo.region.issue.api;

import io.silo.region.issue.service.IssueRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An issue in Sentry's shape: ids and the event count as strings (Sentry's {@code count} is a string, its
 * {@code userCount} a number), its short id ({@code WEB-12}), the project it belongs to, and the fields Sentry's
 * tools read that Silo keeps nothing for yet (no comments, bookmarks, subscriptions or sharing: zero, false, empty).
 */
public record IssueView(String id, String shortId, String title, String culprit, String level, String status,
                        Map<String, String> statusDetails, String platform, String type, Metadata metadata,
                        Instant firstSeen, Instant lastSeen, String count, long userCount, int numComments,
                        boolean isBookmarked, boolean hasSeen, boolean isSubscribed, boolean isPublic,
                        List<String> annotations, ProjectView project) {

    /** The project of an issue, as Sentry nests it. */
    public record ProjectView(String id, String slug, String name) {
    }

    /** What the issue's title was made of; Silo keeps the title. */
    public record Metadata(String title) {
    }

    public static IssueView of(IssueRow issue) {
        return new IssueView(String.valueOf(issue.id()), issue.shortId().toString(), issue.title(), issue.culprit(),
                issue.level(), issue.status(), Map.of(), issue.platform(), "error", new Metadata(issue.title()),
                issue.firstSeen(), issue.lastSeen(), String.valueOf(issue.timesSeen()), issue.userCount(), 0, false,
                false, false, false, List.of(), new ProjectView(String.valueOf(issue.projectId()), issue.projectSlug(),
                        issue.projectName()));
    }
}
