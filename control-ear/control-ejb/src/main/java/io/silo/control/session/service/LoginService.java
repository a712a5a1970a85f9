package io.silo.control.session.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.user.model.User;
import io.silo.control.user.service.PasswordHasher;
import io.silo.control.user.service.UserAccountService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Logging in and out. A failed login gets the same answer whether the account exists or not, costs the same
 * time, and is counted and audited even though the request itself is refused.
 */
@Stateless
@ControlSilo
public class LoginService {

    static final String NEUTRAL_FAILURE = "The email or password is not correct";

    @EJB
    UserAccountService users;

    @EJB
    SessionService sessions;

    @EJB
    LoginThrottle throttle;

    @EJB
    AuditLog audit;

    @Inject
    PasswordHasher passwords;

    /** A successful login: the account and its new session. */
    public record LoggedIn(User user, SessionService.NewSession session) {
    }

    /** Each step commits on its own, so that a refused login still leaves its count and audit entry behind. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public LoggedIn login(String email, String password, String ipAddress) {
        String normalized = UserAccountService.normalizeEmail(email);
        String accountKey = LoginThrottle.accountKey(normalized);
        String addressKey = LoginThrottle.addressKey(ipAddress);
        OptionalLong blocked = throttle.blockedFor(accountKey, addressKey);
        if (blocked.isPresent()) {
            throw ApiException.tooManyRequests("Too many failed logins; try again later", blocked.getAsLong());
        }
        Optional<User> user = users.findByEmail(normalized).filter(User::isActive);
        boolean correct;
        if (user.isPresent()) {
            correct = passwords.verify(password, user.get().passwordHash());
        } else {
            passwords.verifyDecoy(password);
            correct = false;
        }
        if (!correct) {
            throttle.recordFailure(accountKey, addressKey);
            audit.recordAlone(AuditEvent.LOGIN_FAILED, user.map(User::id).orElse(null), null, ipAddress,
                    user.isPresent() ? "wrong password" : "no such account");
            throw ApiException.unauthorized(NEUTRAL_FAILURE);
        }
        throttle.clear(accountKey);
        if (passwords.isOutdated(user.get().passwordHash())) {
            users.upgradePasswordHash(user.get().id(), password);
        }
        return new LoggedIn(user.get(), sessions.open(user.get().id(), ipAddress));
    }

    public void logout(ApiPrincipal principal, String sessionId, String ipAddress) {
        if (sessions.end(sessionId)) {
            audit.record(AuditEvent.LOGOUT, principal.userId().orElse(null), principal, ipAddress, null);
        }
    }
}
