package io.silo.bench;

import io.silo.common.id.SnowflakeGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * Single-threaded snowflake ids per second, next to System.nanoTime() calls per second measured in
 * the same run as the baseline (a generator cannot be faster than reading a clock). Runs of the two
 * alternate, so a burst of load from another process hits both; the medians are reported.
 *
 * <p>The generator is configured as on a server ({@code silo.ids.max-lead-millis} default, 60 s
 * reserved ahead) except that reserving is free here, where a server writes one row per 60 s of
 * logical time. Eight ids fit in one millisecond, so a run this fast borrows logical milliseconds
 * ahead of the wall clock, within the allowed lead; the rate an instance sustains once that lead is
 * used up, eight ids per wall-clock millisecond, is measured separately.
 */
public final class SnowflakeIdBenchmark {

    private static final int RUNS = 9;
    private static final int WARMUP_RUNS = 3;
    private static final long CALLS = 5_000_000;
    private static final long MAX_LEAD_MILLIS = 900_000;
    private static final long RESERVE_AHEAD_MILLIS = 60_000;
    private static final int SUSTAINED_RUNS = 3;
    private static final long SUSTAINED_NANOS = 1_000_000_000L;
    private static final double TARGET_IDS_PER_SECOND = 1_000_000;
    private static long sink;

    public static void main(String[] args) throws IOException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int warmup = 0; warmup < WARMUP_RUNS; warmup++) {
            idsPerSecond(warmup);
            nanoTimePerSecond();
        }
        double[] ids = new double[RUNS];
        double[] clock = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            ids[run] = idsPerSecond(WARMUP_RUNS + run);
            clock[run] = nanoTimePerSecond();
        }
        double[] sustained = new double[SUSTAINED_RUNS];
        for (int run = 0; run < SUSTAINED_RUNS; run++) {
            sustained[run] = sustainedIdsPerSecond(run);
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double idMedian = median(ids);
        double clockMedian = median(clock);
        String json = String.format(Locale.ROOT, """
                {
                  "benchmark": "snowflake-ids",
                  "what": "single-threaded SnowflakeGenerator.nextId() calls per second (logical clock ahead of the wall clock, within max-lead %d ms; reservation not written to a database)",
                  "ids_per_second_median": %.0f,
                  "ids_per_second_runs": %s,
                  "baseline": "System.nanoTime() calls per second, runs alternating with the id runs",
                  "baseline_per_second_median": %.0f,
                  "baseline_per_second_runs": %s,
                  "ratio_to_baseline": %.3f,
                  "target_ids_per_second": %.0f,
                  "meets_target": %s,
                  "sustained_ids_per_second_median": %.0f,
                  "sustained_note": "once the lead is used up an instance issues at most 8 ids per wall-clock millisecond (3 sequence bits); %d runs of 1 s",
                  "runs": %d,
                  "warmup_runs": %d,
                  "calls_per_run": %d,
                  "machine": "%s",
                  "load_average_before": %.2f,
                  "load_average_after": %.2f,
                  "date": "%s"
                }
                """, MAX_LEAD_MILLIS, idMedian, json(ids), clockMedian, json(clock), idMedian / clockMedian,
                TARGET_IDS_PER_SECOND, idMedian >= TARGET_IDS_PER_SECOND, median(sustained), SUSTAINED_RUNS,
                RUNS, WARMUP_RUNS, CALLS, machine(), loadBefore, loadAfter, Instant.now());
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/snowflake-ids.json");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.print(json);
    }

    private static double idsPerSecond(int run) {
        // a fresh generator per run starts its logical clock at the wall clock, so no run inherits
        // the lead an earlier one built up
        SnowflakeGenerator generator = new SnowflakeGenerator(1, run % 16, 0, Clock.systemUTC(),
                MAX_LEAD_MILLIS, RESERVE_AHEAD_MILLIS, bound -> bound);
        long start = System.nanoTime();
        long last = 0;
        for (long i = 0; i < CALLS; i++) {
            last = generator.nextId();
        }
        long elapsed = System.nanoTime() - start;
        sink += last;
        return CALLS * 1e9 / elapsed;
    }

    private static double nanoTimePerSecond() {
        long start = System.nanoTime();
        long total = 0;
        for (long i = 0; i < CALLS; i++) {
            total += System.nanoTime();
        }
        long elapsed = System.nanoTime() - start;
        sink += total;
        return CALLS * 1e9 / elapsed;
    }

    /** No lead allowed: the rate once a server has used up its max-lead. */
    private static double sustainedIdsPerSecond(int run) {
        SnowflakeGenerator generator = new SnowflakeGenerator(2, run % 16, 0, Clock.systemUTC(),
                0, RESERVE_AHEAD_MILLIS, bound -> bound);
        long start = System.nanoTime();
        long calls = 0;
        long elapsed;
        do {
            sink += generator.nextId();
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < SUSTAINED_NANOS);
        return calls * 1e9 / elapsed;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        } catch (IOException e) {
            // not Linux: the CPU model stays unknown
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s %s, Java %s", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"));
    }

    private static String json(double[] values) {
        return DoubleStream.of(values).mapToObj(value -> String.format(Locale.ROOT, "%.0f", value))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
