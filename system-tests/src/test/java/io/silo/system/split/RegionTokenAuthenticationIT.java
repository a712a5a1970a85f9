package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.SplitTopologyTest;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A region authenticates API tokens itself, from the user and token replicas control sent it: a token made
 * in control works in region eu once replicated, and stops working there once its revocation, or its
 * user's deactivation, has arrived. The region's operator endpoints are the authenticated endpoint used.
 */
@SplitTopologyTest
class RegionTokenAuthenticationIT {

    private static final Duration REPLICATION = Duration.ofSeconds(20);
    private static final String ADMIN_ENDPOINT = "/api/0/admin/outbox/shards/";

    /** Asks until the status is the expected one or the time is up; returns the last status. */
    private static int statusWithin(Duration patience, int expected, Supplier<Reply> ask) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int status = ask.get().status();
        while (status != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = ask.get().status();
        }
        return status;
    }

    @Test
    void aControlTokenWorksInTheRegionAfterReplicationAndStopsOnceItsRevocationArrives(Topology topology) throws Exception {
        Accounts.Account operator = Accounts.operator(topology.url("control"));
        Reply created = Accounts.createToken(operator.session(), "admin");
        assertEquals(201, created.status(), created.toString());
        ApiClient inEu = ApiClient.withToken(topology.url("region-eu"), created.json().getString("token"));

        assertEquals(200, statusWithin(REPLICATION, 200, () -> inEu.get(ADMIN_ENDPOINT)), "the replicated token works in eu");
        Reply revoked = operator.session().delete("/api/0/api-tokens/" + created.json().getString("id") + "/");
        assertEquals(204, revoked.status(), revoked.toString());

        assertEquals(401, statusWithin(REPLICATION, 401, () -> inEu.get(ADMIN_ENDPOINT)),
                "the revocation reaches eu and the token stops working there");
        Reply refused = inEu.get(ADMIN_ENDPOINT);
        assertTrue(refused.isProblem() && refused.header("WWW-Authenticate").isPresent(), refused.toString());
    }

    @Test
    void aRegionKnowsTheTokensScopesAndRefusesTokensOfADeactivatedAccount(Topology topology) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url("control"), "regional");
        ApiClient inEu = ApiClient.withToken(topology.url("region-eu"), Accounts.token(account.session(), "member:read"));

        assertEquals(403, statusWithin(REPLICATION, 403, () -> inEu.get(ADMIN_ENDPOINT)),
                "once replicated the token authenticates in eu but lacks the admin scope");
        assertEquals(204, account.session().delete("/api/0/users/me/").status());

        assertEquals(401, statusWithin(REPLICATION, 401, () -> inEu.get(ADMIN_ENDPOINT)),
                "the inactive replica reaches eu and the account's token stops working there");
    }

    @Test
    void aRegionRefusesMissingUnknownAndMalformedTokens(Topology topology) {
        ApiClient anonymous = ApiClient.anonymous(topology.url("region-us"));
        assertEquals(401, anonymous.get(ADMIN_ENDPOINT).status());
        String unknown = "silo_u_" + "A".repeat(43);
        assertEquals(401, ApiClient.withToken(topology.url("region-us"), unknown).get(ADMIN_ENDPOINT).status());
        assertEquals(401, ApiClient.withToken(topology.url("region-us"), "not-a-token").get(ADMIN_ENDPOINT).status());
    }
}
