package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.outage.DatabaseOutageScenarios;

/** PostgreSQL stopped for 70 s under control and regions us and eu, through the gateway and on a region's host. */
@SplitTopologyTest
class SplitDatabaseOutageIT extends DatabaseOutageScenarios {
}
