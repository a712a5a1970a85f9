package io.silo.region.projectkey.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.project.model.Project;
import io.silo.region.project.service.ProjectService;
import io.silo.region.projectkey.model.ProjectKey;
import io.silo.region.projectkey.service.DsnFormat;
import io.silo.region.projectkey.service.ProjectKeyService;
import io.silo.region.projectkey.service.ProjectKeyService.RateLimit;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/0/projects/{slug}/{project}/keys/}: a project's client keys (DSNs), by their public key. The body is
 * read as JSON, not bound, because {@code "rateLimit": null} (remove the limit) differs from no {@code rateLimit}.
 */
@Path("api/0/projects/{organization}/{project}/keys/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class ProjectKeysResource {

    private static final int MAX_WINDOW_SECONDS = 86400;

    @EJB
    OrganizationAccess access;

    @EJB
    ProjectService projects;

    @EJB
    ProjectKeyService keys;

    @Inject
    DsnFormat dsns;

    @GET
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public Response list(@PathParam("organization") String slug, @PathParam("project") String projectSlug,
                         @QueryParam("cursor") String cursor, @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        OrganizationContext context = access.enter(slug);
        Project project = projects.find(context, projectSlug);
        return keys.page(project, Cursor.parse(cursor), Cursor.limit(perPage))
                .map(key -> ProjectKeyView.of(key, dsns)).toResponse(uri).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.PROJECT_WRITE, userOnly = false)
    @Transactional
    public Response create(@PathParam("organization") String slug, @PathParam("project") String projectSlug,
                           @NotNull JsonObject body) {
        OrganizationContext context = access.enter(slug);
        Project project = projects.find(context, projectSlug);
        String name = name(body);
        ProjectKey key = keys.create(context, project, name == null ? ProjectService.FIRST_KEY : name);
        if (body.containsKey("rateLimit") || body.containsKey("isActive")) {
            keys.update(context, key, null, active(body), body.containsKey("rateLimit"), rateLimit(body));
        }
        return Response.status(Response.Status.CREATED).entity(ProjectKeyView.of(key, dsns)).build();
    }

    @GET
    @Path("{key}/")
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public ProjectKeyView get(@PathParam("organization") String slug, @PathParam("project") String projectSlug,
                              @PathParam("key") String keyId) {
        OrganizationContext context = access.enter(slug);
        return ProjectKeyView.of(keys.find(projects.find(context, projectSlug), keyId), dsns);
    }

    @PUT
    @Path("{key}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.PROJECT_WRITE, userOnly = false)
    @Transactional
    public ProjectKeyView update(@PathParam("organization") String slug, @PathParam("project") String projectSlug,
                                 @PathParam("key") String keyId, @NotNull JsonObject body) {
        OrganizationContext context = access.enter(slug);
        ProjectKey key = keys.find(projects.find(context, projectSlug), keyId);
        keys.update(context, key, name(body), active(body), body.containsKey("rateLimit"), rateLimit(body));
        return ProjectKeyView.of(key, dsns);
    }

    /** Deletes the key: SDKs using its DSN are refused once control's mapping and this region agree. */
    @DELETE
    @Path("{key}/")
    @Authorize(scopes = Scope.PROJECT_ADMIN, userOnly = false)
    @Transactional
    public Response delete(@PathParam("organization") String slug, @PathParam("project") String projectSlug,
                           @PathParam("key") String keyId) {
        OrganizationContext context = access.enter(slug);
        keys.delete(context, keys.find(projects.find(context, projectSlug), keyId));
        return Response.noContent().build();
    }

    /** {@code name}: 1 to 64 characters of one line, or absent. */
    private static String name(JsonObject body) {
        JsonValue value = body.get("name");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text) || text.getString().isBlank() || text.getString().strip().length() > 64
                || text.getString().chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField("name", "must be one line of 1 to 64 characters");
        }
        return text.getString().strip();
    }

    private static Boolean active(JsonObject body) {
        JsonValue value = body.get("isActive");
        if (value == null) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw ApiException.invalidField("isActive", "must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    /** {@code rateLimit}: {@code {"count": n, "window": seconds}}, or null for no limit. */
    private static RateLimit rateLimit(JsonObject body) {
        JsonValue value = body.get("rateLimit");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject limit)) {
            throw ApiException.invalidField("rateLimit", "must be {\"count\": n, \"window\": seconds} or null");
        }
        int count = whole(limit, "count", Integer.MAX_VALUE);
        int window = whole(limit, "window", MAX_WINDOW_SECONDS);
        return new RateLimit(count, window);
    }

    private static int whole(JsonObject limit, String field, int max) {
        JsonValue value = limit.get(field);
        if (value instanceof JsonNumber number && number.isIntegral() && number.bigIntegerValue().signum() > 0
                && number.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(max)) <= 0) {
            return number.intValue();
        }
        throw ApiException.invalidField("rateLimit." + field, "must be a whole number from 1 to " + max);
    }
}
