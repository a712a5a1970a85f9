package io.silo.common.outbox;

import java.time.Instant;

/**
 * A user's API token as regions keep it, so a region authenticates the token locally. Only the SHA-256
 * of the token travels. {@code scopes} are the wire names separated by spaces ({@code org:read member:write}).
 */
@OutboxPayload
public record ApiTokenReplica(long id, long userId, String tokenHash, String scopes, Instant expiresAt,
                              boolean revoked, long version) {
}
