package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.integration.WebhookScenarios;
import java.util.List;

/** Webhooks received and delivered within one process, through the same outbox path. */
@MonolithTopologyTest
class MonolithWebhookIT extends WebhookScenarios {

    @Override
    protected String controlServer() {
        return "monolith";
    }

    @Override
    protected String regionServer(String region) {
        return "monolith";
    }

    @Override
    protected List<String> regions() {
        return List.of("us");
    }
}
