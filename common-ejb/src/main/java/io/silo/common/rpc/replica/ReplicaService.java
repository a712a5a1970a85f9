package io.silo.common.rpc.replica;

import io.silo.common.rpc.Idempotent;
import io.silo.common.rpc.RpcService;
import io.silo.common.silo.RegionSilo;
import java.util.Optional;

/**
 * What a region holds of control's replicated data, for control to check replication from its side
 * (operators, the admin console, tests).
 */
@RpcService("replica")
@RegionSilo
public interface ReplicaService {

    @Idempotent
    ReplicaSummary summary();

    @Idempotent
    Optional<RpcUserReplica> findUser(long userId);
}
