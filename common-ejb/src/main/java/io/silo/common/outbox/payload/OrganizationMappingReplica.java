package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;

/** An organization as control's directory knows it: its slug routes API calls to its region. */
@OutboxPayload
public record OrganizationMappingReplica(long id, String slug, String name, String region, String status, long version) {
}
