package io.silo.region.integration.service;

import io.silo.common.outbox.payload.OrganizationIntegrationReplica;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxMessage;
import io.silo.common.outbox.OutboxMessageHandler;
import io.silo.common.outbox.UnappliableMessageException;
import io.silo.common.outbox.payload.WebhookDelivery;
import io.silo.common.silo.RegionSilo;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Applies what control sends about integrations: the replica of an organization's installation, and webhook
 * deliveries. A delivery is processed once per region (its id is recorded in webhook_delivery in the same
 * transaction as its effects; a redelivery changes nothing) and dead-lettered with its reason when it arrives
 * older than {@code silo.integrations.webhook-max-age} (default 3 days): the outbox consumer parks it in the DLQ,
 * from which an operator can replay it.
 */
@Stateless
@RegionSilo
public class IntegrationApplier implements OutboxMessageHandler {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    GithubWebhooks github;

    @EJB
    SlackWebhooks slack;

    @EJB
    JiraWebhooks jira;

    private static final Duration DEFAULT_MAX_AGE = Duration.ofDays(3);

    @Override
    public Set<OutboxCategory> categories() {
        return EnumSet.of(OutboxCategory.ORGANIZATION_INTEGRATION, OutboxCategory.WEBHOOK_DELIVERY);
    }

    @Override
    public boolean apply(OutboxMessage message) {
        return switch (message.category()) {
            case ORGANIZATION_INTEGRATION -> applyReplica(message.payloadAs(OrganizationIntegrationReplica.class));
            case WEBHOOK_DELIVERY -> deliver(message.payloadAs(WebhookDelivery.class));
            default -> throw new IllegalArgumentException("IntegrationApplier does not apply " + message.category());
        };
    }

    private boolean deliver(WebhookDelivery delivery) {
        // read at each delivery (live config, like the outbox switches): an operator can lengthen it during an outage
        Duration maxAge = ConfigProvider.getConfig().getOptionalValue("silo.integrations.webhook-max-age", Duration.class)
                .orElse(DEFAULT_MAX_AGE);
        Duration age = Duration.between(delivery.receivedAt(), Instant.now());
        if (age.compareTo(maxAge) > 0) {
            throw new UnappliableMessageException("Webhook delivery " + delivery.deliveryId() + " (" + delivery.provider()
                    + " " + delivery.eventType() + ") expired: received " + delivery.receivedAt() + ", older than "
                    + "silo.integrations.webhook-max-age " + maxAge);
        }
        boolean first = entityManager.createNativeQuery("""
                INSERT INTO region.webhook_delivery (id, integration_id, provider, event_type, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING
                """)
                .setParameter(1, delivery.deliveryId())
                .setParameter(2, delivery.integrationId())
                .setParameter(3, delivery.provider())
                .setParameter(4, delivery.eventType() == null ? "unknown" : delivery.eventType())
                .setParameter(5, OffsetDateTime.ofInstant(delivery.receivedAt(), ZoneOffset.UTC))
                .executeUpdate() > 0;
        if (!first) {
            return false;
        }
        switch (delivery.provider()) {
            case "github" -> github.process(delivery);
            case "slack" -> slack.process(delivery);
            case "jira" -> jira.process(delivery);
            default -> throw new UnappliableMessageException("Webhook delivery " + delivery.deliveryId()
                    + " is of an unknown provider " + delivery.provider());
        }
        return true;
    }

    private boolean applyReplica(OrganizationIntegrationReplica replica) {
        return entityManager.createNativeQuery("""
                INSERT INTO region.organization_integration_replica
                    (id, organization_id, integration_id, provider, external_id, name, status, config, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status,
                    config = excluded.config, version = excluded.version, replicated_at = now()
                WHERE organization_integration_replica.version < excluded.version
                """)
                .setParameter(1, replica.id())
                .setParameter(2, replica.organizationId())
                .setParameter(3, replica.integrationId())
                .setParameter(4, replica.provider())
                .setParameter(5, replica.externalId())
                .setParameter(6, replica.name())
                .setParameter(7, replica.status())
                .setParameter(8, replica.config())
                .setParameter(9, replica.version())
                .executeUpdate() > 0;
    }
}
