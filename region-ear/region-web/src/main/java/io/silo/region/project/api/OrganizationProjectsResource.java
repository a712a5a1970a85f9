package io.silo.region.project.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.Cursor;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.project.service.ProjectService;
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

/** {@code GET /api/0/organizations/{slug}/projects/}: the organization's projects, newest first, paginated. */
@Path("api/0/organizations/{organization}/projects/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationProjectsResource {

    @EJB
    OrganizationAccess access;

    @EJB
    ProjectService projects;

    @Inject
    ProjectViews views;

    @GET
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public Response list(@PathParam("organization") String slug, @QueryParam("cursor") String cursor,
                         @QueryParam("per_page") String perPage, @Context UriInfo uri) {
        OrganizationContext context = access.enter(slug);
        return projects.page(context, Cursor.parse(cursor), Cursor.limit(perPage))
                .map(project -> views.of(context, project)).toResponse(uri).build();
    }
}
