package io.silo.region.issue.api;

import io.silo.region.issue.service.IssueMetadata;
import io.silo.region.issue.service.IssueRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An issue in Sentry's shape: ids and the event count as strings (Sentry's {@code count} is a string, its
 * {@code userCount} a number), its short id ({@code WEB-12}), its page ({@code permalink}), first and last release, the project it belongs to, and the fields Sentry's
 * tools read that Silo keeps nothing for yet (no comments, bookmarks, subscriptions or sharing: zero, false, empty).
 */
public record IssueView(String id, String shortId, String title, String culprit, String permalink, String level,
                        String status, Map<String, String> statusDetails, String platform, String type, Metadata metadata,
                        ReleaseSummary firstRelease, ReleaseSummary lastRelease,
                        Instant firstSeen, Instant lastSeen, String count, long userCount, int numComments,
                        boolean isBookmarked, boolean hasSeen, boolean isSubscribed, boolean isPublic,
                        List<String> annotations, ProjectView project) {

    /** The project of an issue, as Sentry nests it. */
    public record ProjectView(String id, String slug, String name) {
    }

    /** What the issue's title was made of: its latest event's exception and where it was raised. */
    public record Metadata(String title, String type, String value, String filename, String function) {
    }

    /** A release as an issue names it. */
    public record ReleaseSummary(String version, String shortVersion) {

        static ReleaseSummary of(String version) {
            return version == null ? null : new ReleaseSummary(version, version);
        }
    }

    public static IssueView of(IssueRow issue, String permalink) {
        IssueMetadata metadata = issue.metadata();
        return new IssueView(String.valueOf(issue.id()), issue.shortId().toString(), issue.title(), issue.culprit(),
                permalink, issue.level(), issue.status(), Map.of(), issue.platform(), "error",
                new Metadata(issue.title(), metadata.type(), metadata.value(), metadata.filename(), metadata.function()),
                ReleaseSummary.of(issue.firstRelease()), ReleaseSummary.of(issue.lastRelease()),
                issue.firstSeen(), issue.lastSeen(), String.valueOf(issue.timesSeen()), issue.userCount(), 0, false,
                false, false, false, List.of(), new ProjectView(String.valueOf(issue.projectId()), issue.projectSlug(),
                        issue.projectName()));
    }
}
