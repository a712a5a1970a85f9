package io.silo.region.issue.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.issue.service.IssueReads;
import io.silo.region.issue.service.IssueRow;
import io.silo.region.issue.service.ShortId;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Sentry's short-id lookup, {@code GET /api/0/organizations/{organization_slug}/shortids/{short_id}/}: the issue
 * {@code WEB-12} names, with its organization and project, as Sentry answers it.
 */
@Path("api/0/organizations/{organization_slug}/shortids/{short_id}/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class ShortIdsResource {

    @Inject
    IssueViews views;

    @EJB
    OrganizationAccess access;

    @EJB
    IssueReads issues;

    @Inject
    CurrentRequest current;

    /** Sentry's answer: where the issue is, and the issue itself as {@code group}. */
    public record ShortIdView(String organizationSlug, String projectSlug, String groupId, String shortId,
                              IssueView group) {
    }

    @GET
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public ShortIdView get(@PathParam("organization_slug") String organizationSlug,
                           @PathParam("short_id") String shortId) {
        OrganizationContext organization = access.enter(current.requirePrincipal(), organizationSlug);
        IssueRow issue = ShortId.parse(shortId).flatMap(parsed -> issues.findByShortId(organization.organizationId(), parsed))
                .orElseThrow(() -> ApiException.notFound("No issue with the short id " + shortId));
        return new ShortIdView(organization.organization().slug(), issue.projectSlug(), String.valueOf(issue.id()),
                issue.shortId().toString(), views.in(organization).apply(issue));
    }
}
