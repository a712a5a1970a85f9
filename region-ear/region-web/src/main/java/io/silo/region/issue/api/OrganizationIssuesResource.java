package io.silo.region.issue.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.region.event.api.EventJson;
import io.silo.region.issue.service.EventInIssue;
import io.silo.region.issue.service.IssueEvents;
import io.silo.region.issue.service.IssueReads;
import io.silo.region.issue.service.IssueStatusChanges;
import io.silo.region.issue.service.IssueTags;
import io.silo.region.issue.service.TagSummary;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * An organization's issues, in Sentry's paths: {@code GET /api/0/organizations/{organization_slug}/issues/}
 * (every project, or those named by {@code project=<id>}; {@code -1} means all), {@code GET} and {@code PUT}
 * (status) of {@code …/issues/{issue_id}/}, {@code GET …/issues/{issue_id}/events/}, newest first, one of them in
 * full ({@code …/events/latest/}, {@code oldest} or its id) and the tags of its events ({@code …/tags/}).
 * Non-members get 404 as for an unknown organization; an issue of another organization is not found.
 */
@Path("api/0/organizations/{organization_slug}/issues/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationIssuesResource {

    @Inject
    IssueViews views;

    @EJB
    OrganizationAccess access;

    @EJB
    IssueReads issues;

    @EJB
    IssueEvents events;

    @EJB
    IssueStatusChanges statusChanges;

    @EJB
    IssueTags issueTags;

    @Inject
    CurrentRequest current;

    @PathParam("organization_slug")
    String organizationSlug;

    @GET
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public Response list(@QueryParam("project") List<String> projects, @QueryParam("query") String query,
                         @QueryParam("statsPeriod") String statsPeriod, @QueryParam("sort") String sort,
                         @QueryParam("cursor") String cursor, @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        OrganizationContext organization = enter();
        return IssueListing.page(issues, organization.organizationId(), projectIds(projects), query, statsPeriod, sort,
                cursor, perPage, uri, views.in(organization));
    }

    @GET
    @Path("{issue_id}/")
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public IssueView get(@PathParam("issue_id") String issueId) {
        OrganizationContext organization = enter();
        return issues.find(organization.organizationId(), IssueIds.parse(issueId)).map(views.in(organization))
                .orElseThrow(IssueIds::noSuchIssue);
    }

    @PUT
    @Path("{issue_id}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.EVENT_WRITE, userOnly = false)
    public IssueView update(@PathParam("issue_id") String issueId, String body) {
        OrganizationContext organization = enter();
        long id = IssueIds.parse(issueId);
        return views.in(organization).apply(statusChanges.change(organization, id, status(body),
                current.clientAddress()));
    }

    @GET
    @Path("{issue_id}/events/")
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public Response events(@PathParam("issue_id") String issueId, @QueryParam("cursor") String cursor,
                           @QueryParam("per_page") String perPage, @Context UriInfo uri) {
        OrganizationContext organization = enter();
        CursorPage<JsonObject> page = events.page(organization.organizationId(), IssueIds.parse(issueId), Cursor.parse(cursor),
                Cursor.limit(perPage)).map(EventJson::summary);
        return page.toResponse(uri).entity(Json.createArrayBuilder(page.items()).build()).build();
    }

    /**
     * One event of the issue in full, as the issue page shows it: {@code latest}, {@code oldest} or an event id, with
     * {@code previousEventID} and {@code nextEventID} (older and newer; null at either end) as Sentry gives them.
     */
    @GET
    @Path("{issue_id}/events/{event_id}/")
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public JsonObject event(@PathParam("issue_id") String issueId, @PathParam("event_id") String eventId) {
        OrganizationContext organization = enter();
        EventInIssue found = events.inIssue(organization.organizationId(), IssueIds.parse(issueId), eventId)
                .orElseThrow(() -> ApiException.notFound("The issue has no such event"));
        return Json.createObjectBuilder(EventJson.detail(found.event()))
                .add("previousEventID", found.previousEventId().map(id -> (JsonValue) Json.createValue(id)).orElse(JsonValue.NULL))
                .add("nextEventID", found.nextEventId().map(id -> (JsonValue) Json.createValue(id)).orElse(JsonValue.NULL))
                .build();
    }

    /** The tag keys of the issue's events with their top values and counts (Sentry's issue tags). */
    @GET
    @Path("{issue_id}/tags/")
    @Authorize(scopes = Scope.EVENT_READ, userOnly = false)
    public JsonArray tags(@PathParam("issue_id") String issueId) {
        OrganizationContext organization = enter();
        JsonArrayBuilder tags = Json.createArrayBuilder();
        for (TagSummary tag : issueTags.summarize(organization.organizationId(), IssueIds.parse(issueId))) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            tag.topValues().forEach(value -> values.add(Json.createObjectBuilder()
                    .add("key", tag.key()).add("name", value.value()).add("value", value.value())
                    .add("count", value.count())
                    .add("firstSeen", value.firstSeen().toString()).add("lastSeen", value.lastSeen().toString())));
            tags.add(Json.createObjectBuilder().add("key", tag.key()).add("name", tag.key())
                    .add("totalValues", tag.totalValues()).add("uniqueValues", tag.uniqueValues())
                    .add("topValues", values));
        }
        return tags.build();
    }

    /**
     * The {@code status} of an update's body, {@code {"status": "resolved" | "unresolved" | "ignored"}}; read
     * here rather than bound, so an empty or malformed body is refused with a detail that says what to send.
     */
    static String status(String body) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw ApiException.badRequest("The body must be a JSON object such as {\"status\": \"resolved\"}");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest("The body must be a JSON object such as {\"status\": \"resolved\"}");
        }
        JsonValue status = value.asJsonObject().get("status");
        return status instanceof JsonString text ? text.getString() : null;
    }

    private OrganizationContext enter() {
        return access.enter(current.requirePrincipal(), organizationSlug);
    }


    /** {@code project} parameters: project ids; none, or {@code -1}, for every project. */
    private static List<Long> projectIds(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            try {
                long id = Long.parseLong(value.strip());
                if (id == -1) {
                    return List.of();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("project", "must be a project id, or -1 for every project");
            }
        }
        return ids;
    }
}
