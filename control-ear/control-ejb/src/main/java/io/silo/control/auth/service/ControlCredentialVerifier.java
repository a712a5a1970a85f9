package io.silo.control.auth.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.CredentialVerifier;
import io.silo.common.auth.SecretDigest;
import io.silo.common.auth.TokenFormat;
import io.silo.common.silo.ControlSilo;
import io.silo.control.identity.service.IdentityCache;
import io.silo.control.session.service.SessionService;
import io.silo.control.token.service.ApiTokenService;
import io.silo.control.user.model.User;
import io.silo.control.user.service.Operators;
import io.silo.control.user.service.UserAccountService;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;

/**
 * Control checks credentials against its own tables: the tokens and sessions it issued. A token verified
 * recently on this instance is answered from the {@link IdentityCache} without entering the EJB container.
 *
 * <p>An alternative with a priority: a MONOLITH deploys the region's verifier too (region-ejb's
 * {@code RegionCredentialVerifier}, from the replicas), and there control's, which knows sessions and reads
 * the tokens' own rows, must be the one {@link CredentialVerifier} injected — exactly one, never ambiguous.
 * A CONTROL server has only this one, a REGION server only the region's.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ControlSilo
public class ControlCredentialVerifier implements CredentialVerifier {

    @EJB
    ApiTokenService tokens;

    @EJB
    SessionService sessions;

    @EJB
    UserAccountService users;

    @Inject
    IdentityCache cache;

    @Inject
    Operators operators;

    @Override
    public Optional<ApiPrincipal> verifyToken(String token) {
        if (!TokenFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        return cache.token(SecretDigest.sha256Hex(token), () -> tokens.authenticate(token));
    }

    /** A session acts with every account scope, and an operator's also with {@code admin}. */
    @Override
    public Optional<VerifiedSession> verifySession(String sessionId) {
        return sessions.touch(sessionId).flatMap(session -> users.find(session.userId()).filter(User::isActive)
                .map(user -> new VerifiedSession(ApiPrincipal.session(user.id(), operators.grantable(user.email())),
                        session.csrfHash())));
    }
}
