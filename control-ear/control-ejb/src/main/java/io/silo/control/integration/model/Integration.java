package io.silo.control.integration.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One installation at a third-party provider (a GitHub App installation, a Slack workspace, a Jira site),
 * shared by every organization, in any region, that installed it. Webhooks route by provider and external id.
 * The OAuth tokens are stored encrypted (IntegrationSecrets seals and opens them); this entity never holds
 * them in clear.
 */
@Entity
@Table(name = "integration")
@NamedQuery(name = Integration.BY_EXTERNAL_ID, query = "SELECT i FROM Integration i"
        + " WHERE i.provider = :provider AND i.externalId = :externalId")
@ControlSilo
public class Integration {

    public static final String BY_EXTERNAL_ID = "Integration.byExternalId";

    @Id
    private long id;

    @Convert(converter = IntegrationProviderConverter.class)
    private IntegrationProvider provider;

    @Column(name = "external_id")
    private String externalId;

    private String name;

    /** Provider-specific JSON (account login, workspace domain …), as text. */
    private String metadata;

    @Column(name = "access_token_ciphertext")
    private String accessTokenCiphertext;

    @Column(name = "refresh_token_ciphertext")
    private String refreshTokenCiphertext;

    @Column(name = "token_expires_at")
    private OffsetDateTime tokenExpiresAt;

    private long version;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Integration() {
    }

    public long id() {
        return id;
    }

    public IntegrationProvider provider() {
        return provider;
    }

    public String externalId() {
        return externalId;
    }

    public String name() {
        return name;
    }

    public String metadata() {
        return metadata;
    }

    public long version() {
        return version;
    }

    public String accessTokenCiphertext() {
        return accessTokenCiphertext;
    }

    public String refreshTokenCiphertext() {
        return refreshTokenCiphertext;
    }

    public OffsetDateTime tokenExpiresAt() {
        return tokenExpiresAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** A new name or metadata from a later install of the same installation. */
    public void describe(String newName, String newMetadata, OffsetDateTime now) {
        this.name = newName;
        this.metadata = newMetadata;
        this.version++;
        this.updatedAt = now;
    }

    /** New OAuth credentials, already sealed by IntegrationSecrets (null refresh token: the provider gave none). */
    public void storeCredentials(String sealedAccessToken, String sealedRefreshToken, OffsetDateTime expiresAt,
                                 OffsetDateTime now) {
        this.accessTokenCiphertext = sealedAccessToken;
        this.refreshTokenCiphertext = sealedRefreshToken;
        this.tokenExpiresAt = expiresAt;
        this.version++;
        this.updatedAt = now;
    }
}
