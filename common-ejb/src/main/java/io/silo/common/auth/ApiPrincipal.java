package io.silo.common.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling the API and with which credential. A login session acts as its user with every scope;
 * a user token as its user within its scopes; an organization token for its organization only.
 *
 * @param userId the user acted for; absent for an organization token
 * @param credentialId the token's id, or absent for a session (a session's id is a secret, never carried)
 * @param organizationId the organization an organization token is bound to
 */
public record ApiPrincipal(Kind kind, Optional<Long> userId, Optional<Long> credentialId,
                           Optional<Long> organizationId, Set<Scope> scopes) {

    public enum Kind { SESSION, USER_TOKEN, ORGANIZATION_TOKEN }

    public ApiPrincipal {
        scopes = Set.copyOf(scopes);
    }

    /** A login session: every account scope. */
    public static ApiPrincipal session(long userId) {
        return session(userId, Scope.accountScopes());
    }

    /** A login session with the given scopes (an operator's session also holds {@link Scope#ADMIN}). */
    public static ApiPrincipal session(long userId, Set<Scope> scopes) {
        return new ApiPrincipal(Kind.SESSION, Optional.of(userId), Optional.empty(), Optional.empty(), scopes);
    }

    public static ApiPrincipal userToken(long userId, long tokenId, Set<Scope> scopes) {
        return new ApiPrincipal(Kind.USER_TOKEN, Optional.of(userId), Optional.of(tokenId), Optional.empty(), scopes);
    }

    public static ApiPrincipal organizationToken(long organizationId, long tokenId, Set<Scope> scopes) {
        return new ApiPrincipal(Kind.ORGANIZATION_TOKEN, Optional.empty(), Optional.of(tokenId),
                Optional.of(organizationId), scopes);
    }

    public boolean has(Scope required) {
        return Scope.anyGrants(scopes, required);
    }

    public boolean isSession() {
        return kind == Kind.SESSION;
    }
}
