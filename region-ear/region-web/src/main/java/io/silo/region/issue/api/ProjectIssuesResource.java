package io.silo.region.issue.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.issue.service.IssueReads;
import io.silo.region.issue.service.IssueSearch;
import io.silo.region.issue.service.IssueStatusChanges;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/0/projects/{organization_slug}/{project_slug}/issues/}: a project's issues, as Sentry's
 * "List a Project's Issues" — {@code query}, {@code statsPeriod}, {@code sort}, {@code cursor},
 * {@code per_page}, paginated with a {@code Link} header — and Sentry's bulk status change of a project's issues,
 * {@code PUT …/issues/?id=1&id=2} (or {@code ?status=unresolved}: every issue of that status) with
 * {@code {"status": "resolved"}}, which {@code sentry-cli issues resolve} sends.
 */
@Path("api/0/projects/{organization_slug}/{project_slug}/issues/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class ProjectIssuesResource {

    @Inject
    IssueViews views;

    @EJB
    OrganizationAccess access;

    @EJB
    IssueReads issues;

    @EJB
    IssueStatusChanges statusChanges;

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
                cursor, perPage, uri, views.in(organization));
    }

    /**
     * Changes the status of the project's issues named by {@code id} (ids of other projects are passed over), or of
     * every issue of the project with the status {@code status}: 200 with the new status, 204 when none matched.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.EVENT_WRITE, userOnly = false)
    public Response update(@PathParam("organization_slug") String organizationSlug,
                           @PathParam("project_slug") String projectSlug, @QueryParam("id") List<String> ids,
                           @QueryParam("status") String status, String body) {
        String newStatus = OrganizationIssuesResource.status(body);
        OrganizationContext organization = access.enter(current.requirePrincipal(), organizationSlug);
        long projectId = issues.projectId(organization.organizationId(), projectSlug);
        List<Long> matching = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (String id : ids) {
                issues.find(organization.organizationId(), IssueIds.parse(id))
                        .filter(issue -> issue.projectId() == projectId).ifPresent(issue -> matching.add(issue.id()));
            }
        } else if (status != null && !status.isBlank()) {
            matching.addAll(issues.idsMatching(organization.organizationId(), projectId, IssueSearch.parse("is:" + status)));
        } else {
            throw ApiException.badRequest("Name the issues to change: id=<issue id> (repeatable) or status=<their status>");
        }
        if (matching.isEmpty()) {
            return Response.noContent().build();
        }
        for (long id : matching) {
            statusChanges.change(organization, id, newStatus, current.clientAddress());
        }
        return Response.ok(Map.of("status", newStatus, "statusDetails", Map.of())).build();
    }
}
