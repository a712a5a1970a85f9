package io.silo.control.audit.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One security-relevant action: what happened to which account, who did it (a user, through a session or
 * one of their tokens), from which address and when. Entries of control have no region; those a region
 * reported (through the outbox) name it and their organization. {@code event} is the wire name.
 */
@Entity
@Table(name = "audit_log")
@NamedQuery(name = AuditEntry.OLDER_OF_USER,
        query = "SELECT a FROM AuditEntry a WHERE a.userId = :userId AND a.id < :id ORDER BY a.id DESC")
@NamedQuery(name = AuditEntry.NEWER_OF_USER,
        query = "SELECT a FROM AuditEntry a WHERE a.userId = :userId AND a.id > :id ORDER BY a.id ASC")
@ControlSilo
public class AuditEntry {

    public static final String OLDER_OF_USER = "AuditEntry.olderOfUser";
    public static final String NEWER_OF_USER = "AuditEntry.newerOfUser";

    @Id
    private long id;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "actor_user_id")
    private Long actorUserId;

    @Column(name = "actor_token_id")
    private Long actorTokenId;

    private String event;

    @Column(name = "ip_address")
    private String ipAddress;

    private String detail;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    private String region;

    @Column(name = "organization_id")
    private Long organizationId;

    protected AuditEntry() {
    }

    /** An entry of control itself. */
    public AuditEntry(long id, AuditEvent event, Long userId, Long actorUserId, Long actorTokenId, String ipAddress,
                      String detail, OffsetDateTime createdAt) {
        this.id = id;
        this.event = event.value();
        this.userId = userId;
        this.actorUserId = actorUserId;
        this.actorTokenId = actorTokenId;
        this.ipAddress = ipAddress;
        this.detail = detail;
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    /** The wire name: {@link AuditEvent#value()} for control's own entries, the region's name for the others. */
    public String event() {
        return event;
    }

    /** The region where it happened; absent for control's own entries. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    public Optional<Long> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    public Optional<Long> actorUserId() {
        return Optional.ofNullable(actorUserId);
    }

    public Optional<Long> actorTokenId() {
        return Optional.ofNullable(actorTokenId);
    }

    public Optional<String> ipAddress() {
        return Optional.ofNullable(ipAddress);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
