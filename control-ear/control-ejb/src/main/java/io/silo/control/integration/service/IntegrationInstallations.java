package io.silo.control.integration.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.payload.OrganizationIntegrationReplica;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.integration.model.Integration;
import io.silo.control.integration.model.IntegrationProvider;
import io.silo.control.integration.model.OrganizationIntegration;
import io.silo.control.integration.model.OrganizationIntegrationStatus;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.service.OrganizationRoles;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Installs, lists and uninstalls integrations for an organization, in control (one GitHub installation may
 * serve organizations of several regions). Only an owner or manager of the organization, as control's
 * organization_member_mapping knows it, may; anyone else gets 404, as for an organization they cannot see.
 * Every change is sent to the organization's region in the organization's outbox shard.
 */
@Stateless
@ControlSilo
public class IntegrationInstallations {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    OutboxWriter outbox;

    @EJB
    OrganizationRoles roles;

    /** An installation and its integration, as the API shows them. */
    public record Installed(OrganizationIntegration installation, Integration integration) {
    }

    public Installed install(long userId, String organizationSlug, IntegrationProvider provider, String externalId,
                             String name, String metadata, String config) {
        OrganizationMapping organization = roles.managedBy(userId, organizationSlug);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Integration integration = claimedIntegration(provider, externalId, name, metadata, now);
        OrganizationIntegration installation = installationOf(organization.id(), integration.id()).orElse(null);
        if (installation == null) {
            installation = claimedInstallation(organization.id(), integration.id(), config, now);
        } else {
            installation.reinstall(config, now);
        }
        entityManager.flush();
        announce(organization, installation, integration);
        return new Installed(installation, integration);
    }

    public List<Installed> list(long userId, String organizationSlug) {
        OrganizationMapping organization = roles.managedBy(userId, organizationSlug);
        return entityManager.createNamedQuery(OrganizationIntegration.OF_ORGANIZATION, OrganizationIntegration.class)
                .setParameter("organizationId", organization.id())
                .setParameter("uninstalled", OrganizationIntegrationStatus.UNINSTALLED)
                .getResultStream()
                .map(installation -> new Installed(installation,
                        entityManager.find(Integration.class, installation.integrationId())))
                .toList();
    }

    public void uninstall(long userId, String organizationSlug, long installationId) {
        OrganizationMapping organization = roles.managedBy(userId, organizationSlug);
        OrganizationIntegration installation = entityManager.find(OrganizationIntegration.class, installationId,
                LockModeType.PESSIMISTIC_WRITE);
        if (installation == null || installation.organizationId() != organization.id()
                || installation.status() == OrganizationIntegrationStatus.UNINSTALLED) {
            throw ApiException.notFound("No such integration installed in " + organizationSlug);
        }
        installation.uninstall(OffsetDateTime.now(ZoneOffset.UTC));
        entityManager.flush();
        announce(organization, installation, entityManager.find(Integration.class, installation.integrationId()));
    }

    public Optional<Integration> integration(IntegrationProvider provider, String externalId) {
        return entityManager.createNamedQuery(Integration.BY_EXTERNAL_ID, Integration.class)
                .setParameter("provider", provider)
                .setParameter("externalId", externalId)
                .getResultStream()
                .findFirst();
    }

    /**
     * The integration of {@code (provider, externalId)}, created if it is new, locked for this transaction. Two
     * organizations (of any regions) installing one new installation at once both succeed: the insert of the
     * second waits for the first on the unique key and then does nothing, and both use the one row.
     */
    public Integration claimedIntegration(IntegrationProvider provider, String externalId, String name,
                                           String metadata, OffsetDateTime now) {
        boolean created = entityManager.createNativeQuery("""
                INSERT INTO control.integration (id, provider, external_id, name, metadata, version, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6) ON CONFLICT (provider, external_id) DO NOTHING
                """)
                .setParameter(1, ids.nextId())
                .setParameter(2, provider.value())
                .setParameter(3, externalId)
                .setParameter(4, name)
                .setParameter(5, metadata)
                .setParameter(6, now)
                .executeUpdate() > 0;
        Integration integration = entityManager.createNamedQuery(Integration.BY_EXTERNAL_ID, Integration.class)
                .setParameter("provider", provider)
                .setParameter("externalId", externalId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        if (!created && (!integration.name().equals(name) || !integration.metadata().equals(metadata))) {
            integration.describe(name, metadata, now);
        }
        return integration;
    }

    /** A new installation of the integration for the organization; one of two concurrent first installs reinstalls. */
    private OrganizationIntegration claimedInstallation(long organizationId, long integrationId, String config,
                                                        OffsetDateTime now) {
        boolean created = entityManager.createNativeQuery("""
                INSERT INTO control.organization_integration
                    (id, organization_id, integration_id, status, config, version, created_at, updated_at)
                VALUES (?1, ?2, ?3, 'active', ?4, 1, ?5, ?5) ON CONFLICT (organization_id, integration_id) DO NOTHING
                """)
                .setParameter(1, ids.nextId())
                .setParameter(2, organizationId)
                .setParameter(3, integrationId)
                .setParameter(4, config)
                .setParameter(5, now)
                .executeUpdate() > 0;
        OrganizationIntegration installation = installationOf(organizationId, integrationId).orElseThrow();
        if (!created) {
            installation.reinstall(config, now);
        }
        return installation;
    }

    private Optional<OrganizationIntegration> installationOf(long organizationId, long integrationId) {
        return entityManager.createNamedQuery(OrganizationIntegration.BY_ORGANIZATION_AND_INTEGRATION,
                        OrganizationIntegration.class)
                .setParameter("organizationId", organizationId)
                .setParameter("integrationId", integrationId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    private void announce(OrganizationMapping organization, OrganizationIntegration installation, Integration integration) {
        outbox.toRegions(List.of(organization.region()), OutboxCategory.ORGANIZATION_INTEGRATION, organization.id(),
                installation.id(), new OrganizationIntegrationReplica(installation.id(), organization.id(),
                        integration.id(), integration.provider().value(), integration.externalId(), integration.name(),
                        installation.status().value(), installation.config(), installation.version()));
    }
}
