package io.silo.region.release.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A release (version) of a project, named by the first event that mentions it (ingestion inserts it). */
@Entity
@Table(name = "release")
@NamedQuery(name = Release.OF_PROJECT, query = "SELECT r FROM Release r WHERE r.projectId = :projectId"
        + " ORDER BY r.firstSeen DESC, r.id DESC")
@RegionSilo
public class Release {

    public static final String OF_PROJECT = "Release.ofProject";

    @Id
    private long id;

    @Column(name = "organization_id", updatable = false)
    private long organizationId;

    @Column(name = "project_id", updatable = false)
    private long projectId;

    @Column(updatable = false)
    private String version;

    @Column(name = "first_seen", updatable = false)
    private OffsetDateTime firstSeen;

    protected Release() {
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

    public String version() {
        return version;
    }

    public OffsetDateTime firstSeen() {
        return firstSeen;
    }
}
