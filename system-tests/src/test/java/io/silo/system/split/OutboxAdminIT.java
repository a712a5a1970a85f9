package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.RegionMessages;
import io.silo.system.harness.SplitTopologyTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The operator endpoints of control's outbox and broker: who may call them, a failing shard as they show it
 * and re-enabling it, and a message parked in the dead-letter queue, replayed once its cause is fixed, or
 * discarded.
 */
@SplitTopologyTest
class OutboxAdminIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private static ApiClient operatorToken(Topology topology) {
        return ApiClient.withToken(topology.url("control"), Accounts.token(Accounts.operator(topology.url("control")).session(), "admin"));
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52);
    }

    @Test
    void operatorEndpointsNeedTheAdminScopeWhichOnlyOperatorsGet(Topology topology) {
        ApiClient anonymous = ApiClient.anonymous(topology.url("control"));
        Reply noCredential = anonymous.get("/api/0/admin/outbox/shards/");
        assertEquals(401, noCredential.status(), noCredential.toString());
        assertTrue(noCredential.isProblem(), noCredential.toString());

        Accounts.Account someone = Accounts.signUp(topology.url("control"), "not-operator");
        Reply refused = Accounts.createToken(someone.session(), "admin");
        assertEquals(403, refused.status(), "a user who is no operator cannot mint an admin token: " + refused);
        ApiClient reader = ApiClient.withToken(topology.url("control"), Accounts.token(someone.session(), "member:admin", "org:admin"));
        for (Reply reply : List.of(reader.get("/api/0/admin/outbox/shards/"), reader.get("/api/0/admin/outbox/dead-letters/"),
                reader.post("/api/0/admin/outbox/dead-letters/00000000-0000-0000-0000-000000000000/replay/", null),
                someone.session().get("/api/0/admin/outbox/shards/"))) {
            assertEquals(403, reply.status(), reply.toString());
            assertTrue(reply.isProblem(), reply.toString());
        }

        Accounts.Account operator = Accounts.operator(topology.url("control"));
        assertEquals(200, operator.session().get("/api/0/admin/outbox/shards/").status(), "an operator's session has the admin scope");
        ApiClient admin = operatorToken(topology);
        assertEquals(200, admin.get("/api/0/admin/outbox/shards/").status());
        assertEquals(200, admin.get("/api/0/admin/outbox/dead-letters/").status());
        Reply unknown = admin.delete("/api/0/admin/outbox/dead-letters/00000000-0000-0000-0000-000000000000/");
        assertEquals(404, unknown.status(), unknown.toString());
        assertTrue(unknown.isProblem(), unknown.toString());
        assertEquals(404, admin.post("/api/0/admin/outbox/shards/PLANET/1/enable/", null).status());
    }

    @Test
    void aFailingShardShowsItsErrorAndReEnablingItDrainsItBeforeItsBackOffEnds(Topology topology) throws Exception {
        ApiClient admin = operatorToken(topology);
        topology.kill("broker-region-eu");
        long userId;
        try {
            userId = Accounts.signUp(topology.url("control"), "stuck").userId();
            // six failures put the next attempt 64 s away: time enough to restart the broker even on a busy machine
            String row = "SELECT (attempts >= 6)::text FROM control.control_outbox"
                    + " WHERE destination = 'eu' AND shard_scope = 'USER' AND shard_id = ? AND category = 'USER_REPLICA'";
            assertEquals("true", Database.await(topology, "control", Duration.ofSeconds(150), "true", row, userId),
                    "sends to eu's dead broker keep failing and back off");

            JsonObject shard = findShard(admin, "eu", userId).orElseThrow(() -> new AssertionError("shard not listed"));
            assertEquals("USER_REPLICA", shard.getString("category"));
            assertEquals(1, shard.getInt("depth"));
            assertTrue(shard.getInt("attempts") >= 6, shard.toString());
            assertFalse(shard.getString("lastError").isBlank(), shard.toString());
            assertTrue(OffsetDateTime.parse(shard.getString("nextAttemptAt")).isAfter(OffsetDateTime.now()), shard.toString());
            assertFalse(shard.getBoolean("disabled"));
            assertTrue(findShard(admin, "us", userId).isEmpty(), "us received its copy: nothing waits for it");
        } finally {
            ProcessResult restarted = topology.up();
            assertEquals(0, restarted.exitCode(), restarted.stderr());
        }
        String nextAttempt = Database.queryOne(topology, "control", "SELECT to_char(min(scheduled_for)"
                + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM control.control_outbox WHERE destination = 'eu'"
                + " AND shard_id = ?", userId);
        assertNotNull(nextAttempt, "the broker's restart outlasted the shard's back-off: nothing left to re-enable");
        Instant backOffEnds = OffsetDateTime.parse(nextAttempt).toInstant();

        Reply enabled = admin.post("/api/0/admin/outbox/shards/USER/" + userId + "/enable/?destination=eu", null);
        assertEquals(200, enabled.status(), enabled.toString());
        assertEquals(1, enabled.json().getInt("enabled"));

        assertEquals("1", Database.await(topology, "region-eu", ARRIVAL, "1",
                "SELECT count(*) FROM region.user_replica WHERE id = ?", userId));
        assertTrue(Instant.now().isBefore(backOffEnds), "the shard drained before its back-off (until " + backOffEnds + ") ended");
        assertEquals("0", Database.await(topology, "control", ARRIVAL, "0",
                "SELECT count(*) FROM control.control_outbox WHERE shard_id = ?", userId));
        assertEquals(404, admin.post("/api/0/admin/outbox/shards/USER/" + userId + "/enable/", null).status(),
                "nothing waits in the shard any more");
    }

    private static Optional<JsonObject> findShard(ApiClient admin, String destination, long userId) {
        Reply listed = admin.get("/api/0/admin/outbox/shards/?per_page=100");
        assertEquals(200, listed.status(), listed.toString());
        return listed.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(shard -> shard.getString("destination").equals(destination) && shard.getString("scope").equals("USER")
                        && shard.getString("shardId").equals(String.valueOf(userId)))
                .findFirst();
    }

    @Test
    void aConflictingSlugIsParkedReplayedOnceTheSlugIsFreeAndAnotherDiscarded(Topology topology) throws Exception {
        ApiClient admin = operatorToken(topology);
        long first = newId();
        long second = newId();
        String slug = "taken-" + first;
        String organization = "SELECT slug || '|' || region || '|' || version FROM control.organization_mapping WHERE id = ?";
        RegionMessages.organization(topology, "region-us", "us", first, slug, "First", "ACTIVE", 1);
        assertEquals(slug + "|us|1", Database.await(topology, "control", ARRIVAL, slug + "|us|1", organization, first));

        RegionMessages.organization(topology, "region-eu", "eu", second, slug, "Second", "ACTIVE", 1);
        JsonObject parked = awaitDeadLetter(admin, second).orElseThrow(() -> new AssertionError("no dead letter for " + second));
        assertEquals("ORGANIZATION_MAPPING", parked.getString("category"));
        assertEquals("ORGANIZATION", parked.getString("shardScope"));
        assertEquals(String.valueOf(second), parked.getString("shardId"));
        assertEquals("silo.outbox.control", parked.getString("queue"));
        assertEquals(1, parked.getInt("deliveryCount"), "a conflict is parked at once, not retried");
        assertTrue(parked.getString("reason").contains("held by organization " + first), parked.toString());
        assertTrue(parked.getString("payloadStart").contains("\"slug\":\"" + slug + "\""), parked.toString());
        assertEquals(null, Database.queryOne(topology, "control", organization, second));

        RegionMessages.organization(topology, "region-us", "us", first, "moved-" + first, "First", "ACTIVE", 2);
        assertEquals("moved-" + first + "|us|2", Database.await(topology, "control", ARRIVAL, "moved-" + first + "|us|2",
                organization, first));
        Reply replayed = admin.post("/api/0/admin/outbox/dead-letters/" + parked.getString("id") + "/replay/", null);
        assertEquals(200, replayed.status(), replayed.toString());
        assertEquals(slug + "|eu|1", Database.await(topology, "control", ARRIVAL, slug + "|eu|1", organization, second),
                "the replayed message applies now that the slug is free");
        assertTrue(deadLetterOf(admin, second).isEmpty(), "a replayed message leaves the dead-letter queue");
        assertEquals(404, admin.post("/api/0/admin/outbox/dead-letters/" + parked.getString("id") + "/replay/", null).status());

        long third = newId();
        RegionMessages.organization(topology, "region-eu", "eu", third, "moved-" + first, "Third", "ACTIVE", 1);
        JsonObject doomed = awaitDeadLetter(admin, third).orElseThrow(() -> new AssertionError("no dead letter for " + third));
        Reply discarded = admin.delete("/api/0/admin/outbox/dead-letters/" + doomed.getString("id") + "/");
        assertEquals(204, discarded.status(), discarded.toString());
        assertTrue(deadLetterOf(admin, third).isEmpty(), "a discarded message is gone");
        assertEquals(404, admin.delete("/api/0/admin/outbox/dead-letters/" + doomed.getString("id") + "/").status());
        assertEquals(null, Database.queryOne(topology, "control", organization, third));
    }

    private static Optional<JsonObject> deadLetterOf(ApiClient admin, long objectId) {
        Reply listed = admin.get("/api/0/admin/outbox/dead-letters/");
        assertEquals(200, listed.status(), listed.toString());
        return listed.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(letter -> !letter.isNull("objectId") && letter.getString("objectId").equals(String.valueOf(objectId)))
                .findFirst();
    }

    private static Optional<JsonObject> awaitDeadLetter(ApiClient admin, long objectId) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        Optional<JsonObject> letter = deadLetterOf(admin, objectId);
        while (letter.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            letter = deadLetterOf(admin, objectId);
        }
        assertNotNull(letter);
        return letter;
    }
}
