package io.silo.region.testing.api;

import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.event.model.Event;
import io.silo.region.issue.model.Issue;
import io.silo.region.projectkey.model.ProjectKey;
import io.silo.region.testing.service.TestingProjects;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * TESTING ONLY — until the projects and keys REST API exists, the ingestion tests and benchmark make a project
 * with one DSN key through the real entities: {@code POST /api/0/internal/testing/projects/} with
 * {@code {"organizationId", "slug", "keyActive"?, "rateLimitCount"?, "rateLimitWindow"?}}; answers the
 * project's id and the key's id and public key. Control hears of the key through the outbox, as of any key.
 * {@code GET …/projects/{projectId}/events/{eventId}} reads a stored event, its issue and the project's
 * environments through the JPA entities, so the tests see what the read API will see.
 * Only in the test WARs (module {@code testing}), never in a production WAR.
 */
@Path("api/0/internal/testing/projects/")
@RequestScoped
@RegionSilo
public class ProjectTestingResource {

    @EJB
    TestingProjects projects;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        if (!body.containsKey("organizationId") || !body.containsKey("slug")) {
            throw ApiException.badRequest("organizationId and slug are required");
        }
        ProjectKey key = projects.createWithKey(body.getJsonNumber("organizationId").longValueExact(), body.getString("slug"),
                body.getBoolean("keyActive", true), body.containsKey("rateLimitCount") ? body.getInt("rateLimitCount") : null,
                body.containsKey("rateLimitCount") ? body.getInt("rateLimitWindow") : null);
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("projectId", key.projectId())
                .add("keyId", key.id())
                .add("publicKey", key.publicKey())
                .build()).build();
    }

    @GET
    @Path("{projectId}/events/{eventId}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject event(@PathParam("projectId") long projectId, @PathParam("eventId") String eventId) {
        UUID id = UUID.fromString(eventId.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        TestingProjects.StoredEvent stored = projects.event(projectId, id)
                .orElseThrow(() -> ApiException.notFound("No such event"));
        Event event = stored.event();
        Issue issue = stored.issue();
        return Json.createObjectBuilder()
                .add("eventId", event.eventIdHex())
                .add("occurredAt", event.occurredAt().toInstant().toString())
                .add("title", event.title())
                .add("userKey", event.userKey().orElse(""))
                .add("tags", Json.createReader(new java.io.StringReader(event.tagsJson())).readObject())
                .add("topFrames", Json.createReader(new java.io.StringReader(event.topFramesJson())).readArray())
                .add("body", Json.createReader(new java.io.StringReader(event.bodyJson())).readObject())
                .add("issue", Json.createObjectBuilder().add("id", String.valueOf(issue.id()))
                        .add("status", issue.status().value()).add("timesSeen", issue.timesSeen())
                        .add("userCount", issue.userCount()).add("culprit", issue.culprit())
                        .add("firstSeen", issue.firstSeen().toInstant().toString()))
                .add("environments", Json.createArrayBuilder(stored.environments()))
                .build();
    }
}
