package io.silo.control.integration.proxy.service;

import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.integration.model.Integration;
import io.silo.control.integration.model.OrganizationIntegration;
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
        OrganizationIntegration installation = em.find(OrganizationIntegration.class, organizationIntegrationId);
        if (installation == null || installation.status() != OrganizationIntegrationStatus.ACTIVE
                || callerRegion.isPresent() && !callerRegion.get().equals(regionOf(installation.organizationId()))) {
            throw ApiException.notFound("No active organization integration " + organizationIntegrationId
                    + callerRegion.map(region -> " in an organization of region " + region).orElse(""));
        }
        Integration integration = em.find(Integration.class, installation.integrationId());
        ProviderSettings.Provider provider = providers.of(integration.provider());
        if (expiresSoon(integration)) {
            em.refresh(integration, LockModeType.PESSIMISTIC_WRITE);
            if (expiresSoon(integration)) {
                refresh(integration, provider);
            }
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
        if (integration.accessTokenCiphertext() == null) {
            throw new ApiException(jakarta.ws.rs.core.Response.Status.BAD_GATEWAY,
                    "Integration " + integration.id() + " holds no OAuth token: reinstall it");
        }
        return new ProxyGrant(integration.id(), provider, secrets.open(integration.accessTokenCiphertext()));
    }

    private boolean expiresSoon(Integration integration) {
        OffsetDateTime expiresAt = integration.tokenExpiresAt();
        return integration.accessTokenCiphertext() == null && integration.refreshTokenCiphertext() != null
                || expiresAt != null && expiresAt.isBefore(OffsetDateTime.now(ZoneOffset.UTC).plus(refreshBefore));
    }

    private String regionOf(long organizationId) {
        List<?> regions = em.createNativeQuery("SELECT region FROM organization_mapping WHERE id = ?1")
                .setParameter(1, organizationId).getResultList();
        return regions.isEmpty() ? null : (String) regions.get(0);
    }
}
