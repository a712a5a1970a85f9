package io.silo.region.environment.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An environment of a project, named by the first event that mentions it (ingestion inserts it). */
@Entity
@Table(name = "environment")
@NamedQuery(name = Environment.OF_PROJECT, query = "SELECT e FROM Environment e WHERE e.projectId = :projectId"
        + " ORDER BY e.name")
@RegionSilo
public class Environment {

    public static final String OF_PROJECT = "Environment.ofProject";

    @Id
    private long id;

    @Column(name = "organization_id", updatable = false)
    private long organizationId;

    @Column(name = "project_id", updatable = false)
    private long projectId;

    @Column(updatable = false)
    private String name;

    @Column(name = "first_seen", updatable = false)
    private OffsetDateTime firstSeen;

    protected Environment() {
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

    public String name() {
        return name;
    }

    public OffsetDateTime firstSeen() {
        return firstSeen;
    }
}
