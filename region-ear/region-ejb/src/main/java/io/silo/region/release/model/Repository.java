package io.silo.region.release.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A repository of an organization, by name: made when a release's commits first name it. */
@Entity
@Table(name = "repository")
@NamedQuery(name = Repository.BY_NAME, query = "SELECT r FROM Repository r WHERE r.organizationId = :organizationId"
        + " AND LOWER(r.name) = LOWER(:name)")
@RegionSilo
public class Repository {

    public static final String BY_NAME = "Repository.byName";

    @Id
    private long id;

    @Column(name = "organization_id", updatable = false)
    private long organizationId;

    @Column(updatable = false)
    private String name;

    @Column(name = "date_created", updatable = false)
    private OffsetDateTime dateCreated;

    protected Repository() {
    }

    public Repository(long id, long organizationId, String name, OffsetDateTime now) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.dateCreated = now;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OffsetDateTime dateCreated() {
        return dateCreated;
    }
}
