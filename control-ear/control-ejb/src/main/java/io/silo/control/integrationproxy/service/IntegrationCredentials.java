package io.silo.control.integrationproxy.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.ControlSilo;
import io.silo.control.integration.model.Integration;
import io.silo.control.integration.model.IntegrationProvider;
import io.silo.control.integration.model.OrganizationIntegration;
import io.silo.control.integration.service.IntegrationInstallations;
import io.silo.control.integration.service.IntegrationSecrets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores an installation's OAuth credentials, sealed, and installs it in organizations: what the OAuth install flow
 * does once the provider granted the tokens. The end-to-end tests call it through control's testing endpoint,
 * with tokens from their own local authorization server.
 */
@Stateless
@ControlSilo
public class IntegrationCredentials {

    /** The integration and, per organization id, its installation's id. */
    public record Installed(long integrationId, Map<Long, Long> organizationIntegrations) {
    }

    @PersistenceContext(unitName = "control")
    EntityManager em;

    @EJB
    IdGenerator ids;

    @Inject
    IntegrationSecrets secrets;

    @EJB
    IntegrationInstallations installations;

    public Installed install(IntegrationProvider provider, String externalId, String name, String accessToken,
                             String refreshToken, Duration expiresIn, List<Long> organizationIds) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Integration integration = installations.claimedIntegration(provider, externalId, name, "{}", now);
        integration.storeCredentials(secrets.seal(accessToken), secrets.seal(refreshToken),
                expiresIn == null ? null : now.plus(expiresIn), now);
        Map<Long, Long> installations = new LinkedHashMap<>();
        for (long organizationId : organizationIds) {
            OrganizationIntegration installation = em.createNamedQuery(OrganizationIntegration.BY_ORGANIZATION_AND_INTEGRATION,
                            OrganizationIntegration.class)
                    .setParameter("organizationId", organizationId).setParameter("integrationId", integration.id())
                    .getResultStream().findFirst().orElse(null);
            if (installation == null) {
                installation = OrganizationIntegration.install(ids.nextId(), organizationId, integration.id(), "{}", now);
                em.persist(installation);
            }
            installations.put(organizationId, installation.id());
        }
        return new Installed(integration.id(), installations);
    }
}
