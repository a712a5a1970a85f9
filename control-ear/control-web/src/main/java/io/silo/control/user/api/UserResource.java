package io.silo.control.user.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.auth.api.ApiAuthenticationFilter;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.identity.service.IdentityCache;
import io.silo.control.user.service.UserAccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's own account: {@code /api/0/users/me/}. */
@Path("api/0/users/me/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserViews userViews;

    @EJB
    UserAccountService users;

    @Inject
    CurrentRequest current;

    /** Profiles read recently on this instance: the common case costs neither a container call nor a query. */
    @Inject
    IdentityCache cache;

    @GET
    @Authorize(scopes = Scope.MEMBER_READ)
    public UserView get() {
        long userId = current.requireUserId();
        return userViews.of(cache.profile(userId, () -> users.loadProfile(userId)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.MEMBER_WRITE)
    public UserView update(@Valid @NotNull UpdateUserRequest body) {
        return userViews.of(users.rename(current.requirePrincipal(), current.requireUserId(), body.name,
                current.clientAddress()));
    }

    /**
     * Closes the caller's account (Sentry's deactivation): every session ends, and its tokens stop working here
     * at once and in every region once the inactive replica arrives there. Needs a session, as password changes do.
     */
    @DELETE
    @Authorize(sessionOnly = true)
    public Response deactivate() {
        users.deactivate(current.requirePrincipal(), current.requireUserId(), current.clientAddress());
        return Response.noContent().build();
    }

    /** Changing the password needs the current one and a session; every other session of the account ends. */
    @PUT
    @Path("password/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(sessionOnly = true)
    public Response changePassword(@Valid @NotNull PasswordChangeRequest body,
                                   @CookieParam(ApiAuthenticationFilter.SESSION_COOKIE) String sessionId) {
        if (!body.passwordNew.equals(body.passwordVerify)) {
            throw ApiException.invalidField("passwordVerify", "does not match passwordNew");
        }
        users.changePassword(current.requirePrincipal(), current.requireUserId(), body.password, body.passwordNew,
                sessionId, current.clientAddress());
        return Response.noContent().build();
    }
}
