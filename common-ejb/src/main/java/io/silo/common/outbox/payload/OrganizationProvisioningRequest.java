package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;

/**
 * Control asks a region to create an organization it has reserved the slug and minted the id of; the owner
 * becomes its first member. The region creates it idempotently (by id) and answers with its mapping.
 */
@OutboxPayload
public record OrganizationProvisioningRequest(long id, String slug, String name, long ownerUserId) {
}
