package io.silo.common.logging;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Payara's connection pool logs three records, one with a stack trace, for every connection it fails to open, so
 * while the database is away each request and each background job's tick wrote them again (about 150 lines a minute
 * per server in the outage tests). Of each of those records this lets one through per minute, and says on the next
 * one how many it held back; Silo's own one-line reports of the outage (see {@code OutageLog}) remain.
 */
final class PoolFailureThrottle implements Filter {

    private static final long PERIOD_MILLIS = 60_000;
    private static final String POOL_LOGGERS = "javax.enterprise.resource.resourceadapter.";
    private static final Set<String> REPEATED = Set.of("poolmgr.create_resource_error", "poolmgr.get_connection_failure",
            "jdbc.exc_get_conn", "jdbc.unable_to_set_client_info");

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    PoolFailureThrottle(Clock clock) {
        this.clock = clock;
    }

    private static final class Window {
        volatile long startedAt;
        final AtomicLong held = new AtomicLong();
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        String message = record.getMessage();
        if (logger == null || message == null || !logger.startsWith(POOL_LOGGERS) || !REPEATED.contains(message)) {
            return true;
        }
        long now = clock.millis();
        Window window = windows.computeIfAbsent(message, key -> new Window());
        synchronized (window) {
            if (window.startedAt != 0 && now - window.startedAt < PERIOD_MILLIS) {
                window.held.incrementAndGet();
                return false;
            }
            window.startedAt = now;
            long held = window.held.getAndSet(0);
            if (held > 0) {
                record.setMessage(message + " (and " + held + " more like it in the last minute, not logged)");
            }
            return true;
        }
    }
}
