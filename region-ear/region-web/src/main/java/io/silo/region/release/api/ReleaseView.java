package io.silo.region.release.api;

import io.silo.region.release.model.Deploy;
import io.silo.region.release.model.Release;
import io.silo.region.release.model.ReleaseCommit;
import io.silo.region.release.service.ReleaseReads.CommitRow;
import io.silo.region.release.service.ReleaseReads.DeployRow;
import io.silo.region.release.service.ReleaseReads.ReleaseFacts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A release as Sentry shows it (what sentry-cli's {@code ReleaseInfo} reads and more): its projects with their new
 * issues, first and last event, newest commit and last deploy. Ids as strings, dates in RFC 3339.
 */
public record ReleaseView(String id, String version, String shortVersion, String ref, String url, Instant dateCreated,
                          Instant dateStarted, Instant dateReleased, Instant firstEvent, Instant lastEvent,
                          long newGroups, String status, List<ProjectSummary> projects, CommitView lastCommit,
                          long commitCount, DeployView lastDeploy, long deployCount) {

    public record ProjectSummary(String id, String slug, String name, String platform, long newGroups) {
    }

    public record Author(String name, String email) {
    }

    public record RepositorySummary(String id, String name) {
    }

    public record CommitView(String id, String message, Instant dateCreated, Author author,
                             RepositorySummary repository) {

        static CommitView of(CommitRow commit) {
            return new CommitView(commit.sha(), commit.message(), commit.dateCommitted(),
                    commit.authorName() == null && commit.authorEmail() == null ? null
                            : new Author(commit.authorName(), commit.authorEmail()),
                    new RepositorySummary(String.valueOf(commit.repositoryId()), commit.repositoryName()));
        }

        static CommitView of(ReleaseCommit commit, String repositoryName) {
            return of(new CommitRow(commit.sha(), commit.message(), commit.authorName(), commit.authorEmail(),
                    instant(commit.dateCommitted()), commit.repositoryId(), repositoryName));
        }
    }

    public static ReleaseView of(Release release, ReleaseFacts facts) {
        CommitView lastCommit = facts.lastCommit().map(CommitView::of).orElse(null);
        return new ReleaseView(String.valueOf(release.id()), release.version(), release.version(), release.ref(),
                release.url(), instant(release.dateCreated()), instant(release.dateStarted()),
                instant(release.dateReleased()), facts.firstEvent().orElse(null), facts.lastEvent().orElse(null),
                facts.newGroups(), "open",
                facts.projects().stream().map(project -> new ProjectSummary(String.valueOf(project.id()), project.slug(),
                        project.name(), project.platform(), project.newGroups())).toList(),
                lastCommit, facts.commitCount(), facts.lastDeploy().map(DeployView::of).orElse(null),
                facts.deployCount());
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A deploy as Sentry shows it; {@code dateFinished} is always set (sentry-cli requires it). */
    public record DeployView(String id, String environment, String name, String url, Instant dateStarted,
                             Instant dateFinished) {

        static DeployView of(DeployRow deploy) {
            return new DeployView(String.valueOf(deploy.id()), deploy.environment(), deploy.name(), deploy.url(),
                    deploy.dateStarted(), deploy.dateFinished());
        }

        static DeployView of(Deploy deploy) {
            return new DeployView(String.valueOf(deploy.id()), deploy.environment(), deploy.name(), deploy.url(),
                    instant(deploy.dateStarted()), instant(deploy.dateFinished()));
        }
    }
}
