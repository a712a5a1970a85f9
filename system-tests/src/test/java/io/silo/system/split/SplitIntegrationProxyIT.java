package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.integration.IntegrationProxyPaths;
import io.silo.common.rpc.signing.RpcSignature;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.harness.ThirdPartyProvider;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The integration proxy on the split topology: regions us and eu call a GitHub-like API run by the test (with its
 * own OAuth 2.0 authorization server) through control, which alone holds the installation's tokens.
 */
@SplitTopologyTest
class SplitIntegrationProxyIT {

    private static final Duration REPLICATION = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ThirdPartyProvider provider;
    private static Organizations.Owner usOwner;
    private static Organizations.Owner euOwner;

    @BeforeAll
    static void configureProviders(Topology topology) throws Exception {
        provider = new ThirdPartyProvider();
        topology.setLiveConfig("silo.integrations.github.api-url", provider.apiUrl().toString());
        topology.setLiveConfig("silo.integrations.github.token-url", provider.tokenUrl().toString());
        topology.setLiveConfig("silo.integrations.github.client-id", ThirdPartyProvider.CLIENT_ID);
        topology.setLiveConfig("silo.integrations.github.client-secret", ThirdPartyProvider.CLIENT_SECRET);
        // a provider whose configured API lies on a private network: the address rule refuses it
        topology.setLiveConfig("silo.integrations.jira.api-url", "http://10.255.255.1:9/rest/api/3");
        usOwner = Organizations.create(topology, "region-us", "proxy-us");
        euOwner = Organizations.create(topology, "region-eu", "proxy-eu");
        for (long organization : new long[] {usOwner.organizationId(), euOwner.organizationId()}) {
            assertEquals("1", Database.await(topology, "control", REPLICATION, "1",
                    "SELECT count(*) FROM control.organization_mapping WHERE id = ?", organization),
                    "control's directory knows organization " + organization);
        }
        Thread.sleep(6_000); // the live configuration applies within ~5 s
    }

    @AfterAll
    static void stopProvider(Topology topology) {
        provider.close();
        for (String key : new String[] {"github.api-url", "github.token-url", "github.client-id", "github.client-secret", "jira.api-url"}) {
            topology.setLiveConfig("silo.integrations." + key, null);
        }
    }

    @Test
    void fiftyConcurrentCallsFromTwoRegionsWhileTheTokenExpiresRefreshItExactlyOnce(Topology topology) throws Exception {
        JsonObject installed = installGithub(topology, "shared-" + UUID.randomUUID(), 30);
        long usInstallation = installation(installed, usOwner);
        long euInstallation = installation(installed, euOwner);
        int refreshesBefore = provider.refreshes();

        CompletableFuture<Reply> fromUs = CompletableFuture.supplyAsync(() -> calls(topology, "region-us", usInstallation, "repos/silo/us", 25));
        CompletableFuture<Reply> fromEu = CompletableFuture.supplyAsync(() -> calls(topology, "region-eu", euInstallation, "repos/silo/eu", 25));
        JsonArray usResults = results(fromUs.join());
        JsonArray euResults = results(fromEu.join());

        for (JsonArray results : new JsonArray[] {usResults, euResults}) {
            assertEquals(25, results.size());
            for (JsonObject result : results.getValuesAs(JsonObject.class)) {
                assertEquals(200, result.getInt("status"), result.toString());
            }
        }
        assertEquals("silo/us", Json.createReader(new java.io.StringReader(usResults.getJsonObject(0).getString("body")))
                .readObject().getString("full_name"), "the provider's own answer streamed back");
        assertEquals(refreshesBefore + 1, provider.refreshes(), "exactly one refresh at the provider for 50 calls");
        String sealed = Database.queryOne(topology, "control",
                "SELECT access_token_ciphertext FROM control.integration WHERE id = ?", Long.parseLong(installed.getString("integrationId")));
        assertFalse(sealed.contains("access-"), "control stores the refreshed token sealed, never in clear");
    }

    @Test
    void aProvider401LeadsToOneRefreshAndOneRetry(Topology topology) throws Exception {
        JsonObject installed = installGithub(topology, "revoked-" + UUID.randomUUID(), 3600);
        long usInstallation = installation(installed, usOwner);
        JsonObject first = results(calls(topology, "region-us", usInstallation, "repos/silo/before", 1)).getJsonObject(0);
        assertEquals(200, first.getInt("status"), first.toString());
        int refreshesBefore = provider.refreshes();

        provider.revokeAccessTokens();
        JsonObject retried = results(calls(topology, "region-us", usInstallation, "repos/silo/after", 1)).getJsonObject(0);

        assertEquals(200, retried.getInt("status"), "the retry with the refreshed token succeeds: " + retried);
        assertEquals(refreshesBefore + 1, provider.refreshes(), "one refresh after the 401");
    }

    @Test
    void aRedirectWithinTheApiIsFollowed(Topology topology) {
        JsonObject installed = installGithub(topology, "inside-" + UUID.randomUUID(), 3600);
        JsonObject result = results(calls(topology, "region-us", installation(installed, usOwner), "redirect/inside", 1)).getJsonObject(0);
        assertEquals(200, result.getInt("status"), result.toString());
        assertTrue(result.getString("body").contains("silo/inside"), result.toString());
    }

    @Test
    void anotherHostAPrivateAddressAndARedirectElsewhereAreRefused(Topology topology) {
        JsonObject installed = installGithub(topology, "escape-" + UUID.randomUUID(), 3600);
        long usInstallation = installation(installed, usOwner);
        int apiCallsBefore = provider.apiCalls();

        JsonObject otherHost = results(calls(topology, "region-us", usInstallation,
                "http://127.0.0.2:" + provider.apiUrl().getPort() + "/api/repos/x/y", 1)).getJsonObject(0);
        assertRefused(otherHost, 403, "is not a plain path");
        JsonObject dotDot = results(calls(topology, "region-us", usInstallation, "repos/%2e%2e/%2e%2e/oauth/token", 1)).getJsonObject(0);
        assertRefused(dotDot, 403, "leaves the provider's API base URL");
        assertEquals(apiCallsBefore, provider.apiCalls(), "nothing reached the provider");

        JsonObject redirected = results(calls(topology, "region-us", usInstallation, "redirect/away", 1)).getJsonObject(0);
        assertRefused(redirected, 403, "outside its API base URL");

        JsonObject jira = install(topology, "jira", "site-" + UUID.randomUUID(), 3600);
        JsonObject privateAddress = results(calls(topology, "region-us", installation(jira, usOwner), "issue/ABC-1", 1)).getJsonObject(0);
        assertRefused(privateAddress, 403, "internal address 10.255.255.1");
    }

    @Test
    void anInstallationOfAnotherRegionsOrganizationIsRefused(Topology topology) {
        JsonObject installed = installGithub(topology, "other-region-" + UUID.randomUUID(), 3600);
        long euInstallation = installation(installed, euOwner);
        int apiCallsBefore = provider.apiCalls();

        JsonObject result = results(calls(topology, "region-us", euInstallation, "repos/silo/eu", 1)).getJsonObject(0);

        assertRefused(result, 404, "in an organization of region us");
        assertEquals(apiCallsBefore, provider.apiCalls(), "nothing reached the provider");
    }

    @Test
    void unsignedStaleAndReplayedProxyCallsAreRefused(Topology topology) throws Exception {
        JsonObject installed = installGithub(topology, "signed-" + UUID.randomUUID(), 3600);
        long usInstallation = installation(installed, usOwner);
        String path = IntegrationProxyPaths.PREFIX + usInstallation + "/repos/silo/direct";
        String signedPath = IntegrationProxyPaths.signedPath("GET", path, null);

        assertEquals(401, direct(topology, path, null).statusCode(), "unsigned");
        String stale = RpcSignature.sign(topology.rpcKeys().signing(), signedPath, Instant.now().getEpochSecond() - 600,
                "region-us", new byte[0]).header();
        assertEquals(401, direct(topology, path, stale).statusCode(), "stale");
        String fresh = RpcSignature.sign(topology.rpcKeys().signing(), signedPath, Instant.now().getEpochSecond(),
                "region-us", new byte[0]).header();
        HttpResponse<String> accepted = direct(topology, path, fresh);
        assertEquals(200, accepted.statusCode(), accepted.body());
        HttpResponse<String> replayed = direct(topology, path, fresh);
        assertEquals(401, replayed.statusCode(), "replayed");
        assertTrue(replayed.body().contains("replay"), replayed.body());
        String otherPath = RpcSignature.sign(topology.rpcKeys().signing(), IntegrationProxyPaths.signedPath("GET", path + "x", null),
                Instant.now().getEpochSecond(), "region-us", new byte[0]).header();
        assertEquals(401, direct(topology, path, otherPath).statusCode(), "signed for another path");
    }

    private static void assertRefused(JsonObject result, int status, String detailPart) {
        assertEquals(status, result.getInt("status"), result.toString());
        assertEquals("application/problem+json", result.getString("contentType").split(";")[0], result.toString());
        assertTrue(result.getString("body").contains(detailPart), result.toString());
    }

    private static JsonObject installGithub(Topology topology, String externalId, long expiresInSeconds) {
        return install(topology, "github", externalId, expiresInSeconds);
    }

    /** Installs an integration with tokens the provider issued, in both regions' organizations. */
    private static JsonObject install(Topology topology, String providerName, String externalId, long expiresInSeconds) {
        String[] tokens = provider.issue("initial-" + UUID.randomUUID(), "initial-refresh-" + UUID.randomUUID());
        Reply installed = ApiClient.anonymous(topology.url("control")).post("/api/0/internal/testing/integrations/",
                Json.createObjectBuilder().add("provider", providerName).add("externalId", externalId)
                        .add("accessToken", tokens[0]).add("refreshToken", tokens[1])
                        .add("expiresInSeconds", expiresInSeconds)
                        .add("organizationIds", Json.createArrayBuilder().add(String.valueOf(usOwner.organizationId()))
                                .add(String.valueOf(euOwner.organizationId())))
                        .build().toString());
        assertEquals(200, installed.status(), installed.toString());
        return installed.json();
    }

    private static long installation(JsonObject installed, Organizations.Owner owner) {
        return Long.parseLong(installed.getJsonObject("organizationIntegrations").getString(String.valueOf(owner.organizationId())));
    }

    /** {@code count} calls at once from {@code server}'s region, through its integration client. */
    private static Reply calls(Topology topology, String server, long installation, String path, int count) {
        Reply reply = ApiClient.anonymous(topology.url(server)).post("/api/0/internal/testing/integration-calls/",
                Json.createObjectBuilder().add("organizationIntegrationId", String.valueOf(installation))
                        .add("path", path).add("count", count).build().toString());
        assertEquals(200, reply.status(), reply.toString());
        return reply;
    }

    private static JsonArray results(Reply reply) {
        return reply.json().getJsonArray("results");
    }

    private static HttpResponse<String> direct(Topology topology, String path, String authorization) throws Exception {
        URI control = topology.url("control");
        HttpRequest.Builder request = HttpRequest.newBuilder(control.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
