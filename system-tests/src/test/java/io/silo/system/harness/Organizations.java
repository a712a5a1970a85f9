package io.silo.system.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.ApiClient.Reply;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;

/**
 * Organizations for the end-to-end tests: created in a region through its testing endpoint (which calls the
 * region's real provisioning service), owned by a new account of control whose token the region knows.
 */
public final class Organizations {

    private static final Duration REPLICATION = Duration.ofSeconds(30);
    private static final String[] EVERY_SCOPE = {"org:admin", "project:admin", "team:admin", "member:admin",
            "event:admin"};

    private Organizations() {
    }

    /**
     * An organization's owner: the account, a token with every organization scope that already works in the
     * region, and an API client of the region server with that token.
     */
    public record Owner(Accounts.Account account, String token, ApiClient api, long organizationId, String slug) {
    }

    /** A new account owning a new organization in the region {@code server} belongs to. */
    public static Owner create(Topology topology, String server, String who) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url(controlOf(topology)), who);
        String token = Accounts.token(account.session(), EVERY_SCOPE);
        String slug = who + "-" + UUID.randomUUID().toString().substring(0, 8);
        long id = provision(topology, server, slug, account.userId());
        awaitTokenReplica(topology, server, account.userId());
        return new Owner(account, token, ApiClient.withToken(topology.url(server), token), id, slug);
    }

    /** Provisions an organization owned by {@code ownerUserId} in {@code server}'s region; its id. */
    public static long provision(Topology topology, String server, String slug, long ownerUserId) {
        Reply created = ApiClient.anonymous(topology.url(server)).post("/api/0/internal/testing/organizations/",
                Json.createObjectBuilder().add("slug", slug).add("name", "Organization " + slug)
                        .add("ownerUserId", ownerUserId).build().toString());
        assertEquals(201, created.status(), created.toString());
        return Long.parseLong(created.json().getString("id"));
    }

    /** A new account of control with a token of {@code scopes} that already works in {@code server}'s region. */
    public static ApiClient newUserIn(Topology topology, String server, String who, String... scopes) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url(controlOf(topology)), who);
        String token = Accounts.token(account.session(), scopes.length == 0 ? EVERY_SCOPE : scopes);
        awaitTokenReplica(topology, server, account.userId());
        return ApiClient.withToken(topology.url(server), token);
    }

    /** Waits until the region holds the user's replica and a token of theirs (in MONOLITH: at once). */
    public static void awaitTokenReplica(Topology topology, String server, long userId) throws Exception {
        if (topology.kind() == Topology.Kind.MONOLITH) {
            return;
        }
        assertEquals("1", Database.await(topology, server, REPLICATION, "1",
                "SELECT count(*) FROM region.user_replica u WHERE u.id = ? AND EXISTS"
                        + " (SELECT 1 FROM region.api_token_replica t WHERE t.user_id = u.id) ", userId),
                "the user's token reached " + server);
    }

    private static String controlOf(Topology topology) {
        return topology.kind() == Topology.Kind.MONOLITH ? "monolith" : "control";
    }
}
