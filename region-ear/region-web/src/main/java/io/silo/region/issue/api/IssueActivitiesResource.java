package io.silo.region.issue.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.region.issue.service.IssueActivities;
import io.silo.region.issue.service.IssueActivityRow;
import io.silo.region.organization.service.OrganizationAccess;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;

/**
 * {@code GET /api/0/organizations/{organization_slug}/issues/{issue_id}/activities/}: what happened to an issue
 * besides its events (status changes, links, what linked Jira/GitHub issues and Slack threads reported), newest
 * first, with Sentry's cursor Link header.
 */
@Path("api/0/organizations/{organization_slug}/issues/{issue_id}/activities/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class IssueActivitiesResource {

    @EJB
    OrganizationAccess access;

    @EJB
    IssueActivities activities;

    @Inject
    CurrentRequest current;

    @GET
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public Response list(@PathParam("organization_slug") String organizationSlug, @PathParam("issue_id") String issueId,
                         @QueryParam("cursor") String cursor, @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        long organizationId = access.enter(current.requirePrincipal(), organizationSlug).organizationId();
        CursorPage<JsonObject> page = activities.page(organizationId, IssueIds.parse(issueId), Cursor.parse(cursor), Cursor.limit(perPage))
                .map(IssueActivitiesResource::json);
        return page.toResponse(uri).entity(Json.createArrayBuilder(page.items()).build()).build();
    }

    private static JsonObject json(IssueActivityRow activity) {
        try (JsonReader reader = Json.createReader(new StringReader(activity.data()))) {
            return Json.createObjectBuilder().add("id", String.valueOf(activity.id()))
                    .add("issueId", String.valueOf(activity.issueId())).add("type", activity.kind())
                    .add("data", reader.readObject()).add("dateCreated", activity.createdAt().toString()).build();
        }
    }
}
