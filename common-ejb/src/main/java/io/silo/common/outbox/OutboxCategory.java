package io.silo.common.outbox;

import io.silo.common.outbox.payload.ApiTokenReplica;
import io.silo.common.outbox.payload.ApiTokenUse;
import io.silo.common.outbox.payload.OrganizationIntegrationReplica;
import io.silo.common.outbox.payload.OrganizationMappingReplica;
import io.silo.common.outbox.payload.OrganizationMemberReplica;
import io.silo.common.outbox.payload.OrganizationProvisioningCancelled;
import io.silo.common.outbox.payload.OrganizationProvisioningRequest;
import io.silo.common.outbox.payload.ProjectKeyMappingReplica;
import io.silo.common.outbox.payload.RegionAuditEntry;
import io.silo.common.outbox.payload.UserReplica;
import io.silo.common.outbox.payload.WebhookDelivery;

/**
 * Every kind of message that crosses silos through the outbox, in one place: its shard scope, where it is
 * delivered and the {@link OutboxPayload} record it carries. The enum's name is stored in the outbox rows
 * and sent with each message, so never rename a constant that may still be in flight.
 */
public enum OutboxCategory {
    USER_REPLICA(OutboxScope.USER, OutboxDestination.REGIONS, UserReplica.class),
    API_TOKEN_REPLICA(OutboxScope.USER, OutboxDestination.REGIONS, ApiTokenReplica.class),
    /** An organization's token, to the organization's region alone. */
    ORGANIZATION_TOKEN_REPLICA(OutboxScope.ORGANIZATION, OutboxDestination.REGIONS, ApiTokenReplica.class),
    ORGANIZATION_PROVISIONING(OutboxScope.ORGANIZATION, OutboxDestination.REGIONS,
            OrganizationProvisioningRequest.class),
    ORGANIZATION_PROVISIONING_CANCELLED(OutboxScope.ORGANIZATION, OutboxDestination.REGIONS,
            OrganizationProvisioningCancelled.class),
    ORGANIZATION_MAPPING(OutboxScope.ORGANIZATION, OutboxDestination.CONTROL, OrganizationMappingReplica.class),
    ORGANIZATION_MEMBER_MAPPING(OutboxScope.ORGANIZATION, OutboxDestination.CONTROL, OrganizationMemberReplica.class),
    PROJECT_KEY_MAPPING(OutboxScope.ORGANIZATION, OutboxDestination.CONTROL, ProjectKeyMappingReplica.class),
    AUDIT_ENTRY(OutboxScope.ORGANIZATION, OutboxDestination.CONTROL, RegionAuditEntry.class),
    /** A token's use in a region, for control's last-use record. */
    API_TOKEN_USE(OutboxScope.TOKEN, OutboxDestination.CONTROL, ApiTokenUse.class),
    ORGANIZATION_INTEGRATION(OutboxScope.ORGANIZATION, OutboxDestination.REGIONS, OrganizationIntegrationReplica.class),
    /** A provider's webhook, once per destination region (the region's mailbox row); object id = delivery id. */
    WEBHOOK_DELIVERY(OutboxScope.INTEGRATION, OutboxDestination.REGIONS, WebhookDelivery.class);

    private final OutboxScope scope;
    private final OutboxDestination destination;
    private final Class<? extends Record> payloadType;

    OutboxCategory(OutboxScope scope, OutboxDestination destination, Class<? extends Record> payloadType) {
        this.scope = scope;
        this.destination = destination;
        this.payloadType = payloadType;
    }

    public OutboxScope scope() {
        return scope;
    }

    public OutboxDestination destination() {
        return destination;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }
}
