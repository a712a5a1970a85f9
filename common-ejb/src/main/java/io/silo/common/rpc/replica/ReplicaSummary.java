package io.silo.common.rpc.replica;

import java.time.Instant;

/**
 * Counts of a region's replicas of control data.
 *
 * @param lastReplicatedAt when the region last applied a replica; null when it never has
 */
public record ReplicaSummary(String region, long users, long apiTokens, Instant lastReplicatedAt) {
}
