package io.silo.control.organization.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A user's membership of an organization, as its region reported it: which organizations a user has across
 * regions. A removed membership stays as a tombstone ({@code removed}) carrying its last version.
 */
@Entity
@Table(name = "organization_member_mapping")
@NamedQuery(name = OrganizationMemberMapping.CURRENT_OF_USER, query = "SELECT m FROM OrganizationMemberMapping m"
        + " WHERE m.userId = :userId AND m.removed = false ORDER BY m.organizationId")
@ControlSilo
public class OrganizationMemberMapping {

    public static final String CURRENT_OF_USER = "OrganizationMemberMapping.currentOfUser";

    @Id
    private long id;

    @Column(name = "organization_id")
    private long organizationId;

    @Column(name = "user_id")
    private long userId;

    private String role;

    @Column(name = "is_removed")
    private boolean removed;

    /** The version its region last sent, not an optimistic lock of this table. */
    private long version;

    @Column(name = "replicated_at")
    private OffsetDateTime replicatedAt;

    protected OrganizationMemberMapping() {
    }

    public long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    public long userId() {
        return userId;
    }

    public String role() {
        return role;
    }

    public boolean isRemoved() {
        return removed;
    }

    public long version() {
        return version;
    }
}
