package io.silo.control.audit.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One security-relevant action: what happened to which account, who did it (a user, through a session or
 * one of their tokens), from which address and when.
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

    @Enumerated(EnumType.STRING)
    private AuditEvent event;

    @Column(name = "ip_address")
    private String ipAddress;

    private String detail;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected AuditEntry() {
    }

    public AuditEntry(long id, AuditEvent event, Long userId, Long actorUserId, Long actorTokenId, String ipAddress,
                      String detail, OffsetDateTime createdAt) {
        this.id = id;
        this.event = event;
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

    public AuditEvent event() {
        return event;
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
