package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.Metrics;
import io.silo.system.harness.OutboxTopologyTest;
import io.silo.system.harness.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A control instance killed with SIGKILL while it drains: the rows it had claimed roll back with its
 * database sessions, the other instance (and the killed one, once restarted) send them, and every change
 * arrives in every region exactly once at its latest version.
 */
@OutboxTopologyTest
class DrainerCrashIT {

    @Test
    void killingADrainingInstanceMidBatchLosesAndDuplicatesNothing(Topology topology) throws Exception {
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 8, "crash");
        List<Long> ids = ReplicaCheck.ids(accounts);

        long maxDepth = 0;
        double sentBeforeKill;
        ChangeWriter.Load load = new ChangeWriter.Load(topology, accounts);
        try {
            // kill the first instance only once it has drained some of this load and rows are waiting
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            double sentAtStart = Metrics.sum(topology.url("control"), "silo_outbox_sent_total");
            while (System.nanoTime() < deadline) {
                long depth = ReplicaCheck.depth(topology, ids);
                maxDepth = Math.max(maxDepth, depth);
                if (depth > 0 && load.succeeded() > 150) {
                    break;
                }
                Thread.sleep(5);
            }
            sentBeforeKill = Metrics.sum(topology.url("control"), "silo_outbox_sent_total") - sentAtStart;
            topology.kill("control");
            Thread.sleep(2000); // the other instance keeps taking writes meanwhile
        } finally {
            load.close();
        }
        assertTrue(maxDepth > 0, "rows were waiting in the outbox when the instance was killed");
        assertTrue(sentBeforeKill > 0, "the killed instance was draining: it had sent " + sentBeforeKill);
        assertTrue(load.succeeded() > 150, "changes written: " + load.succeeded());

        ProcessResult restarted = topology.up();
        assertEquals(0, restarted.exitCode(), restarted.stderr());

        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(90));
        assertTrue(ReplicaCheck.control(topology, ids).startsWith("8 users"), ReplicaCheck.control(topology, ids));
    }
}
