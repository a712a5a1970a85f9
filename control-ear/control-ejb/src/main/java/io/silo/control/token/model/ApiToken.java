package io.silo.control.token.model;

import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
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
import java.util.Set;
import java.util.stream.Collectors;

/** An API token. Only its SHA-256 is stored; {@code tokenHint} (prefix and last characters) identifies it in lists. */
@Entity
@Table(name = "api_tokens")
@NamedQuery(name = ApiToken.LIVE_BY_HASH_WITH_USER, query = "SELECT t, u FROM ApiToken t LEFT JOIN User u ON u.id = t.userId"
        + " WHERE t.tokenHash = :hash AND t.revokedAt IS NULL")
@NamedQuery(name = ApiToken.RECORD_USE, query = "UPDATE ApiToken t SET t.lastUsedAt = :now"
        + " WHERE t.id = :id AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :due)")
@NamedQuery(name = ApiToken.LIVE_OF_USER,
        query = "SELECT t FROM ApiToken t WHERE t.userId = :userId AND t.revokedAt IS NULL ORDER BY t.id DESC")
@NamedQuery(name = ApiToken.LIVE_OF_ORGANIZATION, query = "SELECT t FROM ApiToken t"
        + " WHERE t.organizationId = :organizationId AND t.revokedAt IS NULL ORDER BY t.id DESC")
@ControlSilo
public class ApiToken {

    public static final String LIVE_BY_HASH_WITH_USER = "ApiToken.liveByHashWithUser";
    public static final String RECORD_USE = "ApiToken.recordUse";
    public static final String LIVE_OF_USER = "ApiToken.liveOfUser";
    public static final String LIVE_OF_ORGANIZATION = "ApiToken.liveOfOrganization";

    public enum Kind { USER, ORGANIZATION }

    @Id
    private long id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "token_hint")
    private String tokenHint;

    private String name;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "organization_id")
    private Long organizationId;

    private String region;

    /** Space-separated wire names, e.g. {@code org:read project:write}. */
    private String scopes;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Version
    private long version;

    protected ApiToken() {
    }

    private ApiToken(long id, Kind kind, String tokenHash, String tokenHint, String name, Long userId,
                     Long organizationId, String region, Set<Scope> scopes, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.id = id;
        this.kind = kind;
        this.tokenHash = tokenHash;
        this.tokenHint = tokenHint;
        this.name = name;
        this.userId = userId;
        this.organizationId = organizationId;
        this.region = region;
        this.scopes = scopes.stream().sorted().map(Scope::value).collect(Collectors.joining(" "));
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public static ApiToken forUser(long id, String tokenHash, String tokenHint, String name, long userId,
                                   Set<Scope> scopes, OffsetDateTime now, OffsetDateTime expiresAt) {
        return new ApiToken(id, Kind.USER, tokenHash, tokenHint, name, userId, null, null, scopes, now, expiresAt);
    }

    public static ApiToken forOrganization(long id, String tokenHash, String tokenHint, String name, long organizationId,
                                           String region, Set<Scope> scopes, OffsetDateTime now, OffsetDateTime expiresAt) {
        return new ApiToken(id, Kind.ORGANIZATION, tokenHash, tokenHint, name, null, organizationId, region, scopes,
                now, expiresAt);
    }

    public long id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String tokenHint() {
        return tokenHint;
    }

    public String name() {
        return name;
    }

    public Optional<Long> userId() {
        return Optional.ofNullable(userId);
    }

    public Optional<Long> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    /** The region of an organization token's organization. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    public Set<Scope> scopes() {
        return Scope.fromNames(scopes);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Optional<OffsetDateTime> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<OffsetDateTime> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<OffsetDateTime> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public long version() {
        return version;
    }

    /** The token's hash and scopes as stored (scope wire names separated by spaces). */
    public String scopeNames() {
        return scopes;
    }

    public boolean isExpiredAt(OffsetDateTime now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public void revoke(OffsetDateTime now) {
        this.revokedAt = now;
    }
}
