package io.silo.region.testing.api;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * TESTING ONLY — until the projects and keys REST API exists, the ingestion tests and benchmark make a project
 * with one DSN key through the real entities: {@code POST /api/0/internal/testing/projects/} with
 * {@code {"organizationId", "slug", "keyActive"?, "rateLimitCount"?, "rateLimitWindow"?}}; answers the
 * project's id and the key's id and public key. Control hears of the key through the outbox, as of any key.
 * Answers 404 unless {@code silo.testing.enabled=true}: see TestingEndpointsFilter.
 */
@Path("api/0/internal/testing/projects/")
@RequestScoped
@RegionSilo
public class ProjectTestingResource {

    private static final SecureRandom RANDOM = new SecureRandom();

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
        ProjectKey key = new ProjectKey(ids.nextId(), project.id(), organizationId, "Default", randomKey(),
                randomKey(), now);
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

    private static String randomKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
