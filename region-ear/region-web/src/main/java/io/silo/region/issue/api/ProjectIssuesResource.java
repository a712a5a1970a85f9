package io.silo.region.issue.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.region.issue.service.IssueReads;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code GET /api/0/projects/{organization_slug}/{project_slug}/issues/}: a project's issues, as Sentry's
 * "List a Project's Issues" — {@code query}, {@code statsPeriod}, {@code sort}, {@code cursor},
 * {@code per_page}, paginated with a {@code Link} header.
 */
@Path("api/0/projects/{organization_slug}/{project_slug}/issues/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class ProjectIssuesResource {

    @EJB
    OrganizationAccess access;

    @EJB
    IssueReads issues;

    @Inject
    CurrentRequest current;

    @GET
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public Response list(@PathParam("organization_slug") String organizationSlug,
                         @PathParam("project_slug") String projectSlug, @QueryParam("query") String query,
                         @QueryParam("statsPeriod") String statsPeriod, @QueryParam("sort") String sort,
                         @QueryParam("cursor") String cursor, @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        OrganizationContext organization = access.enter(current.requirePrincipal(), organizationSlug);
        long projectId = issues.projectId(organization.organizationId(), projectSlug);
        return IssueListing.page(issues, organization.organizationId(), List.of(projectId), query, statsPeriod, sort,
                cursor, perPage, uri);
    }
}
