package io.silo.region.organization.service;

import io.silo.common.outbox.payload.OrganizationProvisioningCancelled;
import io.silo.common.outbox.payload.OrganizationProvisioningRequest;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxMessage;
import io.silo.common.outbox.OutboxMessageHandler;
import io.silo.common.silo.RegionSilo;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates the organizations control asks this region for, and removes those whose creation control gave up. Provisioning is idempotent by the organization's id,
 * so a redelivered request changes nothing; the region's answer (the ACTIVE mapping and the owner's membership)
 * travels back to control through this region's outbox, in the same transaction.
 */
@Stateless
@RegionSilo
public class ProvisioningRequestApplier implements OutboxMessageHandler {

    @EJB
    OrganizationProvisioning provisioning;

    @Override
    public Set<OutboxCategory> categories() {
        return EnumSet.of(OutboxCategory.ORGANIZATION_PROVISIONING, OutboxCategory.ORGANIZATION_PROVISIONING_CANCELLED);
    }

    @Override
    public boolean apply(OutboxMessage message) {
        if (message.category() == OutboxCategory.ORGANIZATION_PROVISIONING_CANCELLED) {
            return provisioning.cancel(message.payloadAs(OrganizationProvisioningCancelled.class).id());
        }
        OrganizationProvisioningRequest request = message.payloadAs(OrganizationProvisioningRequest.class);
        return provisioning.provision(request.id(), request.slug(), request.name(), request.ownerUserId()).created();
    }
}
