package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;

/**
 * Control gave up creating an organization (its region did not confirm in time): the region removes it if the
 * provisioning request created it after all. Sent in the organization's shard, so it arrives after the request.
 */
@OutboxPayload
public record OrganizationProvisioningCancelled(long id) {
}
