package io.silo.control.session.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A login session, shared by every control instance because it lives in the database. Only the SHA-256
 * of the session id (the cookie's value) and of its CSRF token are kept.
 */
@Entity
@Table(name = "user_sessions")
@ControlSilo
public class UserSession {

    @Id
    @Column(name = "session_hash")
    private String sessionHash;

    @Column(name = "csrf_hash")
    private String csrfHash;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "ip_address")
    private String ipAddress;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "last_seen_at")
    private OffsetDateTime lastSeenAt;

    @Column(name = "idle_expires_at")
    private OffsetDateTime idleExpiresAt;

    @Column(name = "absolute_expires_at")
    private OffsetDateTime absoluteExpiresAt;

    protected UserSession() {
    }

    public UserSession(String sessionHash, String csrfHash, long userId, String ipAddress, OffsetDateTime now,
                       OffsetDateTime idleExpiresAt, OffsetDateTime absoluteExpiresAt) {
        this.sessionHash = sessionHash;
        this.csrfHash = csrfHash;
        this.userId = userId;
        this.ipAddress = ipAddress;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.idleExpiresAt = idleExpiresAt;
        this.absoluteExpiresAt = absoluteExpiresAt;
    }

    public String sessionHash() {
        return sessionHash;
    }

    public String csrfHash() {
        return csrfHash;
    }

    public long userId() {
        return userId;
    }

    public OffsetDateTime lastSeenAt() {
        return lastSeenAt;
    }

    public boolean isLiveAt(OffsetDateTime now) {
        return now.isBefore(idleExpiresAt) && now.isBefore(absoluteExpiresAt);
    }

    /** Activity moves the idle expiry, never past the absolute one. */
    public void seen(OffsetDateTime now, OffsetDateTime newIdleExpiry) {
        this.lastSeenAt = now;
        this.idleExpiresAt = newIdleExpiry.isAfter(absoluteExpiresAt) ? absoluteExpiresAt : newIdleExpiry;
    }
}
