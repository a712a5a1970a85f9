package io.silo.control.audit.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.control.audit.model.AuditEntry;
import io.silo.control.audit.service.AuditLog;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /api/0/users/me/audit-log/}: the security log of the caller's account, newest first, paginated. */
@Path("api/0/users/me/audit-log/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
public class UserAuditLogResource {

    @EJB
    AuditLog audit;

    @Inject
    CurrentRequest current;

    @GET
    @Authorize(scopes = Scope.MEMBER_READ)
    public Response list(@QueryParam("cursor") String cursor, @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        CursorPage<AuditEntry> page = audit.page(current.requireUserId(), Cursor.parse(cursor), Cursor.limit(perPage));
        return page.map(AuditEntryView::of).toResponse(uri).build();
    }
}
