package io.silo.control.organization.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An organization in control's directory: its globally unique slug, the region that holds its data, and its
 * status. The organization itself lives in its region; the region's outbox keeps this copy current.
 */
@Entity
@Table(name = "organization_mapping")
@NamedQuery(name = OrganizationMapping.BY_SLUG, query = "SELECT o FROM OrganizationMapping o WHERE o.slug = :slug")
@NamedQuery(name = OrganizationMapping.OF_USER, query = "SELECT o FROM OrganizationMapping o, OrganizationMemberMapping m"
        + " WHERE m.organizationId = o.id AND m.userId = :userId AND m.removed = false ORDER BY o.slug")
@ControlSilo
public class OrganizationMapping {

    public static final String BY_SLUG = "OrganizationMapping.bySlug";
    public static final String OF_USER = "OrganizationMapping.ofUser";

    @Id
    private long id;

    private String slug;

    private String name;

    private String region;

    @Enumerated(EnumType.STRING)
    private OrganizationStatus status;

    /** The version its region last sent, not an optimistic lock of this table. */
    private long version;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "replicated_at")
    private OffsetDateTime replicatedAt;

    protected OrganizationMapping() {
    }

    /** The mapping control writes when it reserves the slug: PROVISIONING at version 0, before its region has it. */
    public static OrganizationMapping provisioning(long id, String slug, String name, String region, OffsetDateTime now) {
        OrganizationMapping mapping = new OrganizationMapping();
        mapping.id = id;
        mapping.slug = slug;
        mapping.name = name;
        mapping.region = region;
        mapping.status = OrganizationStatus.PROVISIONING;
        mapping.version = 0;
        mapping.createdAt = now;
        mapping.replicatedAt = now;
        return mapping;
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

    public String region() {
        return region;
    }

    public OrganizationStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    /** Control decides slugs: a rename takes effect here at once, before the region's message confirms it. */
    public void changeSlug(String newSlug) {
        this.slug = newSlug;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
