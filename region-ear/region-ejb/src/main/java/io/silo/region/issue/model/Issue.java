package io.silo.region.issue.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The events of one fingerprint in one project (Sentry's "group"). Ingestion creates issues and keeps their
 * counters with native upserts in the transaction that stores each event (raising {@link #version()}, so a
 * concurrent change through JPA fails its optimistic check instead of overwriting the counters); the API
 * changes only the status.
 */
@Entity
@Table(name = "issue")
@NamedQuery(name = Issue.BY_FINGERPRINT, query = "SELECT i FROM Issue i WHERE i.projectId = :projectId"
        + " AND i.fingerprintHash = :fingerprintHash")
@RegionSilo
public class Issue {

    public static final String BY_FINGERPRINT = "Issue.byFingerprint";

    @Id
    private long id;

    @Column(name = "organization_id", updatable = false)
    private long organizationId;

    @Column(name = "project_id", updatable = false)
    private long projectId;

    @Column(name = "fingerprint_hash", updatable = false)
    private String fingerprintHash;

    private String title;

    private String culprit;

    private String level;

    private String platform;

    @Convert(converter = IssueStatusConverter.class)
    private IssueStatus status;

    @Column(name = "first_seen")
    private OffsetDateTime firstSeen;

    @Column(name = "last_seen")
    private OffsetDateTime lastSeen;

    @Column(name = "times_seen")
    private long timesSeen;

    @Column(name = "user_count")
    private long userCount;

    /** Its number in its project (Sentry's short id {@code WEB-12}); set by ingestion's native SQL only. */
    @Column(name = "short_number", insertable = false, updatable = false)
    private Long shortNumber;

    @Version
    private long version;

    protected Issue() {
    }

    public long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public long projectId() {
        return projectId;
    }

    /** SHA-256 hex of the grouping components. */
    public String fingerprintHash() {
        return fingerprintHash;
    }

    public String title() {
        return title;
    }

    /** Where it happened: the top in-app frame's module and function; empty when unknown. */
    public String culprit() {
        return culprit;
    }

    /** The level of the latest event. */
    public String level() {
        return level;
    }

    public Optional<String> platform() {
        return Optional.ofNullable(platform);
    }

    public IssueStatus status() {
        return status;
    }

    public OffsetDateTime firstSeen() {
        return firstSeen;
    }

    public OffsetDateTime lastSeen() {
        return lastSeen;
    }

    public long timesSeen() {
        return timesSeen;
    }

    /** Distinct affected users. */
    public long userCount() {
        return userCount;
    }

    public long version() {
        return version;
    }

    public void changeStatus(IssueStatus newStatus) {
        this.status = newStatus;
    }
}
