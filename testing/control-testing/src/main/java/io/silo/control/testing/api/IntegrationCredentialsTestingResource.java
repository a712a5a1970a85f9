package io.silo.control.testing.api;

import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.integration.model.IntegrationProvider;
import io.silo.control.integrationproxy.service.IntegrationCredentials;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/**
 * TESTING ONLY — installs an integration with OAuth credentials the tests' own authorization server issued, in
 * the given organizations: {@code POST /api/0/internal/testing/integrations/} with {@code {"provider",
 * "externalId", "accessToken", "refreshToken", "expiresInSeconds"?, "organizationIds": ["…"]}}; answers the
 * integration's id and each organization's installation id. Again for the same provider and external id, it
 * replaces the credentials. Only in the test WARs (module {@code testing}), never in a production WAR.
 */
@Path("api/0/internal/testing/integrations/")
@RequestScoped
@ControlSilo
public class IntegrationCredentialsTestingResource {

    @EJB
    IntegrationCredentials credentials;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject install(JsonObject body) {
        for (String field : List.of("provider", "externalId", "accessToken", "refreshToken", "organizationIds")) {
            if (!body.containsKey(field)) {
                throw ApiException.invalidField(field, "is required");
            }
        }
        IntegrationProvider provider = IntegrationProvider.fromValue(body.getString("provider"))
                .orElseThrow(() -> ApiException.invalidField("provider", "must be github, slack or jira"));
        List<Long> organizationIds = body.getJsonArray("organizationIds").stream()
                .map(id -> Long.parseLong(id.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) id).getString() : id.toString()))
                .toList();
        IntegrationCredentials.Installed installed = credentials.install(provider, body.getString("externalId"),
                body.getString("name", body.getString("externalId")), body.getString("accessToken"),
                body.getString("refreshToken"), body.containsKey("expiresInSeconds")
                        ? Duration.ofSeconds(body.getJsonNumber("expiresInSeconds").longValue()) : null,
                organizationIds);
        JsonObjectBuilder installations = Json.createObjectBuilder();
        installed.organizationIntegrations().forEach((organization, installation) ->
                installations.add(String.valueOf(organization), String.valueOf(installation)));
        return Json.createObjectBuilder().add("integrationId", String.valueOf(installed.integrationId()))
                .add("organizationIntegrations", installations).build();
    }
}
