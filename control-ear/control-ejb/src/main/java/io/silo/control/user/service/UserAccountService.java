package io.silo.control.user.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.outbox.payload.UserReplica;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.identity.service.IdentityCache;
import io.silo.control.identity.service.UserChanged;
import io.silo.control.identity.service.UserProfile;
import io.silo.control.session.service.SessionService;
import io.silo.control.user.model.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** Accounts: sign-up, profile and password. */
@Stateless
@ControlSilo
public class UserAccountService {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    AuditLog audit;

    @EJB
    SessionService sessions;

    @Inject
    PasswordHasher passwords;

    @Inject
    IdentityCache cache;

    @Inject
    Event<UserChanged> changes;

    @EJB
    OutboxWriter outbox;

    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public User signUp(String email, String name, String password, String ipAddress) {
        String normalized = normalizeEmail(email);
        if (findByEmail(normalized).isPresent()) {
            throw ApiException.conflict("An account with this email already exists; log in or reset its password");
        }
        User user = new User(ids.nextId(), normalized, name.strip(), passwords.hash(password), now());
        entityManager.persist(user);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            // the same email signed up at the same moment through another request or instance
            throw ApiException.conflict("An account with this email already exists; log in or reset its password");
        }
        audit.record(AuditEvent.USER_SIGNED_UP, user.id(), null, ipAddress, null);
        replicate(user);
        return user;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<User> findByEmail(String email) {
        return entityManager.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", normalizeEmail(email))
                .getResultStream().findFirst();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<User> find(long id) {
        return Optional.ofNullable(entityManager.find(User.class, id));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public User require(long id) {
        return find(id).filter(User::isActive).orElseThrow(() -> ApiException.notFound("No such user"));
    }

    /** Reads the profile the API shows from the database and caches it (callers ask the IdentityCache first). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public UserProfile loadProfile(long userId) {
        User user = require(userId);
        UserProfile profile = new UserProfile(user.id(), user.email(), user.name(), user.isActive(), user.createdAt());
        cache.putProfile(profile);
        return profile;
    }

    public User rename(ApiPrincipal actor, long userId, String name, String ipAddress) {
        User user = require(userId);
        user.rename(name.strip(), now());
        changes.fire(new UserChanged(userId));
        audit.record(AuditEvent.USER_UPDATED, userId, actor, ipAddress, "name");
        replicate(user);
        return user;
    }

    /**
     * Replaces the password after checking the current one, and ends every other session of the account:
     * whoever knew the old password is logged out everywhere.
     */
    public void changePassword(ApiPrincipal actor, long userId, String currentPassword, String newPassword,
                               String keepSessionId, String ipAddress) {
        User user = require(userId);
        if (!passwords.verify(currentPassword, user.passwordHash())) {
            throw ApiException.invalidField("password", "the current password is not correct");
        }
        user.changePasswordHash(passwords.hash(newPassword), now());
        changes.fire(new UserChanged(userId));
        sessions.endAllOtherSessions(userId, keepSessionId);
        audit.record(AuditEvent.PASSWORD_CHANGED, userId, actor, ipAddress, null);
    }

    /**
     * Closes the account (Sentry's deactivation): its sessions end, and the replica sent to every region is
     * inactive, so its tokens stop authenticating there as they do here. Nothing is deleted.
     */
    public void deactivate(ApiPrincipal actor, long userId, String ipAddress) {
        User user = require(userId);
        user.deactivate(now());
        changes.fire(new UserChanged(userId));
        sessions.endAllOtherSessions(userId, null);
        audit.record(AuditEvent.USER_DEACTIVATED, userId, actor, ipAddress, null);
        replicate(user);
    }

    /** Re-hashes a password just verified with fewer iterations than now configured; the password itself is unchanged. */
    public void upgradePasswordHash(long userId, String password) {
        require(userId).rehashPassword(passwords.hash(password));
    }

    /** Sends the account as it commits to every region, in this transaction (flushed first: the replica carries the new version). */
    private void replicate(User user) {
        entityManager.flush();
        outbox.toAllRegions(OutboxCategory.USER_REPLICA, user.id(), user.id(),
                new UserReplica(user.id(), user.email(), user.name(), user.isActive(), user.version()));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
