package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.integration.WebhookScenarios;

/** Webhooks received by control and delivered to organizations in us and eu, each region its own silo. */
@SplitTopologyTest
class SplitWebhookIT extends WebhookScenarios {
}
