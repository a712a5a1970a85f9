package io.silo.region.replication.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A user's or an organization's API token as this region knows it (its SHA-256 only); written only by the
 * outbox consumer.
 */
@Entity
@Table(name = "api_token_replica")
@NamedQuery(name = ReplicatedApiToken.BY_HASH_WITH_USER, query = "SELECT t, u FROM ReplicatedApiToken t"
        + " LEFT JOIN ReplicatedUser u ON u.id = t.userId WHERE t.tokenHash = :hash")
@RegionSilo
public class ReplicatedApiToken {

    public static final String BY_HASH_WITH_USER = "ReplicatedApiToken.byHashWithUser";

    @Id
    private long id;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "organization_id")
    private Long organizationId;

    @Column(name = "token_hash")
    private String tokenHash;

    /** Scope wire names separated by spaces. */
    private String scopes;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "is_revoked")
    private boolean revoked;

    /** The token's version in control, not an optimistic lock of this table. */
    private long version;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "replicated_at")
    private OffsetDateTime replicatedAt;

    protected ReplicatedApiToken() {
    }

    public long id() {
        return id;
    }

    /** The user a user token acts as. */
    public Optional<Long> userId() {
        return Optional.ofNullable(userId);
    }

    /** The organization an organization token acts for. */
    public Optional<Long> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String scopes() {
        return scopes;
    }

    public Optional<OffsetDateTime> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** When this region last authenticated the token, to the minute. */
    public Optional<OffsetDateTime> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public boolean isRevoked() {
        return revoked;
    }

    public long version() {
        return version;
    }
}
