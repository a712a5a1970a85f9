package io.silo.control.auth.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.CredentialVerifier;
import io.silo.common.silo.ControlSilo;
import io.silo.control.session.service.SessionService;
import io.silo.control.token.service.ApiTokenService;
import io.silo.control.user.model.User;
import io.silo.control.user.service.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;

/** Control checks credentials against its own tables: the tokens and sessions it issued. */
@Stateless
@ControlSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ControlCredentialVerifier implements CredentialVerifier {

    @EJB
    ApiTokenService tokens;

    @EJB
    SessionService sessions;

    @EJB
    UserService users;

    @Override
    public Optional<ApiPrincipal> verifyToken(String token) {
        return tokens.authenticate(token);
    }

    @Override
    public Optional<VerifiedSession> verifySession(String sessionId) {
        return sessions.touch(sessionId)
                .filter(session -> users.find(session.userId()).filter(User::isActive).isPresent())
                .map(session -> new VerifiedSession(ApiPrincipal.session(session.userId()), session.csrfHash()));
    }
}
