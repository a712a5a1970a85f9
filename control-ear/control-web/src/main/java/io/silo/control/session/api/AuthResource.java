package io.silo.control.session.api;

import io.silo.common.auth.api.ApiAuthenticationFilter;
import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.PublicEndpoint;
import io.silo.common.silo.ControlSilo;
import io.silo.control.session.service.LoginService;
import io.silo.control.session.service.SessionService;
import io.silo.control.user.api.UserView;
import io.silo.control.user.api.UserViews;
import io.silo.control.user.service.UserAccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sign-up, login and logout: {@code /api/0/auth/}. */
@Path("api/0/auth/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    UserViews userViews;

    @EJB
    UserAccountService users;

    @EJB
    LoginService logins;

    @Inject
    CurrentRequest current;

    /** Secure cookies only travel over HTTPS: turn on wherever Silo is served through TLS. */
    @Inject
    @ConfigProperty(name = "silo.session.cookie-secure", defaultValue = "false")
    boolean secureCookies;

    @POST
    @Path("register/")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    public Response register(@Valid @NotNull SignUpRequest body) {
        UserView user = userViews.of(users.signUp(body.email, body.name, body.password, current.clientAddress()));
        return Response.created(UriBuilder.fromPath("/api/0/users/me/").build()).entity(user).build();
    }

    @POST
    @Path("login/")
    @Consumes(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    public Response login(@Valid @NotNull LoginRequest body) {
        LoginService.LoggedIn login = logins.login(body.email, body.password, current.clientAddress());
        SessionService.NewSession session = login.session();
        long maxAge = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), session.expiresAt()).toSeconds();
        return Response.ok(new LoginView(userViews.of(login.user()), session.csrfToken()))
                .cookie(cookie(ApiAuthenticationFilter.SESSION_COOKIE, session.sessionId(), true, maxAge, session.expiresAt()),
                        cookie(ApiAuthenticationFilter.CSRF_COOKIE, session.csrfToken(), false, maxAge, session.expiresAt()))
                .build();
    }

    /** Ends the session on every control instance at once (it lives in the shared database). */
    @DELETE
    @Authorize(sessionOnly = true)
    public Response logout(@CookieParam(ApiAuthenticationFilter.SESSION_COOKIE) String sessionId) {
        logins.logout(current.requirePrincipal(), sessionId, current.clientAddress());
        return Response.noContent()
                .cookie(cookie(ApiAuthenticationFilter.SESSION_COOKIE, "", true, 0, OffsetDateTime.now(ZoneOffset.UTC)),
                        cookie(ApiAuthenticationFilter.CSRF_COOKIE, "", false, 0, OffsetDateTime.now(ZoneOffset.UTC)))
                .build();
    }

    private NewCookie cookie(String name, String value, boolean httpOnly, long maxAge, OffsetDateTime expiry) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge((int) Math.max(0, maxAge))
                .expiry(Date.from(expiry.toInstant()))
                .httpOnly(httpOnly)
                .secure(secureCookies)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
