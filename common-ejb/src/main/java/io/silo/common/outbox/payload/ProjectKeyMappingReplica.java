package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;

/**
 * A project key (DSN) as control's directory knows it: its public key leads to the project, organization and
 * region, so control's ingest endpoint keeps old DSNs working. {@code removed} is the tombstone of a deleted
 * key; {@code version} is the key's row version in its region, and control keeps the highest it has seen.
 */
@OutboxPayload
public record ProjectKeyMappingReplica(long id, String publicKey, long projectId, long organizationId, String region,
                                       boolean removed, long version) {
}
