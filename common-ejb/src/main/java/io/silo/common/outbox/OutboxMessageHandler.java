package io.silo.common.outbox;

import java.util.Set;

/**
 * Applies outbox messages of some categories in the destination silo. Implementations are EJBs of the
 * destination silo's module; {@link #apply} runs in its own transaction and must be idempotent: a
 * repeated or older message (by version) changes nothing.
 */
public interface OutboxMessageHandler {

    Set<OutboxCategory> categories();

    /** @return whether the message changed anything: false for a repeated or older one */
    boolean apply(OutboxMessage message);
}
