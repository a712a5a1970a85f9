package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.outage.DatabaseOutageScenarios;

/** PostgreSQL stopped for 70 s under the monolith. */
@MonolithTopologyTest
class MonolithDatabaseOutageIT extends DatabaseOutageScenarios {
}
