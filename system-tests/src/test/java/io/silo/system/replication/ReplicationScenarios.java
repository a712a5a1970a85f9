package io.silo.system.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Control → region replication through the outbox and Artemis on real servers: what control commits shows
 * up in every region's database with the right version, coalesced, and survives a broker killed while
 * control keeps writing. The subclasses name the servers of each topology.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ReplicationScenarios {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private record Account(ApiClient session, long userId) {
    }

    private static Account signUp(Topology topology, String server, String who) {
        ApiClient session = ApiClient.anonymous(topology.url(server));
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply login = session.signUpAndLogin(email, "Person " + who, "pw-" + UUID.randomUUID());
        assertEquals(200, login.status(), login.toString());
        Reply me = session.get("/api/0/users/me/");
        assertEquals(200, me.status(), me.toString());
        return new Account(session, Long.parseLong(me.json().getString("id")));
    }

    private static long createToken(ApiClient session) {
        Reply created = session.post("/api/0/api-tokens/", Json.createObjectBuilder().add("name", "replicated")
                .add("scopes", Json.createArrayBuilder().add("member:read").add("org:read")).build().toString());
        assertEquals(201, created.status(), created.toString());
        return Long.parseLong(created.json().getString("id"));
    }

    @Test
    @Order(1)
    void signUpAndTokensReachEveryRegionWithTheirVersions(Topology topology) throws Exception {
        Account account = signUp(topology, topology.controlServer(), "replica");
        long tokenId = createToken(account.session());

        String scopes = queryOne(topology, topology.controlServer(), "SELECT scopes FROM control.api_tokens WHERE id = ?", tokenId);
        assertEquals(Set.of("member:read", "org:read"), Set.of(scopes.split(" ")), scopes);
        String expectedToken = scopes + "|false|1|" + account.userId();
        for (String region : topology.regions().stream().map(topology::regionServer).toList()) {
            assertEquals("Person replica|true|1", await(topology, region,
                    "SELECT name || '|' || is_active || '|' || version FROM region.user_replica WHERE id = ?",
                    account.userId(), "Person replica|true|1"), "user replica in " + region);
            assertEquals(expectedToken, await(topology, region,
                    "SELECT scopes || '|' || is_revoked || '|' || version || '|' || user_id FROM region.api_token_replica"
                            + " WHERE id = ?", tokenId, expectedToken),
                    "token replica in " + region);
        }

        Reply revoked = account.session().delete("/api/0/api-tokens/" + tokenId + "/");
        assertEquals(204, revoked.status(), revoked.toString());
        for (String region : topology.regions().stream().map(topology::regionServer).toList()) {
            assertEquals("true|2", await(topology, region,
                    "SELECT is_revoked || '|' || version FROM region.api_token_replica WHERE id = ?", tokenId, "true|2"),
                    "revocation in " + region);
        }
        String controlHash = queryOne(topology, topology.controlServer(),
                "SELECT token_hash FROM control.api_tokens WHERE id = ?", tokenId);
        for (String region : topology.regions().stream().map(topology::regionServer).toList()) {
            assertEquals(controlHash, queryOne(topology, region,
                    "SELECT token_hash FROM region.api_token_replica WHERE id = ?", tokenId), "hash in " + region);
        }
        assertEquals("0", await(topology, topology.controlServer(),
                "SELECT count(*) FROM control.control_outbox WHERE shard_id = ?", account.userId(), "0"),
                "delivered rows leave the outbox");
    }

    @Test
    @Order(2)
    void manyRenamesEndAtTheLastNameAndVersion(Topology topology) throws Exception {
        Account account = signUp(topology, topology.controlServer(), "renamed");
        for (int i = 1; i <= 25; i++) {
            Reply renamed = account.session().put("/api/0/users/me/", "{\"name\":\"Name " + i + "\"}");
            assertEquals(200, renamed.status(), renamed.toString());
        }
        String expected = queryOne(topology, topology.controlServer(),
                "SELECT name || '|' || version FROM control.users WHERE id = ?", account.userId());
        assertTrue(expected.startsWith("Name 25|"), expected);
        assertTrue(Long.parseLong(expected.substring(expected.indexOf('|') + 1)) >= 26, "each rename raised the version: " + expected);
        for (String region : topology.regions().stream().map(topology::regionServer).toList()) {
            assertEquals(expected, await(topology, region,
                    "SELECT name || '|' || version FROM region.user_replica WHERE id = ?", account.userId(), expected),
                    "the last rename wins in " + region);
        }
    }

    @Test
    @Order(3)
    void everyChangeArrivesOnceAfterTheBrokerIsKilledAndRestarted(Topology topology) throws Exception {
        topology.kill("broker-" + topology.regionServer(topology.regions().get(0)));
        List<Account> accounts = new ArrayList<>();
        List<Long> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Account account = signUp(topology, topology.controlServer(), "outage" + i);
            accounts.add(account);
            tokens.add(createToken(account.session()));
            Reply renamed = account.session().put("/api/0/users/me/", "{\"name\":\"After outage " + i + "\"}");
            assertEquals(200, renamed.status(), renamed.toString());
        }
        String ids = accounts.stream().map(account -> String.valueOf(account.userId())).reduce((a, b) -> a + "," + b).orElseThrow();
        long waiting = Long.parseLong(queryOne(topology, topology.controlServer(),
                "SELECT count(*) FROM control.control_outbox WHERE shard_id = ANY (string_to_array(?, ',')::bigint[])", ids));
        assertTrue(waiting >= accounts.size(), "with the broker down the changes wait in the outbox: " + waiting);

        ProcessResult restarted = topology.up();
        assertEquals(0, restarted.exitCode(), restarted.stderr());

        String expectedUsers = queryOne(topology, topology.controlServer(), "SELECT string_agg(id || ':' || name || ':' || version, ',' ORDER BY id)"
                + " FROM control.users WHERE id = ANY (string_to_array(?, ',')::bigint[])", ids);
        String expectedTokens = queryOne(topology, topology.controlServer(), "SELECT string_agg(id || ':' || version, ',' ORDER BY id)"
                + " FROM control.api_tokens WHERE user_id = ANY (string_to_array(?, ',')::bigint[])", ids);
        for (String region : topology.regions().stream().map(topology::regionServer).toList()) {
            assertEquals(expectedUsers, await(topology, region, "SELECT string_agg(id || ':' || name || ':' || version, ','"
                    + " ORDER BY id) FROM region.user_replica WHERE id = ANY (string_to_array(?, ',')::bigint[])", ids,
                    expectedUsers, Duration.ofSeconds(90)), "every user, once, at its last version in " + region);
            assertEquals(expectedTokens, await(topology, region, "SELECT string_agg(id || ':' || version, ',' ORDER BY id)"
                    + " FROM region.api_token_replica WHERE user_id = ANY (string_to_array(?, ',')::bigint[])", ids,
                    expectedTokens, Duration.ofSeconds(90)), "every token, once, in " + region);
        }
        assertEquals("0", await(topology, topology.controlServer(), "SELECT count(*) FROM control.control_outbox"
                + " WHERE shard_id = ANY (string_to_array(?, ',')::bigint[])", ids, "0", Duration.ofSeconds(30)));
        assertEquals(tokens.size(), expectedTokens.split(",").length);
    }

    @Test
    @Order(4)
    void aDeactivatedAccountTravelsAsAnInactiveReplicaAndItsTokensStopEverywhere(Topology topology) throws Exception {
        Account account = signUp(topology, topology.controlServer(), "leaving");
        Reply created = account.session().post("/api/0/api-tokens/", Json.createObjectBuilder().add("name", "leaving")
                .add("scopes", Json.createArrayBuilder().add("member:read")).build().toString());
        assertEquals(201, created.status(), created.toString());
        ApiClient token = ApiClient.withToken(topology.url(topology.controlServer()), created.json().getString("token"));
        assertEquals(200, token.get("/api/0/users/me/").status());
        for (String region : topology.regions().stream().map(topology::regionServer).toList()) {
            assertEquals("true", await(topology, region, "SELECT is_active::text FROM region.user_replica WHERE id = ?",
                    account.userId(), "true"), "active replica in " + region);
        }

        Reply closed = account.session().delete("/api/0/users/me/");
        assertEquals(204, closed.status(), closed.toString());

        assertEquals(401, token.get("/api/0/users/me/").status(), "control refuses the closed account's token at once");
        assertEquals(401, account.session().get("/api/0/users/me/").status(), "and its session");
        String expected = "false|" + queryOne(topology, topology.controlServer(), "SELECT version FROM control.users WHERE id = ?",
                account.userId());
        for (String region : topology.regions().stream().map(topology::regionServer).toList()) {
            assertEquals(expected, await(topology, region, "SELECT is_active || '|' || version FROM region.user_replica"
                    + " WHERE id = ?", account.userId(), expected), "the inactive replica replaces the active one in " + region);
        }
    }

    private static String queryOne(Topology topology, String server, String sql, Object parameter) throws SQLException {
        return Database.queryOne(topology, server, sql, parameter);
    }

    private static String await(Topology topology, String server, String sql, Object parameter, String expected)
            throws Exception {
        return await(topology, server, sql, parameter, expected, ARRIVAL);
    }

    private static String await(Topology topology, String server, String sql, Object parameter, String expected,
                                Duration within) throws Exception {
        return Database.await(topology, server, within, expected, sql, parameter);
    }
}
