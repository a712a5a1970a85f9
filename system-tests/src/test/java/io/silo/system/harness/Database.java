package io.silo.system.harness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/** Reads a server's own database as the server does, once or until an expected answer arrives (replication is eventual). */
public final class Database {

    private Database() {
    }

    /** The first column of the first row, as text; null when there is no row. */
    public static String queryOne(Topology topology, String server, String sql, Object... parameters) throws SQLException {
        try (Connection connection = topology.connectAs(server); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /** Polls until the query answers {@code expected} or the time is up; returns the last answer. */
    public static String await(Topology topology, String server, Duration within, String expected, String sql,
                               Object... parameters) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = queryOne(topology, server, sql, parameters);
        while (!Objects.equals(last, expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = queryOne(topology, server, sql, parameters);
        }
        return last;
    }
}
