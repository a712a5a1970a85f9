package io.silo.region.release.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** That a project has a release (by its version): made by the API or by the project's first event naming it. */
@Entity
@Table(name = "release_project")
@NamedQuery(name = ReleaseProject.OF_RELEASE, query = "SELECT r FROM ReleaseProject r"
        + " WHERE r.organizationId = :organizationId AND r.version = :version ORDER BY r.projectId")
@RegionSilo
public class ReleaseProject {

    public static final String OF_RELEASE = "ReleaseProject.ofRelease";

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

    protected ReleaseProject() {
    }

    public ReleaseProject(long id, long organizationId, long projectId, String version, OffsetDateTime now) {
        this.id = id;
        this.organizationId = organizationId;
        this.projectId = projectId;
        this.version = version;
        this.firstSeen = now;
    }

    public long projectId() {
        return projectId;
    }

    public String version() {
        return version;
    }
}
