package io.silo.control.integrationproxy.service;

import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.integration.model.Integration;
import io.silo.control.integration.model.IntegrationProvider;
import io.silo.control.integration.model.OrganizationIntegrationStatus;
import io.silo.control.integration.service.IntegrationSecrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OAuth access token a proxied call uses. A token that expires within {@code silo.integrations.refresh-before}
 * (default 60 s) is refreshed under a row lock on the integration ({@code SELECT … FOR UPDATE}): of several calls —
 * from any region, on any control instance — arriving at once, the first refreshes and the others wait for its
 * commit, then see the new token and use it. So a provider sees exactly one refresh, and its rotated refresh token
 * is never used twice.
 */
@Stateless
@ControlSilo
public class IntegrationTokens {

    private static final Logger LOG = Logger.getLogger(IntegrationTokens.class.getName());

    /** What control forwards with: the installation's provider and a token valid for at least a while. */
    public record ProxyGrant(long integrationId, ProviderSettings.Provider provider, String accessToken) {
    }

    /**
     * What a call needs, in one round trip: the installation's status, its organization's region, and its
     * integration's provider and sealed credentials (the entities are loaded only to refresh, under the row lock).
     */
    private static final String GRANT_SQL = """
            SELECT oi.status, m.region, i.id, i.provider, i.access_token_ciphertext, i.refresh_token_ciphertext,
                   i.token_expires_at
            FROM control.organization_integration oi
            JOIN control.integration i ON i.id = oi.integration_id
            LEFT JOIN control.organization_mapping m ON m.id = oi.organization_id
            WHERE oi.id = ?1
            """;

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @Inject
    IntegrationSecrets secrets;

    @Inject
    ProviderSettings providers;

    @Inject
    OAuthRefresher refresher;

    @Inject
    @ConfigProperty(name = "silo.integrations.refresh-before", defaultValue = "PT60S")
    Duration refreshBefore;

    /**
     * The grant for a call by {@code callerRegion} (empty on a MONOLITH server, which serves every organization)
     * through {@code organizationIntegrationId}.
     *
     * @throws ApiException 404 when there is no such active installation in an organization of that region
     */
    public ProxyGrant grant(long organizationIntegrationId, Optional<String> callerRegion) {
        List<?> rows = em.createNativeQuery(GRANT_SQL).setParameter(1, organizationIntegrationId).getResultList();
        Object[] row = rows.isEmpty() ? null : (Object[]) rows.get(0);
        if (row == null || !OrganizationIntegrationStatus.ACTIVE.value().equals(row[0])
                || callerRegion.isPresent() && !callerRegion.get().equals(row[1])) {
            throw ApiException.notFound("No active organization integration " + organizationIntegrationId
                    + callerRegion.map(region -> " in an organization of region " + region).orElse(""));
        }
        long integrationId = ((Number) row[2]).longValue();
        ProviderSettings.Provider provider = providers.of(IntegrationProvider.fromValue((String) row[3]).orElseThrow());
        String accessTokenCiphertext = (String) row[4];
        if (!expiresSoon(accessTokenCiphertext, (String) row[5], offsetDateTime(row[6]))) {
            return grantOf(integrationId, provider, accessTokenCiphertext);
        }
        Integration integration = em.find(Integration.class, integrationId, LockModeType.PESSIMISTIC_WRITE);
        if (expiresSoon(integration)) {
            refresh(integration, provider);
        }
        return grantOf(integration, provider);
    }

    /**
     * After the provider answered 401 to {@code rejectedToken}: refreshes under the row lock, unless another call
     * already replaced that token, in which case the replacement is the answer.
     */
    public ProxyGrant afterRejection(long integrationId, String rejectedToken) {
        Integration integration = em.find(Integration.class, integrationId, LockModeType.PESSIMISTIC_WRITE);
        ProviderSettings.Provider provider = providers.of(integration.provider());
        if (Objects.equals(secrets.open(integration.accessTokenCiphertext()), rejectedToken)) {
            refresh(integration, provider);
        }
        return grantOf(integration, provider);
    }

    private void refresh(Integration integration, ProviderSettings.Provider provider) {
        OAuthRefresher.Grant granted = refresher.refresh(provider, secrets.open(integration.refreshTokenCiphertext()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        integration.storeCredentials(secrets.seal(granted.accessToken()),
                granted.refreshToken() != null ? secrets.seal(granted.refreshToken()) : integration.refreshTokenCiphertext(),
                granted.expiresIn() == null ? null : now.plus(granted.expiresIn()), now);
        em.flush();
        LOG.info(() -> "Refreshed the OAuth token of integration " + integration.id() + " (" + provider.provider().value() + ")");
    }

    private ProxyGrant grantOf(Integration integration, ProviderSettings.Provider provider) {
        return grantOf(integration.id(), provider, integration.accessTokenCiphertext());
    }

    private ProxyGrant grantOf(long integrationId, ProviderSettings.Provider provider, String accessTokenCiphertext) {
        if (accessTokenCiphertext == null) {
            throw new ApiException(jakarta.ws.rs.core.Response.Status.BAD_GATEWAY,
                    "Integration " + integrationId + " holds no OAuth token: reinstall it");
        }
        return new ProxyGrant(integrationId, provider, secrets.open(accessTokenCiphertext));
    }

    private boolean expiresSoon(Integration integration) {
        return expiresSoon(integration.accessTokenCiphertext(), integration.refreshTokenCiphertext(),
                integration.tokenExpiresAt());
    }

    private boolean expiresSoon(String accessTokenCiphertext, String refreshTokenCiphertext, OffsetDateTime expiresAt) {
        return accessTokenCiphertext == null && refreshTokenCiphertext != null
                || expiresAt != null && expiresAt.isBefore(OffsetDateTime.now(ZoneOffset.UTC).plus(refreshBefore));
    }

    private static OffsetDateTime offsetDateTime(Object timestamp) {
        if (timestamp instanceof OffsetDateTime offsetDateTime) {
            return offsetDateTime;
        }
        return timestamp == null ? null : ((java.sql.Timestamp) timestamp).toInstant().atOffset(ZoneOffset.UTC);
    }
}
