package io.silo.common.outbox;

/** Fired when a transaction writes outbox rows; observed after commit to start draining at once. */
public record OutboxWritten(OutboxTable table) {
}
