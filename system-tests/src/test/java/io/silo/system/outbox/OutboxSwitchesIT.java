package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.OutboxTopologyTest;
import io.silo.system.harness.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shard or a category switched off in the live configuration ({@code silo.outbox.disabled-shards},
 * {@code silo.outbox.disabled-categories}): its rows stay in control's outbox while everything else flows,
 * and drain once switched on again, without a restart.
 */
@OutboxTopologyTest
class OutboxSwitchesIT {

    /** The servers' config cache (5 s) plus a drain sweep (3 s) and some slack. */
    private static final long SETTLE_MILLIS = 9000;

    @Test
    void aDisabledShardAndADisabledCategoryWaitInTheOutboxAndDrainWhenEnabledAgain(Topology topology) throws Exception {
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 2, "switched");
        ChangeWriter.Account held = accounts.get(0);
        ChangeWriter.Account flowing = accounts.get(1);
        List<Long> ids = ReplicaCheck.ids(accounts);
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(30));

        topology.setLiveConfig("silo.outbox.disabled-shards", "USER:" + held.userId());
        topology.setLiveConfig("silo.outbox.disabled-categories", "API_TOKEN_REPLICA");
        try {
            Thread.sleep(SETTLE_MILLIS);
            assertEquals(200, ChangeWriter.rename(held, "Held back").status());
            assertEquals(200, ChangeWriter.rename(flowing, "Flowing").status());
            assertEquals(201, flowing.session().post("/api/0/api-tokens/", "{\"name\":\"held\",\"scopes\":[\"member:read\"]}").status());
            Thread.sleep(SETTLE_MILLIS);

            List<Long> heldId = List.of(held.userId());
            List<Long> flowingId = List.of(flowing.userId());
            for (String region : ReplicaCheck.REGIONS) {
                assertEquals(userPart(ReplicaCheck.control(topology, flowingId)), userPart(ReplicaCheck.region(topology, region, flowingId)),
                        "an enabled shard's user flows to " + region);
                assertNotEquals(ReplicaCheck.control(topology, heldId), ReplicaCheck.region(topology, region, heldId),
                        "the disabled shard's rename waits for " + region);
                assertNotEquals(ReplicaCheck.control(topology, flowingId), ReplicaCheck.region(topology, region, flowingId),
                        "the disabled category's token waits for " + region);
            }
            assertEquals(2, ReplicaCheck.depth(topology, heldId), "the held rename waits for each region");
            assertEquals(2, ReplicaCheck.depth(topology, flowingId), "the held token waits for each region");
        } finally {
            topology.setLiveConfig("silo.outbox.disabled-shards", null);
            topology.setLiveConfig("silo.outbox.disabled-categories", null);
        }
        ReplicaCheck.awaitReplicated(topology, ids, Duration.ofSeconds(30));
        assertTrue(ReplicaCheck.control(topology, List.of(flowing.userId())).contains("1 tokens"), "the held token arrived");
    }

    private static String userPart(String checksums) {
        return checksums.substring(0, checksums.indexOf(','));
    }
}
