package io.silo.region.release.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A release of an organization: a version its projects run, created by the API or by the first event that names
 * it. Finalized when {@code dateReleased} is set.
 */
@Entity
@Table(name = "release")
@NamedQuery(name = Release.BY_VERSION, query = "SELECT r FROM Release r WHERE r.organizationId = :organizationId"
        + " AND r.version = :version")
@RegionSilo
public class Release {

    public static final String BY_VERSION = "Release.byVersion";

    @Id
    private long id;

    @Column(name = "organization_id", updatable = false)
    private long organizationId;

    @Column(updatable = false)
    private String version;

    private String ref;

    private String url;

    @Column(name = "date_created", updatable = false)
    private OffsetDateTime dateCreated;

    @Column(name = "date_started")
    private OffsetDateTime dateStarted;

    @Column(name = "date_released")
    private OffsetDateTime dateReleased;

    protected Release() {
    }

    public Release(long id, long organizationId, String version, OffsetDateTime now) {
        this.id = id;
        this.organizationId = organizationId;
        this.version = version;
        this.dateCreated = now;
    }

    public long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public String version() {
        return version;
    }

    public String ref() {
        return ref;
    }

    public String url() {
        return url;
    }

    public OffsetDateTime dateCreated() {
        return dateCreated;
    }

    public OffsetDateTime dateStarted() {
        return dateStarted;
    }

    public OffsetDateTime dateReleased() {
        return dateReleased;
    }

    public void describe(String ref, String url) {
        if (ref != null) {
            this.ref = ref;
        }
        if (url != null) {
            this.url = url;
        }
    }

    public void start(OffsetDateTime dateStarted) {
        this.dateStarted = dateStarted;
    }

    /** Finalizes the release (or, with null, makes it unreleased again). */
    public void release(OffsetDateTime dateReleased) {
        this.dateReleased = dateReleased;
    }
}
