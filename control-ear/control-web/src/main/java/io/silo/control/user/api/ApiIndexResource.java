package io.silo.control.user.api;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.PublicEndpoint;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.control.identity.service.IdentityCache;
import io.silo.control.user.service.UserAccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * The API's root, {@code GET /api/0/}, as Sentry's: who the credential acts for and, for a token, its scopes. It is
 * how {@code sentry-cli info} and {@code sentry-cli login} check a token. Anyone may call it: without credentials
 * both parts are null; a credential that is not valid is 401 as everywhere.
 */
@Path("api/0/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
public class ApiIndexResource {

    @Inject
    UserViews userViews;

    @EJB
    UserAccountService users;

    @Inject
    CurrentRequest current;

    @Inject
    IdentityCache cache;

    /**
     * @param auth the token's scopes; null for a login session or no credential
     * @param user the account acted for; null for an organization token or no credential
     */
    public record ApiIndex(String version, Auth auth, UserView user) {
    }

    public record Auth(List<String> scopes) {
    }

    @GET
    @PublicEndpoint
    public ApiIndex index() {
        Optional<ApiPrincipal> principal = current.principal();
        Auth auth = principal.filter(caller -> !caller.isSession())
                .map(caller -> new Auth(caller.scopes().stream().map(Scope::value).sorted().toList())).orElse(null);
        UserView user = principal.flatMap(ApiPrincipal::userId)
                .map(userId -> userViews.of(cache.profile(userId, () -> users.loadProfile(userId))))
                .orElse(null);
        return new ApiIndex("0", auth, user);
    }
}
