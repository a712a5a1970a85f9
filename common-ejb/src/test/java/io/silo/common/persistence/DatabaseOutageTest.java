package io.silo.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        assertTrue(DatabaseOutage.isOutage(new IllegalStateException("storing failed",
                new SQLException("Connection to 127.0.0.1:15432 refused", "08001"))));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException(new SQLException("terminating connection due to"
                + " administrator command", "57P01"))));
        assertTrue(DatabaseOutage.isOutage(new SQLTransientConnectionException("no connection")));
        assertTrue(DatabaseOutage.isOutage(new RuntimeException("Error in allocating a connection. Cause: Connection"
                + " could not be allocated because: Connection refused")));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseOutage.isOutage(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseOutage.isOutage(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.isOutage(new IllegalStateException("no such row")));
    }

    @Test
    void theRootMessageNamesTheInnermostCause() {
        assertEquals("SQLException: Connection to 127.0.0.1:15432 refused", DatabaseOutage.rootMessage(
                new IllegalStateException("storing failed", new SQLException("Connection to 127.0.0.1:15432 refused"))));
        assertEquals("IllegalStateException: no such row", DatabaseOutage.rootMessage(
                new IllegalStateException("no such row")));
    }

    @Test
    void theDetailNamesWhoseDatabase() {
        assertEquals("The database of region eu is unavailable; retry later", DatabaseOutage.detail("region-eu"));
        assertEquals("The database of control is unavailable; retry later", DatabaseOutage.detail("control"));
    }
}
