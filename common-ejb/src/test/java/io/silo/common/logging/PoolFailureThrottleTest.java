package io.silo.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class PoolFailureThrottleTest {

    private static final String POOL = "javax.enterprise.resource.resourceadapter.com.sun.enterprise.resource.allocator";

    private static LogRecord record(String logger, String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void aRepeatedPoolFailureIsLoggedOnceAMinuteWithTheCountHeldBack() {
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        MutableClock clock = new MutableClock(start);
        PoolFailureThrottle throttle = new PoolFailureThrottle(clock);
        assertTrue(throttle.isLoggable(record(POOL, "poolmgr.create_resource_error")));
        clock.set(start.plusSeconds(3));
        assertFalse(throttle.isLoggable(record(POOL, "poolmgr.create_resource_error")));
        assertFalse(throttle.isLoggable(record(POOL, "poolmgr.create_resource_error")));
        assertTrue(throttle.isLoggable(record(POOL, "jdbc.exc_get_conn")), "each record has its own minute");
        clock.set(start.plus(Duration.ofSeconds(61)));
        LogRecord next = record(POOL, "poolmgr.create_resource_error");
        assertTrue(throttle.isLoggable(next));
        assertEquals("poolmgr.create_resource_error (and 2 more like it in the last minute, not logged)", next.getMessage());
    }

    @Test
    void everythingElsePasses() {
        PoolFailureThrottle throttle = new PoolFailureThrottle(Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.isLoggable(record("io.silo.common.outbox.OutboxDrainer", "poolmgr.create_resource_error")));
            assertTrue(throttle.isLoggable(record(POOL, "poolmgr.some_other_problem")));
        }
    }
}
