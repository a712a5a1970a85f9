package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.integration.WebhookScenarios;

/** Webhooks received and delivered within one process, through the same outbox path. */
@MonolithTopologyTest
class MonolithWebhookIT extends WebhookScenarios {
}
