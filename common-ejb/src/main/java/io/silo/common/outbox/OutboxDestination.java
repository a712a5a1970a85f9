package io.silo.common.outbox;

/** Which silos a category is delivered to. */
public enum OutboxDestination {
    /** Written in control, delivered to regions (one row per destination region). */
    REGIONS,
    /** Written in a region, delivered to control. */
    CONTROL
}
