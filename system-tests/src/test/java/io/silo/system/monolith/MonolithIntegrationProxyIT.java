package io.silo.system.monolith;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.ThirdPartyProvider;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The MONOLITH's integration client goes through the same integration proxy (its own, on the instance it runs on),
 * against a GitHub-like API and OAuth server run by the test: calls succeed with one refresh of an expiring token,
 * and the proxy's host rule holds.
 */
@MonolithTopologyTest
class MonolithIntegrationProxyIT {

    @Test
    void theMonolithsIntegrationClientCallsTheProviderThroughTheProxy(Topology topology) throws Exception {
        try (ThirdPartyProvider provider = new ThirdPartyProvider()) {
            topology.setLiveConfig("silo.integrations.github.api-url", provider.apiUrl().toString());
            topology.setLiveConfig("silo.integrations.github.token-url", provider.tokenUrl().toString());
            topology.setLiveConfig("silo.integrations.github.client-id", ThirdPartyProvider.CLIENT_ID);
            topology.setLiveConfig("silo.integrations.github.client-secret", ThirdPartyProvider.CLIENT_SECRET);
            try {
                Organizations.Owner owner = Organizations.create(topology, "monolith", "proxy-mono");
                Thread.sleep(6_000); // the live configuration applies within ~5 s
                String[] tokens = provider.issue("initial-" + UUID.randomUUID(), "refresh-" + UUID.randomUUID());
                Reply installed = ApiClient.anonymous(topology.url("monolith")).post("/api/0/internal/testing/integrations/",
                        Json.createObjectBuilder().add("provider", "github").add("externalId", "mono-" + UUID.randomUUID())
                                .add("accessToken", tokens[0]).add("refreshToken", tokens[1]).add("expiresInSeconds", 30)
                                .add("organizationIds", Json.createArrayBuilder().add(String.valueOf(owner.organizationId())))
                                .build().toString());
                assertEquals(200, installed.status(), installed.toString());
                long installation = Long.parseLong(installed.json().getJsonObject("organizationIntegrations")
                        .getString(String.valueOf(owner.organizationId())));
                int refreshesBefore = provider.refreshes();

                JsonArray results = calls(topology, installation, "repos/silo/mono", 10);
                JsonObject otherHost = calls(topology, installation, "http://127.0.0.2:" + provider.apiUrl().getPort()
                        + "/api/repos/x/y", 1).getJsonObject(0);

                for (JsonObject result : results.getValuesAs(JsonObject.class)) {
                    assertEquals(200, result.getInt("status"), result.toString());
                }
                assertTrue(results.getJsonObject(0).getString("body").contains("silo/mono"), results.toString());
                assertEquals(refreshesBefore + 1, provider.refreshes(), "the expiring token was refreshed once");
                assertEquals(403, otherHost.getInt("status"), otherHost.toString());
            } finally {
                for (String key : new String[] {"api-url", "token-url", "client-id", "client-secret"}) {
                    topology.setLiveConfig("silo.integrations.github." + key, null);
                }
            }
        }
    }

    private static JsonArray calls(Topology topology, long installation, String path, int count) {
        Reply reply = ApiClient.anonymous(topology.url("monolith")).post("/api/0/internal/testing/integration-calls/",
                Json.createObjectBuilder().add("organizationIntegrationId", String.valueOf(installation))
                        .add("path", path).add("count", count).build().toString());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("results");
    }
}
