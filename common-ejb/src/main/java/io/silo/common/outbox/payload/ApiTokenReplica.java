package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;
import java.time.Instant;

/**
 * An API token as regions keep it, so a region authenticates the token locally: a user's token (with
 * {@code userId}) or an organization's ({@code organizationId}, sent to its region only). Only the SHA-256
 * of the token travels. {@code scopes} are the wire names separated by spaces ({@code org:read member:write}).
 */
@OutboxPayload
public record ApiTokenReplica(long id, Long userId, Long organizationId, String tokenHash, String scopes, Instant expiresAt,
                              boolean revoked, long version) {
}
