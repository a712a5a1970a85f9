package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;

/** A user's membership of an organization, for control's organization picker. */
@OutboxPayload
public record OrganizationMemberReplica(long id, long organizationId, long userId, String role, boolean removed,
                                        long version) {
}
