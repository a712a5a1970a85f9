package io.silo.region.testing.api;

import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.integration.service.IntegrationClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * TESTING ONLY — makes this region call a provider through control's integration proxy, so the end-to-end tests
 * drive calls "from a region": {@code POST /api/0/internal/testing/integration-calls/} with
 * {@code {"organizationIntegrationId", "path", "method"?: "GET", "count"?: 1}} sends {@code count} calls at once
 * through {@link IntegrationClient} and answers each one's status, content type and body (as text), in order.
 * Only in the test WARs (module {@code testing}), never in a production WAR.
 */
@Path("api/0/internal/testing/integration-calls/")
@RequestScoped
@RegionSilo
public class IntegrationCallsTestingResource {

    private static final int MAX_CALLS = 200;

    @Inject
    IntegrationClient integrations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject call(JsonObject body) {
        if (!body.containsKey("organizationIntegrationId") || !body.containsKey("path")) {
            throw ApiException.badRequest("organizationIntegrationId and path are required");
        }
        long organizationIntegrationId = Long.parseLong(body.get("organizationIntegrationId").toString().replace("\"", ""));
        int count = body.getInt("count", 1);
        if (count < 1 || count > MAX_CALLS) {
            throw ApiException.invalidField("count", "must be 1 to " + MAX_CALLS);
        }
        String method = body.getString("method", "GET");
        List<CompletableFuture<IntegrationClient.IntegrationResponse>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(integrations.send(organizationIntegrationId, method, body.getString("path"), Map.of(), new byte[0]));
        }
        JsonArrayBuilder results = Json.createArrayBuilder();
        for (CompletableFuture<IntegrationClient.IntegrationResponse> call : calls) {
            IntegrationClient.IntegrationResponse answer = call.join();
            results.add(Json.createObjectBuilder().add("status", answer.status())
                    .add("contentType", answer.contentType() == null ? "" : answer.contentType())
                    .add("body", new String(answer.body(), StandardCharsets.UTF_8)));
        }
        return Json.createObjectBuilder().add("results", results).build();
    }
}
