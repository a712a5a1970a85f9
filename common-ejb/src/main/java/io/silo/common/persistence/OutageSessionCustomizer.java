package io.silo.common.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for want of a connection three times, five seconds apart by default: while
 * the database is away a request then hangs for 10 s and more before its 503 (seen in the outage tests). Here a read
 * is retried once, at once — enough for a connection that died with a database restart — and the pool's own wait
 * ({@code fish.payara.max-wait-time-in-millis}, see {@link SiloDataSource}) bounds the rest.
 */
public class OutageSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(1);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
