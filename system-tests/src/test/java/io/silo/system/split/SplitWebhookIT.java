package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.integration.WebhookScenarios;
import java.util.List;

/** Webhooks received by control and delivered to organizations in us and eu, each region its own silo. */
@SplitTopologyTest
class SplitWebhookIT extends WebhookScenarios {

    @Override
    protected String controlServer() {
        return "control";
    }

    @Override
    protected String regionServer(String region) {
        return "region-" + region;
    }

    @Override
    protected List<String> regions() {
        return List.of("us", "eu");
    }
}
