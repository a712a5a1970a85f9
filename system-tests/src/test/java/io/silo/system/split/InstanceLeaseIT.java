package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.id.InstanceLease;
import io.silo.common.persistence.SchemaMigrator;
import io.silo.system.harness.ScratchDatabase;
import io.silo.system.harness.SplitTopologyTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instance leases on the split topology's PostgreSQL, in a scratch database migrated exactly as the
 * control schema is, so the leases the running servers hold are never touched.
 */
@SplitTopologyTest
class InstanceLeaseIT {

    private static final String SCHEMA = "control";
    private static final long LONG_TTL_MILLIS = 60_000;

    private static ScratchDatabase database;
    private static DataSource dataSource;

    @BeforeAll
    static void createDatabase(Topology topology) throws SQLException {
        database = ScratchDatabase.create(topology, "instance_lease_it");
        dataSource = database.dataSource();
        SchemaMigrator.migrate(dataSource, SCHEMA);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void noLeaseIsHeld() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("DELETE FROM " + SCHEMA + ".instance_lease");
        }
    }

    @Test
    void leasesTakenConcurrentlyGetDistinctInstanceNumbers() throws Exception {
        int instances = 12;
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String holder = "concurrent-" + i;
                numbers.add(pool.submit(() -> {
                    InstanceLease lease = lease(holder, LONG_TTL_MILLIS);
                    start.await();
                    lease.acquire();
                    return lease.instanceNumber();
                }));
            }
            Set<Integer> distinct = new TreeSet<>();
            for (Future<Integer> number : numbers) {
                distinct.add(number.get());
            }
            assertEquals(IntStream.range(0, instances).boxed().collect(Collectors.toSet()), distinct,
                    "each of " + instances + " concurrent acquires got its own number, the lowest ones");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseNotRenewedPastItsExpiryIsTakenOverAboveItsReservedTime() throws Exception {
        InstanceLease lapsed = lease("lapsed", 500);
        lapsed.acquire();
        long reserved = lapsed.reserveUntil(123_456_789);

        Thread.sleep(1_500);
        InstanceLease successor = lease("successor", LONG_TTL_MILLIS);
        successor.acquire();

        assertEquals(lapsed.instanceNumber(), successor.instanceNumber(), "the expired number is reused");
        assertEquals(reserved, successor.startAfter(), "the successor starts above what the old holder reserved");
        IllegalStateException lost = assertThrows(IllegalStateException.class, lapsed::renew);
        assertTrue(lost.getMessage().contains("no longer held"), lost.getMessage());
        assertThrows(IllegalStateException.class, () -> lapsed.reserveUntil(200_000_000),
                "the old holder may not reserve more time for ids");
    }

    @Test
    void aRenewedLeaseIsKeptPastItsFirstExpiry() throws Exception {
        InstanceLease renewed = lease("renewed", 1_000);
        renewed.acquire();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(250);
            renewed.renew();
        }

        InstanceLease newcomer = lease("newcomer", LONG_TTL_MILLIS);
        newcomer.acquire();

        assertNotEquals(renewed.instanceNumber(), newcomer.instanceNumber(), "2.5 s after a 1 s lease, still held");
        assertEquals(42_000, renewed.reserveUntil(42_000), "the renewed holder still reserves time for ids");
    }

    @Test
    void anAcquireFailsClearlyWhenAllSixteenNumbersAreHeld() {
        Set<Integer> held = new TreeSet<>();
        for (int i = 0; i < 16; i++) {
            InstanceLease lease = lease("holder-" + i, LONG_TTL_MILLIS);
            lease.acquire();
            held.add(lease.instanceNumber());
        }
        assertEquals(16, held.size(), "sixteen holders, sixteen numbers: " + held);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> lease("seventeenth", LONG_TTL_MILLIS).acquire());
        assertEquals("All 16 instance numbers of control.instance_lease are leased by running instances: "
                + "stop one or wait for a lease to expire", refused.getMessage());
    }

    private static InstanceLease lease(String holder, long ttlMillis) {
        return new InstanceLease(dataSource, SCHEMA, holder, ttlMillis);
    }
}
