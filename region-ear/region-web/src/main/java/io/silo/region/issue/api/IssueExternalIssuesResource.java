package io.silo.region.issue.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.issue.service.IssueLinks;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An issue's links to items of the organization's integrations:
 * {@code GET|POST /api/0/organizations/{organization_slug}/issues/{issue_id}/external-issues/} and
 * {@code DELETE …/external-issues/{link_id}/}. A new link is 201, one the issue already had 200. Webhooks of the
 * linked tool then show on the issue's activity.
 */
@Path("api/0/organizations/{organization_slug}/issues/{issue_id}/external-issues/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class IssueExternalIssuesResource {

    @EJB
    OrganizationAccess access;

    @EJB
    IssueLinks links;

    @Inject
    CurrentRequest current;

    @PathParam("organization_slug")
    String organizationSlug;

    @PathParam("issue_id")
    String issueId;

    @GET
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public List<IssueLinkView> list() {
        return links.list(enter().organizationId(), IssueIds.parse(issueId)).stream().map(IssueLinkView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.EVENT_WRITE, userOnly = false)
    public Response link(@Valid @NotNull LinkIssueRequest body) {
        IssueLinks.Linked linked = links.link(enter(), IssueIds.parse(issueId), Long.parseLong(body.integrationId), body.key,
                current.clientAddress());
        return Response.status(linked.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(IssueLinkView.of(linked.link())).build();
    }

    @DELETE
    @Path("{link_id}/")
    @Authorize(scopes = Scope.EVENT_WRITE, userOnly = false)
    public Response unlink(@PathParam("link_id") String linkId) {
        long link;
        try {
            link = Long.parseLong(linkId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No such link of issue " + issueId);
        }
        links.unlink(enter(), IssueIds.parse(issueId), link, current.clientAddress());
        return Response.noContent().build();
    }

    private OrganizationContext enter() {
        return access.enter(current.requirePrincipal(), organizationSlug);
    }
}
