package io.silo.control.session.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.SecretDigest;
import io.silo.common.silo.ControlSilo;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.session.model.UserSession;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server-side login sessions in the control database, so that every control instance sees a login and a
 * logout at once. A session ends after {@code silo.session.idle-timeout} without use or
 * {@code silo.session.absolute-timeout} after login, whichever comes first.
 */
@Stateless
@ControlSilo
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());
    /** Use within this time of the last recorded one is not written again: one write a minute, not per request. */
    private static final Duration SEEN_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    AuditLog audit;

    @Resource
    SessionContext context;

    @Inject
    @ConfigProperty(name = "silo.session.idle-timeout", defaultValue = "P14D")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "silo.session.absolute-timeout", defaultValue = "P30D")
    Duration absoluteTimeout;

    /** A session just opened: the secrets go to the client once and are never stored. */
    public record NewSession(String sessionId, String csrfToken, OffsetDateTime expiresAt) {
    }

    /** Opens a session for a user whose password was just checked, and audits the login with it. */
    public NewSession open(long userId, String ipAddress) {
        String sessionId = SecretDigest.randomSecret(32);
        String csrfToken = SecretDigest.randomSecret(32);
        OffsetDateTime now = now();
        OffsetDateTime absoluteExpiry = now.plus(absoluteTimeout);
        OffsetDateTime idleExpiry = now.plus(idleTimeout);
        entityManager.persist(new UserSession(SecretDigest.sha256Hex(sessionId), SecretDigest.sha256Hex(csrfToken),
                userId, ipAddress, now, idleExpiry.isAfter(absoluteExpiry) ? absoluteExpiry : idleExpiry, absoluteExpiry));
        audit.record(AuditEvent.LOGIN, userId, ApiPrincipal.session(userId), ipAddress, null);
        return new NewSession(sessionId, csrfToken, absoluteExpiry);
    }

    /**
     * The live session with this id; empty if unknown or expired. Runs on every cookie request, so it reads
     * without a transaction and writes the moved idle expiry at most once a minute.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<UserSession> touch(String sessionId) {
        UserSession session = entityManager.find(UserSession.class, SecretDigest.sha256Hex(sessionId));
        OffsetDateTime now = now();
        if (session == null || !session.isLiveAt(now)) {
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(SEEN_RESOLUTION).isBefore(now)) {
            context.getBusinessObject(SessionService.class).recordActivity(session.sessionHash(), now);
        }
        return Optional.of(session);
    }

    /** Slides the idle expiry of a session that is still live, never past its absolute expiry. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordActivity(String sessionHash, OffsetDateTime now) {
        UserSession session = entityManager.find(UserSession.class, sessionHash);
        if (session != null && session.isLiveAt(now)) {
            session.seen(now, now.plus(idleTimeout));
        }
    }

    /** Ends the session; true if it was live. */
    public boolean end(String sessionId) {
        return entityManager.createQuery("DELETE FROM UserSession s WHERE s.sessionHash = :hash")
                .setParameter("hash", SecretDigest.sha256Hex(sessionId))
                .executeUpdate() > 0;
    }

    /** Ends every session of the user except {@code keepSessionId} (absent: all of them). */
    public int endAllOtherSessions(long userId, String keepSessionId) {
        String keep = keepSessionId == null ? "" : SecretDigest.sha256Hex(keepSessionId);
        return entityManager.createQuery("DELETE FROM UserSession s WHERE s.userId = :userId AND s.sessionHash <> :keep")
                .setParameter("userId", userId)
                .setParameter("keep", keep)
                .executeUpdate();
    }

    /** Expired sessions are dead already; this only reclaims their rows. Harmless on every instance at once. */
    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void deleteExpired() {
        OffsetDateTime now = now();
        int deleted = entityManager.createQuery(
                        "DELETE FROM UserSession s WHERE s.idleExpiresAt < :now OR s.absoluteExpiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        if (deleted > 0) {
            LOG.info(() -> "Deleted " + deleted + " expired sessions");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
