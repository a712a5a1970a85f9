package io.silo.common.rpc.replica;

import java.time.Instant;

/** A region's copy of a control user, with the version it last applied. */
public record RpcUserReplica(long id, String email, String name, boolean active, long version, Instant replicatedAt) {
}
