package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Launcher;
import io.silo.system.harness.Metrics;
import io.silo.system.harness.OutboxTopologyTest;
import io.silo.system.harness.Topology;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A message the region cannot apply: us's replica table refuses one name (a check constraint, as a schema
 * that drifted from control's would). The real consumer fails on it at every delivery; after
 * max-delivery-attempts (broker.xml) Artemis parks it in DLQ while other shards and the other region carry
 * on. Once the cause is gone, an operator replays it ({@code POST /api/0/admin/outbox/dead-letters/{id}/replay/}
 * on the region) and it is applied exactly once.
 */
@OutboxTopologyTest
class PoisonMessageIT {

    /** A name of this run only: the constraint refuses it, and rows of earlier runs (data is kept) stay valid. */
    private static final String POISON = "Poison pill " + UUID.randomUUID().toString().substring(0, 8);
    /** How long a live configuration change takes to apply everywhere (5 s config cache, 3 s sweep). */
    private static final long SETTLE_MILLIS = 9000;

    @Test
    void aMessageThatKeepsFailingGoesToTheDeadLetterQueueAndIsAppliedOnceWhenReplayed(Topology topology) throws Exception {
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 2, "poison");
        ChangeWriter.Account poisoned = accounts.get(0);
        ChangeWriter.Account healthy = accounts.get(1);
        List<Long> ids = ReplicaCheck.ids(accounts);
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(30));

        URI us = topology.url("region-us");
        double failuresBefore = Metrics.sum(us, "silo_outbox_apply_failures_total", "category=\"USER_REPLICA\"");
        ApiClient operator = ApiClient.withToken(us, Accounts.token(Accounts.operator(topology.url("control")).session(), "admin"));
        awaitStatus(operator, "/api/0/admin/outbox/dead-letters/", 200);
        execute(topology, "region_us", "ALTER TABLE region.user_replica ADD CONSTRAINT test_poison_refused CHECK (name <> '" + POISON + "') NOT VALID");
        try {
            assertEquals(200, ChangeWriter.rename(poisoned, POISON).status());
            for (int i = 1; i <= 5; i++) {
                assertEquals(200, ChangeWriter.rename(healthy, "Healthy " + i).status());
            }

            JsonObject parked = awaitDeadLetter(operator, poisoned.userId(), Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("the poisoned message never reached DLQ: "
                            + operator.get("/api/0/admin/outbox/dead-letters/")));
            assertEquals("silo.outbox.region-us", parked.getString("queue"));
            assertEquals("USER", parked.getString("shardScope"));
            assertEquals(String.valueOf(poisoned.userId()), parked.getString("shardId"));
            assertEquals(maxDeliveryAttempts(), Metrics.sum(us, "silo_outbox_apply_failures_total",
                    "category=\"USER_REPLICA\"") - failuresBefore, 0.0, "failed deliveries before DLQ");
            assertEquals("Healthy 5", await(topology, "region-us", healthy.userId(), "Healthy 5"), "other shards keep flowing");
            assertEquals(POISON, await(topology, "region-eu", poisoned.userId(), POISON), "the other region is unaffected");
            assertFalse(POISON.equals(name(topology, "region-us", poisoned.userId())), "us has not applied it");

            execute(topology, "region_us", "ALTER TABLE region.user_replica DROP CONSTRAINT test_poison_refused");
            double appliedBefore = Metrics.sum(us, "silo_outbox_applied_total");
            double unchangedBefore = Metrics.sum(us, "silo_outbox_unchanged_total");
            String replay = "/api/0/admin/outbox/dead-letters/" + parked.getString("id") + "/replay/";
            Reply replayed = operator.post(replay, null);
            assertEquals(200, replayed.status(), replayed.toString());
            ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(30));
            assertEquals(POISON, name(topology, "region-us", poisoned.userId()));
            assertEquals(1.0, Metrics.sum(us, "silo_outbox_applied_total") - appliedBefore, 0.0, "applied once");
            assertEquals(0.0, Metrics.sum(us, "silo_outbox_unchanged_total") - unchangedBefore, 0.0, "delivered once");
            assertTrue(deadLetterOf(operator, poisoned.userId()).isEmpty(), "no longer in DLQ");
            assertEquals(404, operator.post(replay, null).status(), "a second replay finds nothing");
        } finally {
            execute(topology, "region_us", "ALTER TABLE region.user_replica DROP CONSTRAINT IF EXISTS test_poison_refused");
        }
    }

    /**
     * Forty renames held back and then drained at once reach us's consumer sessions together, so they are applied in
     * batches; the batch holding the poisoned one fails and rolls back, and its messages come again one at a time.
     * Every healthy rename is applied exactly once (none lost with the failed batch, none applied twice), and only
     * the poisoned one is parked.
     */
    @Test
    void aFailingMessageInABatchLeavesEveryOtherAppliedExactlyOnce(Topology topology) throws Exception {
        String poison = "Batch poison " + UUID.randomUUID().toString().substring(0, 8);
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 40, "batch");
        ChangeWriter.Account poisoned = accounts.get(17);
        ReplicaCheck.awaitReplicated(topology, ReplicaCheck.ids(accounts), Duration.ofSeconds(60));

        URI us = topology.url("region-us");
        ApiClient operator = ApiClient.withToken(us, Accounts.token(Accounts.operator(topology.url("control")).session(), "admin"));
        awaitStatus(operator, "/api/0/admin/outbox/dead-letters/", 200);
        execute(topology, "region_us", "ALTER TABLE region.user_replica ADD CONSTRAINT test_batch_poison CHECK (name <> '" + poison + "') NOT VALID");
        try {
            topology.setLiveConfig("silo.outbox.disabled-categories", "USER_REPLICA");
            Thread.sleep(SETTLE_MILLIS);
            double appliedBefore = Metrics.sum(us, "silo_outbox_applied_total", "category=\"USER_REPLICA\"");
            double unchangedBefore = Metrics.sum(us, "silo_outbox_unchanged_total", "category=\"USER_REPLICA\"");
            for (int i = 0; i < accounts.size(); i++) {
                assertEquals(200, ChangeWriter.rename(accounts.get(i), accounts.get(i) == poisoned ? poison : "Batched " + i).status());
            }
            topology.setLiveConfig("silo.outbox.disabled-categories", null);

            for (int i = 0; i < accounts.size(); i++) {
                if (accounts.get(i) != poisoned) {
                    assertEquals("Batched " + i, await(topology, "region-us", accounts.get(i).userId(), "Batched " + i));
                }
            }
            assertTrue(awaitDeadLetter(operator, poisoned.userId(), Duration.ofSeconds(60)).isPresent(),
                    "the poisoned message is parked");
            assertEquals(accounts.size() - 1, Metrics.sum(us, "silo_outbox_applied_total", "category=\"USER_REPLICA\"")
                    - appliedBefore, 0.0, "each healthy rename applied once");
            assertEquals(0.0, Metrics.sum(us, "silo_outbox_unchanged_total", "category=\"USER_REPLICA\"") - unchangedBefore,
                    0.0, "no rename delivered again after it was applied");
            assertEquals("Batched 16", await(topology, "region-eu", accounts.get(16).userId(), "Batched 16"));
            assertEquals(poison, await(topology, "region-eu", poisoned.userId(), poison), "the other region is unaffected");
        } finally {
            topology.setLiveConfig("silo.outbox.disabled-categories", null);
            execute(topology, "region_us", "ALTER TABLE region.user_replica DROP CONSTRAINT IF EXISTS test_batch_poison");
        }
    }

    private static void awaitStatus(ApiClient client, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Reply reply = client.get(path);
        while (reply.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(300);
            reply = client.get(path);
        }
        assertEquals(status, reply.status(), "the operator's token reached the region: " + reply);
    }

    /** max-delivery-attempts of the silo queues, as server-config/artemis/broker.xml sets it. */
    private static double maxDeliveryAttempts() throws Exception {
        Matcher setting = Pattern.compile("<max-delivery-attempts>(\\d+)</max-delivery-attempts>")
                .matcher(Files.readString(Launcher.ROOT.resolve("server-config/artemis/broker.xml")));
        assertTrue(setting.find(), "broker.xml sets max-delivery-attempts");
        return Integer.parseInt(setting.group(1));
    }

    private static Optional<JsonObject> deadLetterOf(ApiClient operator, long objectId) {
        Reply letters = operator.get("/api/0/admin/outbox/dead-letters/?per_page=100");
        assertEquals(200, letters.status(), letters.toString());
        return letters.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(letter -> String.valueOf(objectId).equals(letter.getString("objectId", null))).findFirst();
    }

    private static Optional<JsonObject> awaitDeadLetter(ApiClient operator, long objectId, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonObject> found = deadLetterOf(operator, objectId);
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(500);
        }
        return Optional.empty();
    }

    private static void execute(Topology topology, String database, String sql) throws Exception {
        try (Connection connection = topology.connectAsAdmin(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String name(Topology topology, String region, long userId) throws Exception {
        return ReplicaCheck.query(topology, region, "SELECT max(name) FROM region.user_replica WHERE id = ANY (?)", List.of(userId));
    }

    private static String await(Topology topology, String region, long userId, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String name = name(topology, region, userId);
        while (!expected.equals(name) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            name = name(topology, region, userId);
        }
        return name;
    }
}
