package io.silo.region.release.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.Cursor;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.project.service.ProjectService;
import io.silo.region.release.service.ReleaseService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/** {@code GET /api/0/projects/{slug}/{project}/releases/}: the releases of one project, newest first. */
@Path("api/0/projects/{organization}/{project}/releases/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class ProjectReleasesResource {

    @EJB
    OrganizationAccess access;

    @EJB
    ProjectService projects;

    @EJB
    ReleaseService releases;

    @Inject
    ReleaseViews views;

    @GET
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public Response list(@PathParam("organization") String slug, @PathParam("project") String projectSlug,
                         @QueryParam("query") String query, @QueryParam("cursor") String cursor,
                         @QueryParam("per_page") String perPage, @Context UriInfo uri) {
        OrganizationContext context = access.enter(slug);
        return views.of(context, releases.page(context, Optional.of(projects.find(context,
                projectSlug)), query, Cursor.parse(cursor), Cursor.limit(perPage))).toResponse(uri).build();
    }
}
