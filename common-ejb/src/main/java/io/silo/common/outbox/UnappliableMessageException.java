package io.silo.common.outbox;

import jakarta.ejb.ApplicationException;

/**
 * A message its handler can never apply as it is (a slug another organization holds, a value this silo does
 * not know): retrying cannot help, so {@link OutboxConsumer} parks it in the dead-letter queue at once, with
 * this message as its reason, for an operator to inspect, replay once the cause is fixed, or discard.
 */
@ApplicationException(rollback = true)
public class UnappliableMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnappliableMessageException(String reason) {
        super(reason);
    }
}
