package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.replication.ReplicationScenarios;
import java.util.List;

/** Replication in a MONOLITH: the same outbox and broker path, into the region schema of the one database. */
@MonolithTopologyTest
class MonolithReplicationIT extends ReplicationScenarios {

    @Override
    protected String controlServer() {
        return "monolith";
    }

    @Override
    protected List<String> regionServers() {
        return List.of("monolith");
    }

    @Override
    protected String brokerToRestart() {
        return "monolith";
    }
}
