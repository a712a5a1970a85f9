package io.silo.control.token.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.control.token.service.ApiTokenService;
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
 * An organization's tokens: {@code /api/0/organizations/{slug}/org-auth-tokens/}, control's although the path is
 * organization-scoped (tokens are control's, as in Sentry; the gateway leaves this path here). Members list them;
 * owners and managers create and revoke them, from a login session only, so a leaked token never mints another.
 * A token is Sentry's {@code sntrys_…}, carrying its organization's region API URL: the gateway sends its requests to
 * that region without a lookup, and the region authenticates it from the replica control sends there.
 */
@Path("api/0/organizations/{organizationSlug}/org-auth-tokens/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationTokensResource {

    @EJB
    ApiTokenService tokens;

    @Inject
    CurrentRequest current;

    @PathParam("organizationSlug")
    String organizationSlug;

    @GET
    @Authorize(scopes = Scope.ORG_READ)
    public List<TokenView> list() {
        return tokens.liveTokensOfOrganization(current.requireUserId(), organizationSlug).stream()
                .map(TokenView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(sessionOnly = true)
    public Response create(@Valid @NotNull CreateTokenRequest body) {
        ApiTokenService.NewToken created = tokens.createOrganizationToken(current.requirePrincipal(),
                current.requireUserId(), organizationSlug, body.nameOr("Organization token"), body.requestedScopes(),
                body.expiresAt, current.clientAddress());
        return Response.status(Response.Status.CREATED).entity(TokenView.of(created.record(), created.token())).build();
    }

    @DELETE
    @Path("{tokenId}/")
    @Authorize(sessionOnly = true)
    public Response revoke(@PathParam("tokenId") String tokenId) {
        tokens.revokeOrganizationToken(current.requirePrincipal(), current.requireUserId(), organizationSlug,
                TokenIds.parse(tokenId), current.clientAddress());
        return Response.noContent().build();
    }
}
