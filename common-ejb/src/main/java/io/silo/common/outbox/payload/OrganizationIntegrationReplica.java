package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;

/**
 * Control → the organization's region: an organization's installation of an integration (status active,
 * disabled or uninstalled), with what identifies the integration. Only a newer version replaces the replica.
 */
@OutboxPayload
public record OrganizationIntegrationReplica(long id, long organizationId, long integrationId, String provider,
                                             String externalId, String name, String status, String config,
                                             long version) {
}
