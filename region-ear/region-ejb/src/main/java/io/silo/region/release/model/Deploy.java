package io.silo.region.release.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A release deployed to an environment, finished at {@code dateFinished}. */
@Entity
@Table(name = "deploy")
@NamedQuery(name = Deploy.OF_RELEASE, query = "SELECT d FROM Deploy d WHERE d.releaseId = :releaseId ORDER BY d.id DESC")
@RegionSilo
public class Deploy {

    public static final String OF_RELEASE = "Deploy.ofRelease";

    @Id
    private long id;

    @Column(name = "organization_id", updatable = false)
    private long organizationId;

    @Column(name = "release_id", updatable = false)
    private long releaseId;

    @Column(updatable = false)
    private String environment;

    @Column(updatable = false)
    private String name;

    @Column(updatable = false)
    private String url;

    @Column(name = "date_started", updatable = false)
    private OffsetDateTime dateStarted;

    @Column(name = "date_finished", updatable = false)
    private OffsetDateTime dateFinished;

    protected Deploy() {
    }

    public Deploy(long id, Release release, String environment, String name, String url, OffsetDateTime dateStarted,
                  OffsetDateTime dateFinished) {
        this.id = id;
        this.organizationId = release.organizationId();
        this.releaseId = release.id();
        this.environment = environment;
        this.name = name;
        this.url = url;
        this.dateStarted = dateStarted;
        this.dateFinished = dateFinished;
    }

    public long id() {
        return id;
    }

    public String environment() {
        return environment;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public OffsetDateTime dateStarted() {
        return dateStarted;
    }

    public OffsetDateTime dateFinished() {
        return dateFinished;
    }
}
