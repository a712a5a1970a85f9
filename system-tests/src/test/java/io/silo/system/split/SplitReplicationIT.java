package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.replication.ReplicationScenarios;
import java.util.List;

/** Replication from control to the us and eu regions, each with its own database and broker. */
@SplitTopologyTest
class SplitReplicationIT extends ReplicationScenarios {

    @Override
    protected String controlServer() {
        return "control";
    }

    @Override
    protected List<String> regionServers() {
        return List.of("region-us", "region-eu");
    }

    @Override
    protected String brokerToRestart() {
        return "region-us";
    }
}
