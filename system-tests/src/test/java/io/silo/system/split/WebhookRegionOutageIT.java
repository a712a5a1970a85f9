package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.harness.Webhooks;
import io.silo.system.integration.WebhookScenarios;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Slack workspace shared by an organization in us and one in eu while eu is down: Slack still gets its answer
 * within 3 seconds, us processes the events at once, and eu processes them, in order, once it is back.
 */
@SplitTopologyTest
class WebhookRegionOutageIT {

    @Test
    void slackIsAnsweredAtOnceAndEuReceivesItsEventsInOrderAfterItReturns(Topology topology) throws Exception {
        ApiClient user = WebhookScenarios.newUser(topology, "control", "slack-outage");
        String teamId = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        for (String region : List.of("us", "eu")) {
            String slug = "slack-" + region + "-" + UUID.randomUUID().toString().substring(0, 8);
            WebhookScenarios.createOrganization(user, slug, region);
            Reply installed = WebhookScenarios.installAsOwner(user, slug, "slack", teamId);
            assertEquals(201, installed.status(), installed.toString());
        }
        String secret = topology.webhookSecret(Topology.SLACK_SIGNING_SECRET);
        ApiClient slack = ApiClient.anonymous(topology.url("control"));
        List<Long> deliveries = new ArrayList<>();

        topology.kill("region-eu");
        try {
            for (int i = 0; i < 3; i++) {
                String body = Json.createObjectBuilder().add("type", "event_callback").add("team_id", teamId)
                        .add("event_id", "Ev" + i).add("event", Json.createObjectBuilder().add("type", "message")
                                .add("text", "hello " + i)).build().toString();
                long started = System.nanoTime();
                Reply answered = Webhooks.slack(slack, body, secret, Instant.now());
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertEquals(202, answered.status(), answered.toString());
                assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "Slack answered in " + took);
                assertEquals(List.of("eu", "us"), answered.json().getJsonArray("regions").getValuesAs(
                        jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
                deliveries.add(Long.parseLong(answered.json().getString("id")));
            }
            assertEquals("3", Database.await(topology, "region-us", Duration.ofSeconds(15), "3",
                    "SELECT count(*) FROM region.webhook_delivery WHERE id = ANY (?)", (Object) deliveries.toArray(new Long[0])),
                    "us processes the events while eu is down");
        } finally {
            assertEquals(0, topology.up().exitCode(), "region eu starts again");
        }
        String inOrder = deliveries.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        assertEquals(inOrder, Database.await(topology, "region-eu", Duration.ofSeconds(60), inOrder,
                "SELECT string_agg(id::text, ',' ORDER BY processed_at) FROM region.webhook_delivery WHERE id = ANY (?)",
                (Object) deliveries.toArray(new Long[0])), "eu processes the events in order once it is back");
        assertEquals("3", Database.queryOne(topology, "region-us",
                "SELECT count(*) FROM region.webhook_delivery WHERE id = ANY (?)", (Object) deliveries.toArray(new Long[0])),
                "us still has each event once");
    }
}
