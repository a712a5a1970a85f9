package io.silo.control.webhook.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.outbox.payload.WebhookDelivery;
import io.silo.common.silo.ControlSilo;
import io.silo.control.integration.model.Integration;
import io.silo.control.integration.model.IntegrationProvider;
import io.silo.control.integration.model.OrganizationIntegration;
import io.silo.control.integration.model.OrganizationIntegrationStatus;
import io.silo.control.integration.service.IntegrationInstallations;
import io.silo.control.organization.model.OrganizationMapping;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Routes a verified webhook to the regions of the organizations that installed its integration: one mailbox
 * row per destination region (a WEBHOOK_DELIVERY outbox row in the integration's shard, so a region receives
 * an integration's webhooks in order and one region's backlog never holds up another's queue), written in one
 * transaction. Nothing waits for a region. A webhook with no integration or no active installation is
 * acknowledged and recorded in unroutable_webhook (with a log line), never retried. What was routed is recorded in
 * webhook_delivery with its regions, for operators.
 */
@Stateless
@ControlSilo
public class WebhookIngress {

    private static final Logger LOG = Logger.getLogger(WebhookIngress.class.getName());

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    OutboxWriter outbox;

    @EJB
    IntegrationInstallations installations;

    /** Where a webhook went: the delivery id and its regions, or no region when it was unroutable. */
    public record Routed(long deliveryId, List<String> regions) {
    }

    public Routed receive(IntegrationProvider provider, String externalId, String eventType, String body) {
        long deliveryId = ids.nextId();
        Optional<Integration> integration = externalId == null ? Optional.empty()
                : installations.integration(provider, externalId);
        if (integration.isEmpty()) {
            return unroutable(deliveryId, provider, externalId, eventType, "no integration with this external id");
        }
        Map<String, List<Long>> organizationsByRegion = new TreeMap<>();
        for (OrganizationIntegration installation : entityManager.createNamedQuery(
                        OrganizationIntegration.ACTIVE_OF_INTEGRATION, OrganizationIntegration.class)
                .setParameter("integrationId", integration.get().id())
                .setParameter("active", OrganizationIntegrationStatus.ACTIVE)
                .getResultList()) {
            OrganizationMapping organization = entityManager.find(OrganizationMapping.class, installation.organizationId());
            if (organization != null) {
                organizationsByRegion.computeIfAbsent(organization.region(), region -> new ArrayList<>())
                        .add(organization.id());
            }
        }
        if (organizationsByRegion.isEmpty()) {
            return unroutable(deliveryId, provider, externalId, eventType, "no organization has this integration installed");
        }
        Instant receivedAt = Instant.now();
        organizationsByRegion.forEach((region, organizationIds) -> outbox.toRegions(List.of(region),
                OutboxCategory.WEBHOOK_DELIVERY, integration.get().id(), deliveryId,
                new WebhookDelivery(deliveryId, integration.get().id(), provider.value(), externalId, eventType,
                        receivedAt, List.copyOf(organizationIds), body)));
        entityManager.createNativeQuery("""
                INSERT INTO control.webhook_delivery (id, provider, external_id, event_type, regions)
                VALUES (?1, ?2, ?3, ?4, ?5)
                """)
                .setParameter(1, deliveryId)
                .setParameter(2, provider.value())
                .setParameter(3, externalId)
                .setParameter(4, eventType == null ? "" : eventType)
                .setParameter(5, String.join(",", organizationsByRegion.keySet()))
                .executeUpdate();
        return new Routed(deliveryId, List.copyOf(organizationsByRegion.keySet()));
    }

    private Routed unroutable(long deliveryId, IntegrationProvider provider, String externalId, String eventType,
                              String reason) {
        entityManager.createNativeQuery("""
                INSERT INTO control.unroutable_webhook (id, provider, external_id, event_type, reason)
                VALUES (?1, ?2, ?3, ?4, ?5)
                """)
                .setParameter(1, deliveryId)
                .setParameter(2, provider.value())
                .setParameter(3, externalId == null ? "" : externalId)
                .setParameter(4, eventType == null ? "" : eventType)
                .setParameter(5, reason)
                .executeUpdate();
        LOG.info(() -> "Unroutable " + provider.value() + " webhook " + deliveryId + " (" + eventType + ", external id "
                + externalId + "): " + reason);
        return new Routed(deliveryId, List.of());
    }
}
