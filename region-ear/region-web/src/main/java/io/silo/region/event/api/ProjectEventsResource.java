package io.silo.region.event.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.issue.service.IssueEvents;
import io.silo.region.issue.service.IssueReads;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/0/projects/{organization_slug}/{project_slug}/events/{event_id}/}: one event of a project
 * by its 32-hex id, as Sentry's "Retrieve an Event for a Project".
 */
@Path("api/0/projects/{organization_slug}/{project_slug}/events/{event_id}/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class ProjectEventsResource {

    @EJB
    OrganizationAccess access;

    @EJB
    IssueReads issues;

    @EJB
    IssueEvents events;

    @Inject
    CurrentRequest current;

    @GET
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public JsonObject get(@PathParam("organization_slug") String organizationSlug,
                          @PathParam("project_slug") String projectSlug, @PathParam("event_id") String eventId) {
        OrganizationContext organization = access.enter(current.requirePrincipal(), organizationSlug);
        long projectId = issues.projectId(organization.organizationId(), projectSlug);
        return events.find(organization.organizationId(), projectId, eventId).map(EventJson::detail)
                .orElseThrow(() -> ApiException.notFound("No such event"));
    }
}
