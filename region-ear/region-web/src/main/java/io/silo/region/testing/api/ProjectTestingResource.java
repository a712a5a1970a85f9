package io.silo.region.testing.api;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.environment.model.Environment;
import io.silo.region.event.model.Event;
import io.silo.region.issue.model.Issue;
import io.silo.region.organization.service.RegionDirectoryChanges;
import io.silo.region.project.model.Project;
import io.silo.region.projectkey.model.ProjectKey;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * TESTING ONLY — until the projects and keys REST API exists, the ingestion tests and benchmark make a project
 * with one DSN key through the real entities: {@code POST /api/0/internal/testing/projects/} with
 * {@code {"organizationId", "slug", "keyActive"?, "rateLimitCount"?, "rateLimitWindow"?}}; answers the
 * project's id and the key's id and public key. Control hears of the key through the outbox, as of any key.
 * {@code GET …/projects/{projectId}/events/{eventId}} reads a stored event, its issue and the project's
 * environments through the JPA entities, so the tests see what the read API will see.
 * Answers 404 unless {@code silo.testing.enabled=true}: see TestingEndpointsFilter.
 */
@Path("api/0/internal/testing/projects/")
@RequestScoped
@RegionSilo
public class ProjectTestingResource {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    RegionDirectoryChanges directory;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(JsonObject body) {
        if (!body.containsKey("organizationId") || !body.containsKey("slug")) {
            throw ApiException.badRequest("organizationId and slug are required");
        }
        long organizationId = body.getJsonNumber("organizationId").longValueExact();
        OffsetDateTime now = OffsetDateTime.now();
        Project project = new Project(ids.nextId(), organizationId, body.getString("slug"), body.getString("slug"),
                "java", now);
        entityManager.persist(project);
        ProjectKey key = ProjectKey.generate(ids.nextId(), project.id(), organizationId, "Default", now);
        key.activate(body.getBoolean("keyActive", true));
        if (body.containsKey("rateLimitCount")) {
            key.limitRate(body.getInt("rateLimitCount"), body.getInt("rateLimitWindow"));
        }
        entityManager.persist(key);
        directory.projectKeyChanged(key, false);
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("projectId", project.id())
                .add("keyId", key.id())
                .add("publicKey", key.publicKey())
                .build()).build();
    }

    @GET
    @Path("{projectId}/events/{eventId}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject event(@PathParam("projectId") long projectId, @PathParam("eventId") String eventId) {
        UUID id = UUID.fromString(eventId.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        Event event = entityManager.createNamedQuery(Event.BY_EVENT_ID, Event.class).setParameter("projectId", projectId)
                .setParameter("eventId", id).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("No such event"));
        Issue issue = entityManager.find(Issue.class, event.issueId());
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
                .add("environments", Json.createArrayBuilder(entityManager.createNamedQuery(Environment.OF_PROJECT,
                        Environment.class).setParameter("projectId", projectId).getResultStream()
                        .map(Environment::name).toList()))
                .build();
    }
}
