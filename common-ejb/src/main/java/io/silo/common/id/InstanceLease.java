package io.silo.common.id;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One instance number of a silo (0..15), leased in the silo's {@code instance_lease} table so no
 * two running instances share it. The lease expires unless renewed; an expired number is taken over
 * by the next instance that starts, above the old holder's reserved logical time.
 */
public final class InstanceLease {

    private final DataSource dataSource;
    private final String table;
    private final String holder;
    private final long ttlMillis;
    private int instanceNumber = -1;
    private long startAfter;
    private volatile long validUntilNanos;

    /** @param schema {@code control} or {@code region}: whose {@code instance_lease} table */
    public InstanceLease(DataSource dataSource, String schema, String holderName, long ttlMillis) {
        this.dataSource = dataSource;
        this.table = schema + ".instance_lease";
        this.holder = holderName + "/" + UUID.randomUUID();
        this.ttlMillis = ttlMillis;
    }

    /** Takes the lowest free or expired number. */
    public synchronized void acquire() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long before = System.nanoTime();
                // Instances that start together take turns: two claims of the same free number would
                // otherwise leave the later one without a row (its ON CONFLICT finds a live lease),
                // refused as if all sixteen were taken. Renewals do not wait for this lock.
                try (PreparedStatement turn = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    turn.setString(1, table);
                    turn.execute();
                }
                try (PreparedStatement claim = connection.prepareStatement(
                        "INSERT INTO " + table + " AS lease (instance_number, holder, expires_at) "
                                + "SELECT n, ?, now() + ? * interval '1 millisecond' FROM generate_series(0, 15) AS n "
                                + "WHERE NOT EXISTS (SELECT 1 FROM " + table + " held WHERE held.instance_number = n AND held.expires_at > now()) "
                                + "ORDER BY n LIMIT 1 "
                                + "ON CONFLICT (instance_number) DO UPDATE SET holder = excluded.holder, "
                                + "acquired_at = now(), expires_at = excluded.expires_at WHERE lease.expires_at <= now() "
                                + "RETURNING instance_number, reserved_until")) {
                    claim.setString(1, holder);
                    claim.setLong(2, ttlMillis);
                    try (ResultSet row = claim.executeQuery()) {
                        if (!row.next()) {
                            throw new IllegalStateException("All 16 instance numbers of " + table
                                    + " are leased by running instances: stop one or wait for a lease to expire");
                        }
                        instanceNumber = row.getInt(1);
                        startAfter = row.getLong(2);
                    }
                }
                connection.commit();
                validUntilNanos = before + ttlMillis * 1_000_000L;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lease an instance number in " + table + ": " + e.getMessage(), e);
        }
    }

    /** Extends the lease; a lease already lost (expired and taken) is an error. */
    public void renew() {
        long before = System.nanoTime();
        update("UPDATE " + table + " SET expires_at = now() + ? * interval '1 millisecond' "
                + "WHERE instance_number = ? AND holder = ?", ttlMillis);
        validUntilNanos = before + ttlMillis * 1_000_000L;
    }

    /** Persists that logical time up to {@code bound} may be used by this holder; used as the generator's reservation. */
    public long reserveUntil(long bound) {
        checkValid();
        update("UPDATE " + table + " SET reserved_until = GREATEST(reserved_until, ?) "
                + "WHERE instance_number = ? AND holder = ? AND expires_at > now()", bound);
        return bound;
    }

    public void release() {
        if (instanceNumber >= 0) {
            update("UPDATE " + table + " SET expires_at = now() WHERE instance_number = ? AND holder = ?", null);
        }
    }

    public int instanceNumber() {
        return instanceNumber;
    }

    public long startAfter() {
        return startAfter;
    }

    /**
     * A lease that expired (its renewals failed, the database was away) is renewed here, inline, so the first id
     * asked for after the database is back is issued at once rather than after the next timer's renewal. A lease
     * another instance took meanwhile cannot be renewed: no ids until this instance restarts.
     */
    private void checkValid() {
        if (System.nanoTime() - validUntilNanos > 0) {
            try {
                renew();
            } catch (RuntimeException e) {
                throw new IllegalStateException("The instance lease " + instanceNumber + " in " + table
                        + " expired without renewal and cannot be renewed now: no ids are issued until it is", e);
            }
        }
    }

    private void update(String sql, Long value) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (value != null) {
                statement.setLong(index++, value);
            }
            statement.setInt(index++, instanceNumber);
            statement.setString(index, holder);
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("The instance lease " + instanceNumber + " in " + table
                        + " is no longer held by " + holder);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the instance lease in " + table + ": " + e.getMessage(), e);
        }
    }
}
