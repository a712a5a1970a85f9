package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.outbox.DeadLetters;
import io.silo.common.outbox.DeadLetters.DeadLetter;
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
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * A message the region cannot apply: us's replica table refuses one name (a check constraint, as a schema
 * that drifted from control's would). The real consumer fails on it at every delivery; after
 * max-delivery-attempts (broker.xml) Artemis parks it in DLQ while other shards and the other region carry
 * on. Once the cause is gone, {@link DeadLetters#replay} puts it back and it is applied exactly once.
 */
@OutboxTopologyTest
class PoisonMessageIT {

    /** A name of this run only: the constraint refuses it, and rows of earlier runs (data is kept) stay valid. */
    private static final String POISON = "Poison pill " + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMessageThatKeepsFailingGoesToTheDeadLetterQueueAndIsAppliedOnceWhenReplayed(Topology topology) throws Exception {
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 2, "poison");
        ChangeWriter.Account poisoned = accounts.get(0);
        ChangeWriter.Account healthy = accounts.get(1);
        List<Long> ids = ReplicaCheck.ids(accounts);
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(30));

        URI us = topology.url("region-us");
        double failuresBefore = Metrics.sum(us, "silo_outbox_apply_failures_total", "category=\"USER_REPLICA\"");
        try (ActiveMQConnectionFactory usBroker = brokerOf(topology, "region-us")) {
            DeadLetters deadLetters = new DeadLetters(usBroker);
            execute(topology, "region_us", "ALTER TABLE region.user_replica ADD CONSTRAINT test_poison_refused CHECK (name <> '" + POISON + "') NOT VALID");
            try {
                assertEquals(200, ChangeWriter.rename(poisoned, POISON).status());
                for (int i = 1; i <= 5; i++) {
                    assertEquals(200, ChangeWriter.rename(healthy, "Healthy " + i).status());
                }

                DeadLetter parked = awaitDeadLetter(deadLetters, poisoned.userId(), Duration.ofSeconds(60))
                        .orElseThrow(() -> new AssertionError("the poisoned message never reached DLQ: " + deadLetters.list()));
                assertEquals("silo.outbox.region-us", parked.originalQueue());
                assertEquals("USER:" + poisoned.userId(), parked.shard());
                assertEquals(maxDeliveryAttempts(), Metrics.sum(us, "silo_outbox_apply_failures_total",
                        "category=\"USER_REPLICA\"") - failuresBefore, 0.0, "failed deliveries before DLQ");
                assertEquals("Healthy 5", await(topology, "region-us", healthy.userId(), "Healthy 5"), "other shards keep flowing");
                assertEquals(POISON, await(topology, "region-eu", poisoned.userId(), POISON), "the other region is unaffected");
                assertFalse(POISON.equals(name(topology, "region-us", poisoned.userId())), "us has not applied it");

                execute(topology, "region_us", "ALTER TABLE region.user_replica DROP CONSTRAINT test_poison_refused");
                double appliedBefore = Metrics.sum(us, "silo_outbox_applied_total");
                double unchangedBefore = Metrics.sum(us, "silo_outbox_unchanged_total");
                assertTrue(deadLetters.replay(parked.messageId()), "replayed");
                ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(30));
                assertEquals(POISON, name(topology, "region-us", poisoned.userId()));
                assertEquals(1.0, Metrics.sum(us, "silo_outbox_applied_total") - appliedBefore, 0.0, "applied once");
                assertEquals(0.0, Metrics.sum(us, "silo_outbox_unchanged_total") - unchangedBefore, 0.0, "delivered once");
                assertTrue(deadLetters.list().stream().noneMatch(letter -> letter.messageId().equals(parked.messageId())),
                        "no longer in DLQ");
                assertFalse(deadLetters.replay(parked.messageId()), "a second replay finds nothing");
            } finally {
                execute(topology, "region_us", "ALTER TABLE region.user_replica DROP CONSTRAINT IF EXISTS test_poison_refused");
            }
        }
    }

    /** max-delivery-attempts of the silo queues, as server-config/artemis/broker.xml sets it. */
    private static double maxDeliveryAttempts() throws Exception {
        Matcher setting = Pattern.compile("<max-delivery-attempts>(\\d+)</max-delivery-attempts>")
                .matcher(Files.readString(Launcher.ROOT.resolve("server-config/artemis/broker.xml")));
        assertTrue(setting.find(), "broker.xml sets max-delivery-attempts");
        return Integer.parseInt(setting.group(1));
    }

    private static Optional<DeadLetter> awaitDeadLetter(DeadLetters deadLetters, long objectId, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<DeadLetter> found = deadLetters.list().stream().filter(letter -> letter.objectId() == objectId).findFirst();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(500);
        }
        return Optional.empty();
    }

    static ActiveMQConnectionFactory brokerOf(Topology topology, String server) {
        Properties config = topology.serverConfig(server);
        return new ActiveMQConnectionFactory(config.getProperty("silo.broker.url"), config.getProperty("silo.broker.user"),
                config.getProperty("silo.broker.password"));
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
