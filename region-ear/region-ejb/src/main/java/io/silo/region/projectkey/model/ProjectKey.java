package io.silo.region.projectkey.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A client key of a project: its DSN is {@code {scheme}://{publicKey}@{region ingest host}/{projectId}}. The
 * SDKs authenticate with the public key; the secret key is legacy (old SDKs send it) and never required.
 */
@Entity
@Table(name = "project_key")
@NamedQuery(name = ProjectKey.BY_PUBLIC_KEY, query = "SELECT k FROM ProjectKey k WHERE k.publicKey = :publicKey")
@NamedQuery(name = ProjectKey.OF_PROJECT, query = "SELECT k FROM ProjectKey k WHERE k.projectId = :projectId"
        + " ORDER BY k.id")
@RegionSilo
public class ProjectKey {

    public static final String BY_PUBLIC_KEY = "ProjectKey.byPublicKey";
    public static final String OF_PROJECT = "ProjectKey.ofProject";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private long id;

    @Column(name = "project_id")
    private long projectId;

    @Column(name = "organization_id")
    private long organizationId;

    private String label;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "secret_key")
    private String secretKey;

    @Column(name = "is_active")
    private boolean active;

    @Column(name = "rate_limit_count")
    private Integer rateLimitCount;

    @Column(name = "rate_limit_window")
    private Integer rateLimitWindow;

    @Column(name = "date_created")
    private OffsetDateTime dateCreated;

    @Version
    private long version;

    protected ProjectKey() {
    }

    public ProjectKey(long id, long projectId, long organizationId, String label, String publicKey, String secretKey,
                      OffsetDateTime now) {
        this.id = id;
        this.projectId = projectId;
        this.organizationId = organizationId;
        this.label = label;
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.active = true;
        this.dateCreated = now;
    }

    /** A new active key with 32-hex public and secret keys from {@link SecureRandom}. */
    public static ProjectKey generate(long id, long projectId, long organizationId, String label, OffsetDateTime now) {
        return new ProjectKey(id, projectId, organizationId, label, randomHex(), randomHex(), now);
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public long id() {
        return id;
    }

    public long projectId() {
        return projectId;
    }

    public long organizationId() {
        return organizationId;
    }

    public String label() {
        return label;
    }

    public String publicKey() {
        return publicKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public boolean isActive() {
        return active;
    }

    /** Events accepted per {@link #rateLimitWindowSeconds()}; absent: no limit. */
    public Optional<Integer> rateLimitCount() {
        return Optional.ofNullable(rateLimitCount);
    }

    public Optional<Integer> rateLimitWindowSeconds() {
        return Optional.ofNullable(rateLimitWindow);
    }

    public OffsetDateTime dateCreated() {
        return dateCreated;
    }

    public long version() {
        return version;
    }

    public void relabel(String newLabel) {
        this.label = newLabel;
    }

    public void activate(boolean isActive) {
        this.active = isActive;
    }

    /** Limits accepted events to {@code count} per {@code windowSeconds}; both null removes the limit. */
    public void limitRate(Integer count, Integer windowSeconds) {
        this.rateLimitCount = count;
        this.rateLimitWindow = windowSeconds;
    }
}
