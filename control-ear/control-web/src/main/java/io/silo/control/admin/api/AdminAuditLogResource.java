package io.silo.control.admin.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.control.audit.api.AuditEntryView;
import io.silo.control.audit.service.AuditFilter;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.user.model.User;
import io.silo.control.user.service.UserAccountService;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /api/0/admin/audit-log/}: control's audit index across regions (control's own entries and those every
 * region reported), newest first, cursor-paginated; narrowed by {@code organization} (id), {@code actor} (a user's
 * id or email), {@code event} ({@code login}, or {@code release.} for every release event) and {@code since} /
 * {@code until} (ISO-8601 instants or dates). Operators only.
 */
@Path("api/0/admin/audit-log/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
@Authorize(scopes = Scope.ADMIN)
public class AdminAuditLogResource {

    @EJB
    AuditLog auditLog;

    @EJB
    UserAccountService users;

    @GET
    public Response search(@QueryParam("organization") String organization, @QueryParam("actor") String actor,
                           @QueryParam("event") String event, @QueryParam("since") String since,
                           @QueryParam("until") String until, @QueryParam("cursor") String cursor,
                           @QueryParam("per_page") String perPage, @Context UriInfo uri) {
        AuditFilter filter = new AuditFilter(number("organization", organization), actor(actor),
                Optional.ofNullable(event).map(String::strip).filter(text -> !text.isEmpty()),
                time("since", since), time("until", until));
        return auditLog.search(filter, Cursor.parse(cursor), Cursor.limit(perPage)).map(AuditEntryView::of)
                .toResponse(uri).build();
    }

    /** A user's id, or the id of the account with that email (none: an id no entry has). */
    private Optional<Long> actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return Optional.empty();
        }
        if (actor.contains("@")) {
            return Optional.of(users.findByEmail(actor.strip()).map(User::id).orElse(-1L));
        }
        return number("actor", actor);
    }

    private static Optional<Long> number(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be an id (digits)" + (field.equals("actor") ? " or an email" : ""));
        }
    }

    private static Optional<OffsetDateTime> time(String field, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.length() == 10 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be an ISO-8601 date (2026-12-07) or instant (2026-12-07T12:03:00Z)");
        }
    }
}
