package io.silo.region.project.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A project: where an application's events go. Its slug is unique within its organization. */
@Entity
@Table(name = "project")
@NamedQuery(name = Project.BY_SLUG, query = "SELECT p FROM Project p WHERE p.organizationId = :organizationId"
        + " AND p.slug = :slug")
@NamedQuery(name = Project.OF_ORGANIZATION, query = "SELECT p FROM Project p"
        + " WHERE p.organizationId = :organizationId AND p.id < :before AND p.id > :after ORDER BY p.id DESC")
@RegionSilo
public class Project {

    public static final String BY_SLUG = "Project.bySlug";
    public static final String OF_ORGANIZATION = "Project.ofOrganization";

    @Id
    private long id;

    @Column(name = "organization_id")
    private long organizationId;

    private String slug;

    private String name;

    private String platform;

    /** The teams (their ids) this project belongs to. */
    @ElementCollection
    @CollectionTable(name = "project_team", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "team_id")
    private Set<Long> teamIds = new HashSet<>();

    @Column(name = "date_created")
    private OffsetDateTime dateCreated;

    @Version
    private long version;

    protected Project() {
    }

    public Project(long id, long organizationId, String slug, String name, String platform, OffsetDateTime now) {
        this.id = id;
        this.organizationId = organizationId;
        this.slug = slug;
        this.name = name;
        this.platform = platform;
        this.dateCreated = now;
    }

    public long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Optional<String> platform() {
        return Optional.ofNullable(platform);
    }

    public Set<Long> teamIds() {
        return Set.copyOf(teamIds);
    }

    public OffsetDateTime dateCreated() {
        return dateCreated;
    }

    public long version() {
        return version;
    }

    public void update(String newSlug, String newName, String newPlatform) {
        this.slug = newSlug;
        this.name = newName;
        this.platform = newPlatform;
    }

    public void addTeam(long teamId) {
        teamIds.add(teamId);
    }

    public void removeTeam(long teamId) {
        teamIds.remove(teamId);
    }
}
