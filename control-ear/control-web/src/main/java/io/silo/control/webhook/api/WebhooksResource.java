package io.silo.control.webhook.api;

import io.silo.common.auth.PublicEndpoint;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.integration.model.IntegrationProvider;
import io.silo.control.webhook.service.WebhookIngress;
import io.silo.control.webhook.service.WebhookSignatures;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The providers' webhook URLs, one per provider for every region: {@code /extensions/github/webhook/} and
 * {@code /extensions/slack/event/}, {@code /extensions/jira/issue-updated/}. Public (providers authenticate by signature, outside {@code /api/0/}): the
 * signature is checked over the raw body before anything is parsed or stored (401 problem+json otherwise), then
 * the webhook is queued per destination region (WebhookIngress) and acknowledged with 202 — also when it is
 * unroutable. Nothing here waits for a region, so Slack's 3-second limit holds whatever the regions' state.
 */
@Path("extensions/")
@RequestScoped
@ControlSilo
@PublicEndpoint
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    // Json.createReader looks the provider up again on every call (a service-loader scan of the application's
    // jars): over a third of the ingress's CPU in the webhook-ingress benchmark's profile
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    WebhookSignatures signatures;

    @EJB
    WebhookIngress ingress;

    @POST
    @Path("github/webhook/")
    @Consumes(MediaType.WILDCARD)
    public Response github(@HeaderParam("X-Hub-Signature-256") String signature,
                           @HeaderParam("X-GitHub-Event") String event, byte[] body) {
        signatures.refuseGithub(signature, body).ifPresent(reason -> {
            throw ApiException.unauthorized(reason);
        });
        JsonObject payload = parse(body);
        String installationId = text(payload.get("installation") instanceof JsonObject installation
                ? installation.get("id") : null);
        return Response.accepted(WebhookReceipt.of(ingress.receive(IntegrationProvider.GITHUB, installationId,
                event == null ? "unknown" : event, new String(body, StandardCharsets.UTF_8)))).build();
    }

    @POST
    @Path("slack/event/")
    @Consumes(MediaType.WILDCARD)
    public Response slack(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                          @HeaderParam("X-Slack-Signature") String signature, byte[] body) {
        signatures.refuseSlack(timestamp, signature, body, Instant.now()).ifPresent(reason -> {
            throw ApiException.unauthorized(reason);
        });
        JsonObject payload = parse(body);
        if ("url_verification".equals(text(payload.get("type")))) {
            return Response.ok(Map.of("challenge", String.valueOf(text(payload.get("challenge"))))).build();
        }
        String eventType = payload.get("event") instanceof JsonObject event ? text(event.get("type")) : null;
        return Response.accepted(WebhookReceipt.of(ingress.receive(IntegrationProvider.SLACK,
                text(payload.get("team_id")), eventType == null ? text(payload.get("type")) : eventType,
                new String(body, StandardCharsets.UTF_8)))).build();
    }

    /** Jira routes by site: the host of the issue's {@code self} URL (acme.atlassian.net). */
    @POST
    @Path("jira/issue-updated/")
    @Consumes(MediaType.WILDCARD)
    public Response jira(@HeaderParam("X-Hub-Signature") String signature, byte[] body) {
        signatures.refuseJira(signature, body).ifPresent(reason -> {
            throw ApiException.unauthorized(reason);
        });
        JsonObject payload = parse(body);
        String site = null;
        if (payload.get("issue") instanceof JsonObject issue && text(issue.get("self")) != null) {
            try {
                site = java.net.URI.create(text(issue.get("self"))).getHost();
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("issue.self is not a URL");
            }
        }
        String event = text(payload.get("webhookEvent"));
        return Response.accepted(WebhookReceipt.of(ingress.receive(IntegrationProvider.JIRA, site,
                event == null ? "unknown" : event, new String(body, StandardCharsets.UTF_8)))).build();
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("The body is not a JSON object");
        }
    }

    /** A JSON string or number as text (GitHub's installation id is a number, Slack's team id a string). */
    private static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }
}
