package io.silo.common.auth;

import io.silo.common.silo.AllSilos;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The caller of the request being served: its principal once authenticated, and its network address. */
@RequestScoped
@AllSilos
public class CurrentRequest {

    private ApiPrincipal principal;
    private String clientAddress = "unknown";

    public Optional<ApiPrincipal> principal() {
        return Optional.ofNullable(principal);
    }

    /** The authenticated principal; resources that are not public can rely on it. */
    public ApiPrincipal requirePrincipal() {
        return principal().orElseThrow(() -> ApiException.unauthorized("Authentication credentials were not provided"));
    }

    /** The user acted for; an organization token has none and is refused. */
    public long requireUserId() {
        return requirePrincipal().userId()
                .orElseThrow(() -> ApiException.forbidden("This endpoint acts on a user account; organization tokens cannot use it"));
    }

    public String clientAddress() {
        return clientAddress;
    }

    /** Set once per request by the authentication filter (common-web), before any resource runs. */
    public void authenticated(ApiPrincipal principal) {
        this.principal = principal;
    }

    /** Set once per request by the authentication filter, from the connection or a trusted proxy's header. */
    public void clientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }
}
