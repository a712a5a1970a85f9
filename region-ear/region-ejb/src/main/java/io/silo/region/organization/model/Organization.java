package io.silo.region.organization.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

/** An organization: the owner of everything else in a region. Control knows it only as a mapping. */
@Entity
@Table(name = "organization")
@NamedQuery(name = Organization.BY_SLUG, query = "SELECT o FROM Organization o WHERE o.slug = :slug")
@RegionSilo
public class Organization {

    public static final String BY_SLUG = "Organization.bySlug";

    @Id
    private long id;

    private String slug;

    private String name;

    @Enumerated(EnumType.STRING)
    private OrganizationStatus status;

    /** Days events are kept; absent: {@code silo.events.retention-days}. */
    @Column(name = "retention_days")
    private Integer retentionDays;

    @Column(name = "date_created")
    private OffsetDateTime dateCreated;

    @Version
    private long version;

    protected Organization() {
    }

    public Organization(long id, String slug, String name, OffsetDateTime now) {
        this.id = id;
        this.slug = slug;
        this.name = name;
        this.status = OrganizationStatus.ACTIVE;
        this.dateCreated = now;
    }

    public long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public OrganizationStatus status() {
        return status;
    }

    public Optional<Integer> retentionDays() {
        return Optional.ofNullable(retentionDays);
    }

    public OffsetDateTime dateCreated() {
        return dateCreated;
    }

    /** The row version the last flush wrote; control's mapping keeps the highest it has seen. */
    public long version() {
        return version;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void changeSlug(String newSlug) {
        this.slug = newSlug;
    }

    public void keepEventsFor(Integer days) {
        this.retentionDays = days;
    }

    public void changeStatus(OrganizationStatus newStatus) {
        this.status = newStatus;
    }
}
