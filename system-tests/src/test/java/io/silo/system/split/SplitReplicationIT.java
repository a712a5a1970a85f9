package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.replication.ReplicationScenarios;

/** Replication from control to the us and eu regions, each with its own database and broker. */
@SplitTopologyTest
class SplitReplicationIT extends ReplicationScenarios {
}
