package io.silo.common.silo;

/** How a server runs: both silos in one process, or one silo of a split deployment. */
public enum SiloMode {
    /** Control and region code in one process, one database, one broker. Refuses nothing. */
    MONOLITH,
    /** The global silo: users, tokens, organization directory, integrations, gateway. */
    CONTROL,
    /** One region's customer data: organizations, projects, events. */
    REGION
}
