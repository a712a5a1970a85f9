package io.silo.common.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SnowflakeGeneratorTest {

    private static final long MAX_LEAD = 900_000;

    @Test
    void eightThreadsOnTwoGeneratorsMintEightMillionDistinctIdsIncreasingPerGenerator() throws Exception {
        SnowflakeGenerator[] generators = {generator(3, 1, Clock.systemUTC()), generator(3, 2, Clock.systemUTC())};
        int threads = 8;
        int perThread = 1_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long[] ids = new long[perThread];
                long[] lastPerGenerator = {-1, -1};
                for (int i = 0; i < perThread; i++) {
                    int which = i & 1;
                    long id = generators[which].nextId();
                    if (id <= lastPerGenerator[which]) {
                        throw new AssertionError("generator " + which + " went backwards: " + id + " after " + lastPerGenerator[which]);
                    }
                    lastPerGenerator[which] = id;
                    ids[i] = id;
                }
                return ids;
            }));
        }
        long[] all = new long[threads * perThread];
        for (int t = 0; t < threads; t++) {
            System.arraycopy(results.get(t).get(), 0, all, t * perThread, perThread);
        }
        pool.shutdown();
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                throw new AssertionError("duplicate id " + all[i]);
            }
        }
        assertTrue(all[all.length - 1] < (1L << 53), "fits in 53 bits");
        assertTrue(all[0] > 0);
    }

    @Test
    void idsCarryTheirRegionInstanceAndTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        long id = generator(17, 9, clock).nextId();
        assertEquals(17, SnowflakeGenerator.regionOf(id));
        assertEquals(9, SnowflakeGenerator.instanceOf(id));
        assertEquals(Instant.parse("2026-11-23T10:00:00Z"), SnowflakeGenerator.timeOf(id));
    }

    @Test
    void aClockThatStepsBackNeverCausesADuplicate() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        SnowflakeGenerator generator = generator(1, 0, clock);
        long before = generator.nextId();
        clock.set(Instant.parse("2026-11-23T09:59:00Z"));
        long after = generator.nextId();
        assertTrue(after > before, "ids keep increasing after the clock moved back a minute");
    }

    @Test
    void aClockFarBehindTheIssuedIdsFailsClearlyInsteadOfDuplicating() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        SnowflakeGenerator generator = new SnowflakeGenerator(1, 0, 0, clock, 1_000, 60_000, bound -> bound);
        long before = generator.nextId();
        clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        long previous = before;
        IllegalStateException refused = null;
        for (int i = 0; i < 100_000 && refused == null; i++) {
            try {
                long id = generator.nextId();
                assertTrue(id > previous);
                previous = id;
            } catch (IllegalStateException e) {
                refused = e;
            }
        }
        assertTrue(refused != null && refused.getMessage().contains("moved backwards"), String.valueOf(refused));
        clock.set(Instant.parse("2026-11-23T10:00:05Z"));
        assertTrue(generator.nextId() > previous, "resumes above every issued id once the clock caught up");
    }

    @Test
    void aNewHolderOfAnInstanceNumberStartsAboveTheReservedTime() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        AtomicLong reserved = new AtomicLong();
        SnowflakeGenerator first = new SnowflakeGenerator(1, 4, 0, clock, MAX_LEAD, 1_000, bound -> {
            reserved.set(bound);
            return bound;
        });
        long last = 0;
        for (int i = 0; i < 50_000; i++) {
            last = first.nextId();
        }
        SnowflakeGenerator successor = new SnowflakeGenerator(1, 4, reserved.get(), clock, MAX_LEAD, 1_000, bound -> bound);
        assertTrue(successor.nextId() > last, "the successor's first id is above the predecessor's last");
    }

    @Test
    void regionAndInstanceOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> generator(32, 0, Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> generator(1, 16, Clock.systemUTC()));
    }

    private static SnowflakeGenerator generator(int region, int instance, Clock clock) {
        return new SnowflakeGenerator(region, instance, 0, clock, MAX_LEAD, 60_000, bound -> bound);
    }
}
