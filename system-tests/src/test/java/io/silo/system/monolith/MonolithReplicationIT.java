package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.replication.ReplicationScenarios;

/** Replication in a MONOLITH: the same outbox and broker path, into the region schema of the one database. */
@MonolithTopologyTest
class MonolithReplicationIT extends ReplicationScenarios {
}
