package io.silo.common.auth;

import io.silo.common.web.ApiException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The single authorization check of the API: 401 without credentials, 403 when the credential lacks what
 * the endpoint demands, 404 for an organization the caller does not belong to (never revealing that it exists).
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Whether {@code principal} may call an endpoint marked with {@code rule} (absent: authentication only). */
    public static void check(Optional<ApiPrincipal> principal, Optional<Authorize> rule) {
        ApiPrincipal caller = principal.orElseThrow(
                () -> ApiException.unauthorized("Authentication credentials were not provided"));
        if (rule.isEmpty()) {
            return;
        }
        Authorize required = rule.get();
        if (required.userOnly() && caller.kind() == ApiPrincipal.Kind.ORGANIZATION_TOKEN) {
            throw ApiException.forbidden("This endpoint acts on a user account; organization tokens cannot use it");
        }
        if (required.sessionOnly() && !caller.isSession()) {
            throw ApiException.forbidden("This endpoint requires a login session; API tokens cannot use it");
        }
        String missing = Arrays.stream(required.scopes()).filter(scope -> !caller.has(scope))
                .map(Scope::value).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw ApiException.forbidden("The token lacks the scope this endpoint needs: " + missing);
        }
    }

    /**
     * An organization's resources exist for its members and for its own organization tokens only; for anyone
     * else they do not exist at all.
     *
     * @param isMember whether the principal's user belongs to the organization (the caller looks it up)
     */
    public static void checkOrganization(ApiPrincipal principal, long organizationId, boolean isMember) {
        boolean allowed = principal.kind() == ApiPrincipal.Kind.ORGANIZATION_TOKEN
                ? principal.organizationId().orElseThrow() == organizationId
                : isMember;
        if (!allowed) {
            throw ApiException.notFound("No such organization");
        }
    }
}
