package io.silo.control.session.service;

import io.silo.common.auth.SecretDigest;
import io.silo.common.silo.ControlSilo;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins per account and per client address in fixed windows of
 * {@code silo.login.throttle-window}, in the database, so the limits hold across every control instance.
 * The account key is a digest of the email: attempts on addresses that have no account leave no email behind.
 */
@Stateless
@ControlSilo
public class LoginThrottle {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "silo.login.max-failures-per-account", defaultValue = "5")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "silo.login.max-failures-per-address", defaultValue = "30")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "silo.login.throttle-window", defaultValue = "PT15M")
    Duration window;

    public static String accountKey(String normalizedEmail) {
        return "account:" + SecretDigest.sha256Hex(normalizedEmail);
    }

    public static String addressKey(String ipAddress) {
        return "address:" + ipAddress;
    }

    /** Seconds until the account or address may try again, if either has used up its failures. */
    public OptionalLong blockedFor(String accountKey, String addressKey) {
        long account = secondsBlocked(accountKey, maxPerAccount);
        long address = secondsBlocked(addressKey, maxPerAddress);
        long blocked = Math.max(account, address);
        return blocked > 0 ? OptionalLong.of(blocked) : OptionalLong.empty();
    }

    private long secondsBlocked(String key, int maxFailures) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT CEIL(EXTRACT(EPOCH FROM (window_started_at + make_interval(secs => ?1)) - now()))
                          FROM control.login_throttle
                         WHERE throttle_key = ?2 AND failures >= ?3""")
                .setParameter(1, window.toSeconds())
                .setParameter(2, key)
                .setParameter(3, maxFailures)
                .getResultList();
        return rows.isEmpty() ? 0 : Math.max(0, ((Number) rows.get(0)).longValue());
    }

    /** One more failure for each key, starting a new window where the last one is over. */
    public void recordFailure(String... keys) {
        for (String key : keys) {
            entityManager.createNativeQuery("""
                            INSERT INTO control.login_throttle AS t (throttle_key, window_started_at, failures)
                            VALUES (?1, now(), 1)
                            ON CONFLICT (throttle_key) DO UPDATE SET
                              failures = CASE WHEN t.window_started_at + make_interval(secs => ?2) <= now()
                                              THEN 1 ELSE t.failures + 1 END,
                              window_started_at = CASE WHEN t.window_started_at + make_interval(secs => ?2) <= now()
                                                       THEN now() ELSE t.window_started_at END""")
                    .setParameter(1, key)
                    .setParameter(2, window.toSeconds())
                    .executeUpdate();
        }
    }

    /** A successful login forgives the account's failures (its address keeps its count). */
    public void clear(String key) {
        entityManager.createNativeQuery("DELETE FROM control.login_throttle WHERE throttle_key = ?1")
                .setParameter(1, key)
                .executeUpdate();
    }

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    void deleteFinishedWindows() {
        entityManager.createNativeQuery(
                        "DELETE FROM control.login_throttle WHERE window_started_at + make_interval(secs => ?1) <= now()")
                .setParameter(1, window.toSeconds())
                .executeUpdate();
    }
}
