package io.silo.control.token.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : body.scopes) {
            scopes.add(Scope.fromValue(value).orElseThrow(() -> ApiException.invalidField("scopes", "unknown scope '"
                    + (value == null || value.length() > 32 ? "…" : value)
                    + "'; known scopes are org, project, team, member or event followed by :read, :write or :admin")));
        }
        String name = body.name == null || body.name.isBlank() ? "API token" : body.name.strip();
        ApiTokenService.NewToken created = tokens.createUserToken(current.requirePrincipal(), current.requireUserId(),
                name, scopes, body.expiresAt, current.clientAddress());
        return Response.status(Response.Status.CREATED).entity(TokenView.of(created.record(), created.token())).build();
    }

    @DELETE
    @Path("{tokenId}/")
    public Response revoke(@PathParam("tokenId") String tokenId) {
        long id;
        try {
            id = Long.parseLong(tokenId);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No such token");
        }
        tokens.revoke(current.requirePrincipal(), current.requireUserId(), id, current.clientAddress());
        return Response.noContent().build();
    }
}
