package io.silo.control.admin.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.Cursor;
import io.silo.control.webhook.service.WebhookLog;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The webhooks control received, for operators, newest first and cursor-paginated, optionally of one
 * {@code provider}: {@code GET /api/0/admin/webhooks/} those routed, with the regions they went to, and
 * {@code GET /api/0/admin/webhooks/unroutable/} those no installation wanted, with why.
 */
@Path("api/0/admin/webhooks/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
@Authorize(scopes = Scope.ADMIN)
public class AdminWebhooksResource {

    @EJB
    WebhookLog log;

    @GET
    public Response routed(@QueryParam("provider") String provider, @QueryParam("cursor") String cursor,
                           @QueryParam("per_page") String perPage, @Context UriInfo uri) {
        return log.routed(provider, Cursor.parse(cursor), Cursor.limit(perPage)).toResponse(uri).build();
    }

    @GET
    @Path("unroutable/")
    public Response unroutable(@QueryParam("provider") String provider, @QueryParam("cursor") String cursor,
                               @QueryParam("per_page") String perPage, @Context UriInfo uri) {
        return log.unroutable(provider, Cursor.parse(cursor), Cursor.limit(perPage)).toResponse(uri).build();
    }
}
