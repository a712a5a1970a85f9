package io.silo.common.outbox;

import java.util.Set;

/**
 * Applies outbox messages of some categories in the destination silo. Implementations are EJBs of the
 * destination silo's module; {@link #apply} joins the consumer's transaction, which may apply a batch of messages
 * (see OutboxConsumer), or runs in its own, and must be idempotent: a repeated or older message (by version)
 * changes nothing. A failure rolls back the whole batch, whose messages then come again one at a time.
 */
public interface OutboxMessageHandler {

    Set<OutboxCategory> categories();

    /** @return whether the message changed anything: false for a repeated or older one */
    boolean apply(OutboxMessage message);
}
