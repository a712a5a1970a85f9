package io.silo.region.member.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A user's membership of an organization. The user lives in control: {@code userId} is a plain id. An
 * invitation not yet matched to an account has only an email.
 */
@Entity
@Table(name = "organization_member")
@NamedQuery(name = OrganizationMember.OF_USER, query = "SELECT m FROM OrganizationMember m"
        + " WHERE m.organizationId = :organizationId AND m.userId = :userId")
@NamedQuery(name = OrganizationMember.OF_ORGANIZATION, query = "SELECT m FROM OrganizationMember m"
        + " WHERE m.organizationId = :organizationId AND m.id < :before AND m.id > :after ORDER BY m.id DESC")
@NamedQuery(name = OrganizationMember.PENDING_BY_EMAIL, query = "SELECT m FROM OrganizationMember m"
        + " WHERE m.organizationId = :organizationId AND m.userId IS NULL AND LOWER(m.email) = :email")
@RegionSilo
public class OrganizationMember {

    public static final String OF_USER = "OrganizationMember.ofUser";
    public static final String OF_ORGANIZATION = "OrganizationMember.ofOrganization";
    /** The pending invitation of {@code :email} (given in lower case). */
    public static final String PENDING_BY_EMAIL = "OrganizationMember.pendingByEmail";

    @Id
    private long id;

    @Column(name = "organization_id")
    private long organizationId;

    @Column(name = "user_id")
    private Long userId;

    private String email;

    @Convert(converter = MemberRoleConverter.class)
    private MemberRole role;

    @Column(name = "date_created")
    private OffsetDateTime dateCreated;

    @Version
    private long version;

    protected OrganizationMember() {
    }

    private OrganizationMember(long id, long organizationId, Long userId, String email, MemberRole role,
                               OffsetDateTime now) {
        this.id = id;
        this.organizationId = organizationId;
        this.userId = userId;
        this.email = email;
        this.role = role;
        this.dateCreated = now;
    }

    public static OrganizationMember ofUser(long id, long organizationId, long userId, MemberRole role,
                                            OffsetDateTime now) {
        return new OrganizationMember(id, organizationId, userId, null, role, now);
    }

    public static OrganizationMember invited(long id, long organizationId, String email, MemberRole role,
                                             OffsetDateTime now) {
        return new OrganizationMember(id, organizationId, null, email, role, now);
    }

    public long id() {
        return id;
    }

    public long organizationId() {
        return organizationId;
    }

    /** The member's account in control; absent while an invitation is pending. */
    public Optional<Long> userId() {
        return Optional.ofNullable(userId);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public MemberRole role() {
        return role;
    }

    public OffsetDateTime dateCreated() {
        return dateCreated;
    }

    public long version() {
        return version;
    }

    public void changeRole(MemberRole newRole) {
        this.role = newRole;
    }

    /** A pending invitation becomes the membership of the account with its email. */
    public void acceptedBy(long acceptingUserId) {
        this.userId = acceptingUserId;
    }
}
