package io.silo.region.release.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One of a release's commits, at its position in the list given (0: the newest). */
@Entity
@Table(name = "release_commit")
@NamedQuery(name = ReleaseCommit.OF_RELEASE, query = "SELECT c FROM ReleaseCommit c WHERE c.releaseId = :releaseId"
        + " ORDER BY c.position")
@RegionSilo
public class ReleaseCommit {

    public static final String OF_RELEASE = "ReleaseCommit.ofRelease";

    @Id
    private long id;

    @Column(name = "release_id", updatable = false)
    private long releaseId;

    @Column(updatable = false)
    private int position;

    @Column(name = "repository_id", updatable = false)
    private long repositoryId;

    @Column(updatable = false)
    private String sha;

    @Column(name = "author_name", updatable = false)
    private String authorName;

    @Column(name = "author_email", updatable = false)
    private String authorEmail;

    @Column(updatable = false)
    private String message;

    @Column(name = "date_committed", updatable = false)
    private OffsetDateTime dateCommitted;

    protected ReleaseCommit() {
    }

    public ReleaseCommit(long id, long releaseId, int position, long repositoryId, String sha, String authorName,
                         String authorEmail, String message, OffsetDateTime dateCommitted) {
        this.id = id;
        this.releaseId = releaseId;
        this.position = position;
        this.repositoryId = repositoryId;
        this.sha = sha;
        this.authorName = authorName;
        this.authorEmail = authorEmail;
        this.message = message;
        this.dateCommitted = dateCommitted;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public String sha() {
        return sha;
    }

    public String authorName() {
        return authorName;
    }

    public String authorEmail() {
        return authorEmail;
    }

    public String message() {
        return message;
    }

    public OffsetDateTime dateCommitted() {
        return dateCommitted;
    }
}
