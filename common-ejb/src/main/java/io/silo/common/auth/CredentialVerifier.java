package io.silo.common.auth;

import java.util.Optional;

/**
 * Checks the credentials a request presents. The silo that holds credentials implements it (control
 * from its own tables); a server without an implementation accepts no credentials at all.
 */
public interface CredentialVerifier {

    /** The principal of a valid, unexpired, unrevoked API token; empty for anything else. */
    Optional<ApiPrincipal> verifyToken(String token);

    /** The session's user if the session id is live; the check also slides its idle expiry. */
    Optional<VerifiedSession> verifySession(String sessionId);

    /** A live session: its principal, and the SHA-256 hex of its CSRF token to compare with the request's. */
    record VerifiedSession(ApiPrincipal principal, String csrfHash) {
    }
}
