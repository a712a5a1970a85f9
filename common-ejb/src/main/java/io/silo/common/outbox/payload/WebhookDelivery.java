package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;
import java.time.Instant;
import java.util.List;

/**
 * Control → one region: a provider's webhook whose signature control verified, for the organizations of that
 * region that have the integration installed. {@code body} is the provider's raw JSON; {@code deliveryId} is
 * the same in every region and makes a redelivered message a no-op. A delivery older than the region's
 * {@code silo.integrations.webhook-max-age} when it arrives is dead-lettered.
 */
@OutboxPayload
public record WebhookDelivery(long deliveryId, long integrationId, String provider, String externalId,
                              String eventType, Instant receivedAt, List<Long> organizationIds, String body) {
}
