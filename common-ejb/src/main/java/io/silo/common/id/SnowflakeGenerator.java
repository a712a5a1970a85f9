package io.silo.common.id;

import java.time.Clock;
import java.time.Instant;

/**
 * Globally unique 53-bit ids (safe as JavaScript numbers) minted without coordination between
 * silos or instances:
 *
 * <pre>
 *  52                                      12 11     7 6    3 2  0
 * +------------------------------------------+--------+------+----+
 * | logical milliseconds since 2025-01-01 UTC | region | inst | seq|
 * |                 41 bits (~69 years)       | 5 bits |4 bits|3 b.|
 * +------------------------------------------+--------+------+----+
 * </pre>
 *
 * Region 0 is control, 1..31 are regions (their ids in the region directory); the instance number
 * (0..15) is leased per running instance, so no two live instances of a silo share it.
 *
 * <p>The millisecond is a logical clock: it never goes backwards and may run ahead of the wall
 * clock when more than eight ids are asked for in one millisecond or when the wall clock steps back.
 * It may lead by at most {@code maxLead}; beyond that it waits up to a second for the wall clock,
 * and fails (never duplicates) when the clock moved back further. Every logical millisecond used is
 * first reserved through {@link Reservation}, which persists the high-water mark with the lease, so
 * a later holder of the same instance number starts above anything this one could have issued.
 */
public final class SnowflakeGenerator {

    public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    public static final int REGION_BITS = 5;
    public static final int INSTANCE_BITS = 4;
    public static final int SEQUENCE_BITS = 3;
    public static final int TIME_BITS = 53 - REGION_BITS - INSTANCE_BITS - SEQUENCE_BITS;
    public static final int MAX_REGION_ID = (1 << REGION_BITS) - 1;
    public static final int MAX_INSTANCE_NUMBER = (1 << INSTANCE_BITS) - 1;
    private static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;
    private static final long MAX_TIME = (1L << TIME_BITS) - 1;
    private static final long WAIT_FOR_CLOCK_MILLIS = 1000;

    /** Makes logical milliseconds up to a bound safe to use; returns the new exclusive bound. */
    @FunctionalInterface
    public interface Reservation {
        long reserveUntil(long wantedExclusiveBound);
    }

    private final Clock clock;
    private final long prefix;
    private final long maxLeadMillis;
    private final long reserveAheadMillis;
    private final Reservation reservation;

    private long logicalMillis;
    private int sequence = MAX_SEQUENCE;
    private long reservedUntil;

    /**
     * @param startAfter a logical millisecond already used by an earlier holder of this instance number
     */
    public SnowflakeGenerator(int regionId, int instanceNumber, long startAfter, Clock clock,
                              long maxLeadMillis, long reserveAheadMillis, Reservation reservation) {
        if (regionId < 0 || regionId > MAX_REGION_ID) {
            throw new IllegalArgumentException("region id must be 0.." + MAX_REGION_ID + ", got " + regionId);
        }
        if (instanceNumber < 0 || instanceNumber > MAX_INSTANCE_NUMBER) {
            throw new IllegalArgumentException("instance number must be 0.." + MAX_INSTANCE_NUMBER + ", got " + instanceNumber);
        }
        this.prefix = ((long) regionId << (INSTANCE_BITS + SEQUENCE_BITS)) | ((long) instanceNumber << SEQUENCE_BITS);
        this.clock = clock;
        this.maxLeadMillis = maxLeadMillis;
        this.reserveAheadMillis = reserveAheadMillis;
        this.reservation = reservation;
        this.logicalMillis = startAfter;
        this.reservedUntil = startAfter + 1;
    }

    public synchronized long nextId() {
        long now = wallMillis();
        if (now > logicalMillis) {
            logicalMillis = now;
            sequence = 0;
        } else if (sequence < MAX_SEQUENCE) {
            sequence++;
        } else {
            logicalMillis++;
            sequence = 0;
            if (logicalMillis - now > maxLeadMillis) {
                waitForClock(now);
            }
        }
        if (logicalMillis >= reservedUntil) {
            reservedUntil = reservation.reserveUntil(logicalMillis + reserveAheadMillis);
            if (logicalMillis >= reservedUntil) {
                throw new IllegalStateException("id reservation refused: cannot issue ids beyond logical time " + reservedUntil);
            }
        }
        if (logicalMillis > MAX_TIME) {
            throw new IllegalStateException("snowflake time bits exhausted");
        }
        return (logicalMillis << (REGION_BITS + INSTANCE_BITS + SEQUENCE_BITS)) | prefix | sequence;
    }

    private void waitForClock(long now) {
        long lead = logicalMillis - now;
        if (lead - maxLeadMillis > WAIT_FOR_CLOCK_MILLIS) {
            logicalMillis--;
            sequence = MAX_SEQUENCE;
            throw new IllegalStateException("The clock is " + lead + " ms behind the last issued id (more than the "
                    + maxLeadMillis + " ms allowed): it moved backwards. No id is issued until it catches up.");
        }
        try {
            Thread.sleep(lead - maxLeadMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the clock", e);
        }
    }

    private long wallMillis() {
        return clock.millis() - EPOCH.toEpochMilli();
    }

    /** The region id embedded in an id. */
    public static int regionOf(long id) {
        return (int) ((id >>> (INSTANCE_BITS + SEQUENCE_BITS)) & MAX_REGION_ID);
    }

    /** The instance number embedded in an id. */
    public static int instanceOf(long id) {
        return (int) ((id >>> SEQUENCE_BITS) & MAX_INSTANCE_NUMBER);
    }

    /** The logical time embedded in an id. */
    public static Instant timeOf(long id) {
        return EPOCH.plusMillis(id >>> (REGION_BITS + INSTANCE_BITS + SEQUENCE_BITS));
    }
}
