package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.integration.IssueLinkScenarios;

/** Issue links in region eu, the tools' webhooks received by control and delivered through the outbox. */
@SplitTopologyTest
class SplitIssueLinkIT extends IssueLinkScenarios {
}
