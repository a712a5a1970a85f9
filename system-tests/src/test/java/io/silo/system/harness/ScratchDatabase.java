package io.silo.system.harness;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own on a topology's PostgreSQL, owned by a login role of its own, set up the way
 * the launcher sets up a silo's database. Tests that write rows the servers would act on (instance
 * leases, say) work here, so the running servers never see them. Dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final Topology topology;
    private final String name;
    private final PGSimpleDataSource dataSource;

    private ScratchDatabase(Topology topology, String name, String password) {
        this.topology = topology;
        this.name = name;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:" + topology.postgresPort() + "/" + name);
        dataSource.setUser(name);
        dataSource.setPassword(password);
    }

    /** Creates role and database {@code name}, replacing what an interrupted earlier run left behind. */
    public static ScratchDatabase create(Topology topology, String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try (Connection admin = topology.connectAsAdmin("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("DROP ROLE IF EXISTS " + name);
            sql.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            sql.execute("CREATE DATABASE " + name + " OWNER " + name);
            sql.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
        }
        return new ScratchDatabase(topology, name, password);
    }

    /** Connections as the database's owner role, each one new (no pool). */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = topology.connectAsAdmin("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("DROP ROLE IF EXISTS " + name);
        }
    }
}
