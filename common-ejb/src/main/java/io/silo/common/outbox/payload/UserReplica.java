package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;

/**
 * A user account as regions keep it, so they know users without asking control. {@code version} is the
 * account's row version in control: a region keeps the highest it has seen and ignores older ones.
 */
@OutboxPayload
public record UserReplica(long id, String email, String name, boolean active, long version) {
}
