package io.silo.common.outbox;

/**
 * What an outbox shard is: every message of one shard is delivered in order, by one drainer at a time
 * and, at the destination, through one Artemis message group. Closed: a new kind of shard is added here.
 */
public enum OutboxScope {
    /** Messages about one user account (id = user id): its replica, its tokens. */
    USER,
    /** Messages about one organization (id = organization id): mapping, members, audit entries. */
    ORGANIZATION,
    /** The use of one API token (id = token id): order does not matter, only the latest use. */
    TOKEN,
    /** Webhooks of one third-party integration (id = integration id), in the order control received them. */
    INTEGRATION
}
