package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Metrics;
import io.silo.system.harness.OutboxTopologyTest;
import io.silo.system.harness.Topology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both control instances drain at once, and still no shard is sent by both or out of order: every message
 * a region received changed its replica (a duplicate or an older version would count as unchanged), and
 * the messages the two instances sent add up to exactly what each region applied.
 */
@OutboxTopologyTest
class TwoDrainersIT {

    /** The counters this test compares, read from every server at one moment. */
    private record Counters(Map<String, Double> sentByInstance, Map<String, Double> sentToRegion,
                            Map<String, Double> applied, Map<String, Double> unchanged) {

        static Counters read(Topology topology) {
            Map<String, Double> sentByInstance = new LinkedHashMap<>();
            for (String control : ChangeWriter.controlServers(topology)) {
                sentByInstance.put(control, Metrics.sum(topology.url(control), "silo_outbox_sent_total"));
            }
            Map<String, Double> sentToRegion = new LinkedHashMap<>();
            Map<String, Double> applied = new LinkedHashMap<>();
            Map<String, Double> unchanged = new LinkedHashMap<>();
            for (String region : ReplicaCheck.REGIONS) {
                String destination = "destination=\"" + region.substring("region-".length()) + "\"";
                sentToRegion.put(region, ChangeWriter.controlServers(topology).stream()
                        .mapToDouble(control -> Metrics.sum(topology.url(control), "silo_outbox_sent_total", destination)).sum());
                applied.put(region, Metrics.sum(topology.url(region), "silo_outbox_applied_total"));
                unchanged.put(region, Metrics.sum(topology.url(region), "silo_outbox_unchanged_total"));
            }
            return new Counters(sentByInstance, sentToRegion, applied, unchanged);
        }
    }

    @Test
    void twoDrainingInstancesSendEveryShardOnceAndInOrder(Topology topology) throws Exception {
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 8, "drainers");
        List<Long> ids = ReplicaCheck.ids(accounts);
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(30));

        Counters before = Counters.read(topology);
        int written;
        try (ChangeWriter.Load load = new ChangeWriter.Load(topology, accounts)) {
            Thread.sleep(8000);
            written = load.succeeded();
        }
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(60));
        Counters after = Counters.read(topology);

        assertTrue(written > 100, "changes written: " + written);
        for (String control : before.sentByInstance().keySet()) {
            assertTrue(after.sentByInstance().get(control) > before.sentByInstance().get(control), control + " drained too");
        }
        for (String region : ReplicaCheck.REGIONS) {
            assertEquals(0.0, after.unchanged().get(region) - before.unchanged().get(region), 0.0,
                    "no duplicate or out-of-order message in " + region);
            assertEquals(after.sentToRegion().get(region) - before.sentToRegion().get(region),
                    after.applied().get(region) - before.applied().get(region), 0.0,
                    "what both instances sent is what " + region + " applied");
        }
    }
}
