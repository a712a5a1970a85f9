package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.Metrics;
import io.silo.system.harness.OutboxTopologyTest;
import io.silo.system.harness.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Outages of the pieces replication runs on, each while control keeps taking changes: a region's broker,
 * control's PostgreSQL, a region's application server. The outbox (or the broker) holds what cannot go
 * on, and once the piece is back everything arrives, once.
 */
@OutboxTopologyTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageIT {

    private static final String CONTROL_ROWS_TO = "SELECT count(*) FROM control.control_outbox WHERE destination = ? AND shard_id = ANY (?)";

    @Test
    @Order(1)
    void aStoppedRegionBrokerMakesTheOutboxGrowAndItDrainsAfterTheRestart(Topology topology) throws Exception {
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 4, "broker-outage");
        List<Long> ids = ReplicaCheck.ids(accounts);
        double failuresBefore = failures(topology, "us");

        topology.stop("broker-region-us");
        try (ChangeWriter.Load load = new ChangeWriter.Load(topology, accounts)) {
            Thread.sleep(8000);
        }
        long waitingForUs = rowsTo(topology, "us", ids);
        assertTrue(waitingForUs > 0, "with us's broker down its rows wait in control's outbox: " + waitingForUs);
        assertTrue(failures(topology, "us") > failuresBefore, "failed sends to us are counted");
        assertTrue(Metrics.sum(topology.url("control"), "silo_outbox_depth", "destination=\"us\"")
                + Metrics.sum(topology.url("control-2"), "silo_outbox_depth", "destination=\"us\"") > 0,
                "the depth metric shows the rows waiting for us");
        assertEquals(0, awaitNoRowsTo(topology, "eu", ids, Duration.ofSeconds(10)), "eu's rows kept flowing meanwhile");

        ProcessResult restarted = topology.up();
        assertEquals(0, restarted.exitCode(), restarted.stderr());
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(90));
    }

    @Test
    @Order(2)
    void restartingControlsDatabaseLosesNothing(Topology topology) throws Exception {
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 4, "database-outage");
        List<Long> ids = ReplicaCheck.ids(accounts);
        int written;
        try (ChangeWriter.Load load = new ChangeWriter.Load(topology, accounts)) {
            Thread.sleep(2000);
            topology.stop("postgres");
            Thread.sleep(3000);
            ProcessResult restarted = topology.up();
            assertEquals(0, restarted.exitCode(), restarted.stderr());
            // pooled connections are validated at most every 10 s, so a few requests may still meet a dead one
            int before = load.succeeded();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (load.succeeded() - before < 10 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            written = load.succeeded() - before;
        }
        assertTrue(written >= 10, "control takes changes again within 30 s of its database coming back: " + written);
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(90));
    }

    @Test
    @Order(3)
    void aRegionServerDownForAWhileGetsEverythingWhenBack(Topology topology) throws Exception {
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 4, "server-outage");
        List<Long> ids = ReplicaCheck.ids(accounts);
        String euBefore = ReplicaCheck.region(topology, "region-eu", ids);

        topology.stop("region-eu");
        try (ChangeWriter.Load load = new ChangeWriter.Load(topology, accounts)) {
            Thread.sleep(20_000);
        }
        assertEquals(0, awaitNoRowsTo(topology, "eu", ids, Duration.ofSeconds(30)),
                "the outbox drains to eu's broker while eu's server is down");
        assertEquals(euBefore, ReplicaCheck.region(topology, "region-eu", ids), "nothing was applied in eu meanwhile");

        ProcessResult restarted = topology.up();
        assertEquals(0, restarted.exitCode(), restarted.stderr());
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(90));
    }

    private static double failures(Topology topology, String destination) {
        return ChangeWriter.controlServers(topology).stream()
                .mapToDouble(server -> Metrics.sum(topology.url(server), "silo_outbox_failures_total", "destination=\"" + destination + "\""))
                .sum();
    }

    private static long awaitNoRowsTo(Topology topology, String destination, List<Long> ids, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long rows = rowsTo(topology, destination, ids);
        while (rows > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            rows = rowsTo(topology, destination, ids);
        }
        return rows;
    }

    private static long rowsTo(Topology topology, String destination, List<Long> ids) throws Exception {
        try (var connection = topology.connectAs("control"); var query = connection.prepareStatement(CONTROL_ROWS_TO)) {
            query.setString(1, destination);
            query.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            try (var result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
