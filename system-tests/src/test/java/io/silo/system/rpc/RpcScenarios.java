package io.silo.system.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.silo.common.rpc.signing.RpcKey;
import io.silo.common.rpc.signing.RpcSignature;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.RegionMessages;
import io.silo.system.harness.ServerMetrics;
import io.silo.system.harness.SignedRpc;
import io.silo.system.harness.Topology;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * RPC between real servers: a region's code calling control's UserService, control's code calling a region's
 * ReplicaService, and the dispatch endpoint refusing what it must. Servers are made to call each other
 * through the testing endpoint {@code /api/0/internal/testing/rpc/…}, which uses the very client their own
 * code gets. The subclasses name the servers of each topology: over HTTP when split, in-process in a MONOLITH.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class RpcScenarios {

    private static final String NO_SUCH_USER = "urn:silo:rpc:error:io.silo.common.rpc.user.NoSuchUserException";
    private static final String FAILURE = "urn:silo:rpc:failure:";

    /** A server running region code that calls control: region us when split, the monolith's second instance. */
    private static String regionCaller(Topology topology) {
        return topology.isSplit() ? topology.regionServer(topology.regions().get(0))
                : topology.instancesOf(topology.controlServer()).get(1);
    }

    private static Reply probe(Topology topology, String server, String service, String method, String region, String arguments) {
        return ApiClient.anonymous(topology.url(server)).post("/api/0/internal/testing/rpc/" + service + "/" + method
                + (region == null ? "" : "?region=" + region), arguments);
    }

    private record Account(long id, String email) {
    }

    private Account signUp(Topology topology) {
        ApiClient session = ApiClient.anonymous(topology.url(topology.controlServer()));
        String email = "rpc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply login = session.signUpAndLogin(email, "Rpc Person", "pw-" + UUID.randomUUID());
        assertEquals(200, login.status(), login.toString());
        Reply me = session.get("/api/0/users/me/");
        return new Account(Long.parseLong(me.json().getString("id")), email);
    }

    private double calleeCalls(Topology topology, String server, String method) {
        return ServerMetrics.value(topology.url(server), "silo_rpc_calls_total",
                Map.of("method", method, "side", "callee"));
    }

    private static String caller(Topology topology) {
        return "region-" + (topology.isSplit() ? "us" : topology.region());
    }

    @Test
    @Order(1)
    void regionCodeCallsControlsUserService(Topology topology) {
        Account account = signUp(topology);
        double calleeBefore = calleeCalls(topology, topology.controlServer(), "getById");
        double localBefore = calleeCalls(topology, regionCaller(topology), "getById");

        Reply byEmail = probe(topology, regionCaller(topology), "user", "findByEmail", null,
                "{\"email\":\"" + account.email().toUpperCase() + "\"}");
        assertEquals(200, byEmail.status(), byEmail.toString());
        assertEquals(account.id(), byEmail.json().getJsonNumber("id").longValue());
        assertEquals("Rpc Person", byEmail.json().getString("name"));
        assertTrue(byEmail.json().getBoolean("active"));

        Reply byId = probe(topology, regionCaller(topology), "user", "getById", null, "{\"userId\":" + account.id() + "}");
        assertEquals(200, byId.status(), byId.toString());
        assertEquals(account.email(), byId.json().getString("email"));

        Reply list = probe(topology, regionCaller(topology), "user", "listByIds", null,
                "{\"userIds\":[" + account.id() + ",7," + account.id() + "]}");
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.jsonArray().size(), list.toString());

        Reply unknownEmail = probe(topology, regionCaller(topology), "user", "findByEmail", null, "{\"email\":\"nobody@example.com\"}");
        assertEquals("null", unknownEmail.body().strip(), "an empty Optional travels as null");

        if (topology.isSplit()) {
            assertEquals(calleeBefore + 1, calleeCalls(topology, topology.controlServer(), "getById"), "control served the call over HTTP");
        } else {
            assertEquals(localBefore, calleeCalls(topology, regionCaller(topology), "getById"),
                    "a MONOLITH calls in-process: its dispatch endpoint is not involved");
        }
    }

    @Test
    @Order(2)
    void controlCodeCallsARegionsReplicaService(Topology topology) throws InterruptedException {
        signUp(topology);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Reply summary;
        do {
            summary = probe(topology, topology.controlServer(), "replica", "summary", topology.region(), "{}");
            assertEquals(200, summary.status(), summary.toString());
            Thread.sleep(200);
        } while (summary.json().getJsonNumber("users").longValue() == 0 && Instant.now().isBefore(deadline));
        assertEquals(topology.region(), summary.json().getString("region"));
        assertTrue(summary.json().getJsonNumber("users").longValue() >= 1, summary.toString());
        assertTrue(summary.json().containsKey("lastReplicatedAt"), summary.toString());
    }

    @Test
    @Order(3)
    void organizationDirectoryAnswersRegionsAndRoutesControlsCallsByOrganization(Topology topology) throws InterruptedException {
        Account account = signUp(topology);
        long organizationId = 9_000_000_000L + (long) (Math.random() * 1_000_000_000L);
        String slug = "rpc-" + UUID.randomUUID().toString().substring(0, 8);
        RegionMessages.organization(topology, topology.regionServer(), topology.region(), organizationId, slug, "Rpc Org", "ACTIVE", 1);
        RegionMessages.write(topology, topology.regionServer(), "ORGANIZATION_MEMBER_MAPPING", "{\"id\":" + (organizationId + 1)
                + ",\"organizationId\":" + organizationId + ",\"userId\":" + account.id()
                + ",\"role\":\"owner\",\"removed\":false,\"version\":1}");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Reply found;
        do {
            Thread.sleep(200);
            found = probe(topology, regionCaller(topology), "organization-directory", "findBySlug", null,
                    "{\"slug\":\"" + slug.toUpperCase() + "\"}");
            assertEquals(200, found.status(), found.toString());
        } while (found.body().strip().equals("null") && Instant.now().isBefore(deadline));
        assertEquals(organizationId, found.json().getJsonNumber("id").longValue(), found.toString());
        assertEquals(topology.region(), found.json().getString("region"));
        assertEquals("ACTIVE", found.json().getString("status"));

        Reply picker;
        do {
            picker = probe(topology, regionCaller(topology), "organization-directory", "listForUser", null, "{\"userId\":" + account.id() + "}");
            Thread.sleep(200);
        } while (picker.jsonArray().isEmpty() && Instant.now().isBefore(deadline));
        assertEquals(slug, picker.jsonArray().getJsonObject(0).getString("slug"), picker.toString());

        Reply routed = ApiClient.anonymous(topology.url(topology.controlServer())).post("/api/0/internal/testing/rpc/replica/summary"
                + "?organization=" + organizationId, "{}");
        assertEquals(200, routed.status(), routed.toString());
        assertEquals(topology.region(), routed.json().getString("region"), "control found the organization's region");
    }

    @Test
    @Order(4)
    void businessErrorReachesTheCallerAsTheSameExceptionType(Topology topology) {
        Reply missing = probe(topology, regionCaller(topology), "user", "getById", null, "{\"userId\":42}");
        assertEquals(502, missing.status(), missing.toString());
        assertEquals(NO_SUCH_USER, missing.json().getString("type"));
        assertEquals("No user has id 42", missing.json().getString("detail"));

        HttpResponse<String> direct = SignedRpc.call(topology.url(topology.controlServer()), signingKey(topology), caller(topology),
                "user", "getById", "{\"userId\":42}");
        assertEquals(422, direct.statusCode(), direct.body());
        assertEquals(NO_SUCH_USER, json(direct).getString("type"));
    }

    @Test
    @Order(5)
    void badArgumentsAreRefusedNamingTheArgument(Topology topology) {
        HttpResponse<String> wrongType = SignedRpc.call(topology.url(topology.controlServer()), signingKey(topology), caller(topology),
                "user", "getById", "{\"userId\":\"seven\"}");
        assertEquals(400, wrongType.statusCode(), wrongType.body());
        assertEquals("userId", json(wrongType).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(json(wrongType).getString("detail").contains("'userId'"), wrongType.body());

        HttpResponse<String> missing = SignedRpc.call(topology.url(topology.controlServer()), signingKey(topology), caller(topology),
                "user", "getById", "{}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(json(missing).getString("detail").contains("'userId'") && json(missing).getString("detail").contains("missing"));

        HttpResponse<String> unknown = SignedRpc.call(topology.url(topology.controlServer()), signingKey(topology), caller(topology),
                "user", "getById", "{\"userId\":1,\"tenant\":2}");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(json(unknown).getString("detail").contains("'tenant'"), unknown.body());

        String tooMany = LongStream.rangeClosed(1, 501).mapToObj(Long::toString).collect(Collectors.joining(","));
        Reply refusedByCallee = probe(topology, regionCaller(topology), "user", "listByIds", null, "{\"userIds\":[" + tooMany + "]}");
        assertEquals(FAILURE + "BAD_ARGUMENTS", refusedByCallee.json().getString("type"), refusedByCallee.toString());
        assertTrue(refusedByCallee.json().getString("detail").contains("userIds"), refusedByCallee.toString());
    }

    @Test
    @Order(6)
    void unknownServiceOrMethodIsNotFound(Topology topology) {
        HttpResponse<String> service = SignedRpc.call(topology.url(topology.controlServer()), signingKey(topology), caller(topology),
                "billing", "charge", "{}");
        assertEquals(404, service.statusCode(), service.body());
        assertTrue(json(service).getString("detail").contains("No RPC service 'billing'"), service.body());
        HttpResponse<String> method = SignedRpc.call(topology.url(topology.controlServer()), signingKey(topology), caller(topology),
                "user", "deleteEveryone", "{}");
        assertEquals(404, method.statusCode(), method.body());
        assertTrue(json(method).getString("detail").contains("has no method 'deleteEveryone'"), method.body());
    }

    @Test
    @Order(7)
    void badSignaturesAreRefusedBeforeTheImplementationRuns(Topology topology) {
        String server = topology.controlServer();
        double before = calleeCalls(topology, server, "getById");
        String body = "{\"userId\":42}";
        RpcKey key = signingKey(topology);

        assertRefused(SignedRpc.send(topology.url(server), "user", "getById", null, body), "no Authorization");
        RpcSignature signedOther = SignedRpc.sign(key, caller(topology), "user", "getById", "{\"userId\":43}");
        assertRefused(SignedRpc.send(topology.url(server), "user", "getById", signedOther.header(), body), "does not match");
        RpcSignature otherPath = SignedRpc.sign(key, caller(topology), "user", "findByEmail", body);
        assertRefused(SignedRpc.send(topology.url(server), "user", "getById", otherPath.header(), body), "does not match");
        RpcSignature unknownKey = SignedRpc.sign(RpcKey.of("retired", "a-secret-nobody-configured"), caller(topology), "user", "getById", body);
        assertRefused(SignedRpc.send(topology.url(server), "user", "getById", unknownKey.header(), body), "Unknown RPC key id 'retired'");
        RpcSignature stale = RpcSignature.sign(key, SignedRpc.path("user", "getById"), Instant.now().getEpochSecond() - 120,
                caller(topology), body.getBytes());
        assertRefused(SignedRpc.send(topology.url(server), "user", "getById", stale.header(), body), "away from this server's clock");

        assertEquals(before, calleeCalls(topology, server, "getById"), "no refused call reached the implementation");

        RpcSignature once = SignedRpc.sign(key, caller(topology), "user", "getById", body);
        assertEquals(422, SignedRpc.send(topology.url(server), "user", "getById", once.header(), body).statusCode());
        assertRefused(SignedRpc.send(topology.url(server), "user", "getById", once.header(), body), "replay");
        if (!topology.isSplit()) {
            // the nonce is shared by every instance of the silo, not just the one that saw it first
            assertRefused(SignedRpc.send(topology.url("monolith-2"), "user", "getById", once.header(), body), "replay");
        }
        assertEquals(before + 1, calleeCalls(topology, server, "getById"), "only the first of the replayed calls ran");
    }

    @Test
    @Order(8)
    void callSignedWithThePreviousKeyIsAcceptedDuringARotation(Topology topology) {
        RpcKey previous = topology.rpcKeys().find("previous").orElseThrow();
        assertEquals("current", topology.rpcKeys().signing().id(), "the servers sign with the current key");
        HttpResponse<String> reply = SignedRpc.call(topology.url(topology.controlServer()), previous, caller(topology), "user", "getById",
                "{\"userId\":42}");
        assertEquals(422, reply.statusCode(), "signature accepted, the method ran: " + reply.body());
    }

    @Test
    @Order(9)
    void switchedOffMethodFailsAtOnceWithATypedError(Topology topology) {
        Reply disabled = probe(topology, topology.controlServer(), "replica", "findUser", topology.region(), "{\"userId\":1}");
        assertEquals(FAILURE + "DISABLED", disabled.json().getString("type"), disabled.toString());
        assertTrue(disabled.json().getString("detail").contains("silo.rpc.disabled"), disabled.toString());
        assertTrue(Long.parseLong(disabled.header("X-Rpc-Millis").orElseThrow()) < 100, "failed without trying: " + disabled);
        assertEquals(0, calleeCalls(topology, topology.regionServer(), "findUser"));
    }

    @Test
    @Order(10)
    void aRegionNeverCallsAnotherRegion(Topology topology) {
        assumeTrue(topology.isSplit(), "a MONOLITH has one region");
        Reply refused = probe(topology, "region-us", "replica", "summary", "eu", "{}");
        assertEquals(FAILURE + "REFUSED", refused.json().getString("type"), refused.toString());
        assertTrue(refused.json().getString("detail").contains("A region never calls another region"), refused.toString());

        HttpResponse<String> forged = SignedRpc.call(topology.url("region-eu"), signingKey(topology), "region-us",
                "replica", "summary", "{}");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(json(forged).getString("detail").contains("A region never calls another region"), forged.body());

        HttpResponse<String> fromControl = SignedRpc.call(topology.url("region-eu"), signingKey(topology), "control",
                "replica", "summary", "{}");
        assertEquals(200, fromControl.statusCode(), fromControl.body());
        HttpResponse<String> wrongSilo = SignedRpc.call(topology.url("region-eu"), signingKey(topology), "control",
                "user", "getById", "{\"userId\":1}");
        assertEquals(404, wrongSilo.statusCode(), wrongSilo.body());
        assertTrue(json(wrongSilo).getString("detail").contains("served by CONTROL"), wrongSilo.body());
    }

    @Test
    @Order(11)
    void stoppedCalleeGivesATypedUnavailableErrorWithinTheTimeout(Topology topology) throws InterruptedException {
        assumeTrue(topology.isSplit(), "a MONOLITH calls in-process");
        topology.kill(topology.regionServer());
        try {
            Reply unavailable = probe(topology, topology.controlServer(), "replica", "summary", topology.region(), "{}");
            assertEquals(FAILURE + "UNAVAILABLE", unavailable.json().getString("type"), unavailable.toString());
            long millis = Long.parseLong(unavailable.header("X-Rpc-Millis").orElseThrow());
            assertTrue(millis >= 200 && millis < 5_000, "retried with delays, within the 5 s budget: " + millis + " ms");
            Reply open = probe(topology, topology.controlServer(), "replica", "summary", topology.region(), "{}");
            assertTrue(open.json().getString("detail").contains("circuit"), "the circuit to the region opened: " + open);
            assertTrue(Long.parseLong(open.header("X-Rpc-Millis").orElseThrow()) < 200, open.toString());
        } finally {
            assertEquals(0, topology.up().exitCode(), "the region starts again");
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Reply summary;
        do {
            Thread.sleep(500);
            summary = probe(topology, topology.controlServer(), "replica", "summary", topology.region(), "{}");
        } while (summary.status() != 200 && Instant.now().isBefore(deadline));
        assertEquals(200, summary.status(), "calls flow again once the circuit half-opens: " + summary);
    }

    private static RpcKey signingKey(Topology topology) {
        return topology.rpcKeys().signing();
    }

    private static JsonObject json(HttpResponse<String> response) {
        return io.silo.system.harness.Http.json(response.body());
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(json(response).getString("detail").contains(reason), "expected '" + reason + "' in " + response.body());
    }
}
