package io.silo.control.organization.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A claimed organization slug: globally unique across regions. Claimed with a lease that the organization's
 * region confirms by reporting the organization created; an unconfirmed claim expires.
 */
@Entity
@Table(name = "slug_reservation")
@ControlSilo
public class SlugReservation {

    public enum Kind { PRIMARY, TEMPORARY_ALIAS }

    @Id
    private String slug;

    @Column(name = "organization_id")
    private long organizationId;

    private String region;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    /** Until when the claim holds without its region's confirmation; absent once confirmed. */
    @Column(name = "lease_expires_at")
    private OffsetDateTime leaseExpiresAt;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected SlugReservation() {
    }

    public String slug() {
        return slug;
    }

    public long organizationId() {
        return organizationId;
    }

    public String region() {
        return region;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<OffsetDateTime> leaseExpiresAt() {
        return Optional.ofNullable(leaseExpiresAt);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
