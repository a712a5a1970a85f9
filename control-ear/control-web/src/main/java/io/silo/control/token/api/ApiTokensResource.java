package io.silo.control.token.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
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
 * The caller's user tokens: {@code /api/0/api-tokens/}. As in Sentry, only a login session manages tokens,
 * so a leaked token can never mint or revoke others.
 */
@Path("api/0/api-tokens/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
@Authorize(sessionOnly = true)
public class ApiTokensResource {

    @EJB
    ApiTokenService tokens;

    @Inject
    CurrentRequest current;

    @GET
    public List<TokenView> list() {
        return tokens.liveTokensOf(current.requireUserId()).stream().map(TokenView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateTokenRequest body) {
        ApiTokenService.NewToken created = tokens.createUserToken(current.requirePrincipal(), current.requireUserId(),
                body.nameOr("API token"), body.requestedScopes(), body.expiresAt, current.clientAddress());
        return Response.status(Response.Status.CREATED).entity(TokenView.of(created.record(), created.token())).build();
    }

    @DELETE
    @Path("{tokenId}/")
    public Response revoke(@PathParam("tokenId") String tokenId) {
        tokens.revoke(current.requirePrincipal(), current.requireUserId(), TokenIds.parse(tokenId),
                current.clientAddress());
        return Response.noContent().build();
    }
}
