package io.silo.control.auth.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.CredentialVerifier;
import io.silo.common.auth.SecretDigest;
import io.silo.control.identity.service.IdentityCache;
import io.silo.common.silo.ControlSilo;
import io.silo.control.session.service.SessionService;
import io.silo.control.token.service.ApiTokenService;
import io.silo.control.token.service.TokenFormat;
import io.silo.control.user.model.User;
import io.silo.control.user.service.UserAccountService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Control checks credentials against its own tables: the tokens and sessions it issued. A token verified
 * recently on this instance is answered from the {@link IdentityCache} without entering the EJB container.
 */
@ApplicationScoped
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

    @Override
    public Optional<ApiPrincipal> verifyToken(String token) {
        if (!TokenFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        Optional<ApiPrincipal> cached = cache.token(SecretDigest.sha256Hex(token));
        return cached.isPresent() ? cached : tokens.authenticate(token);
    }

    @Override
    public Optional<VerifiedSession> verifySession(String sessionId) {
        return sessions.touch(sessionId)
                .filter(session -> users.find(session.userId()).filter(User::isActive).isPresent())
                .map(session -> new VerifiedSession(ApiPrincipal.session(session.userId()), session.csrfHash()));
    }
}
