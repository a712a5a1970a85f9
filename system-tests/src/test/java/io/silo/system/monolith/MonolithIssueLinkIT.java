package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.integration.IssueLinkScenarios;

/** Issue links and the tools' webhooks within one process, through the same outbox path. */
@MonolithTopologyTest
class MonolithIssueLinkIT extends IssueLinkScenarios {
}
