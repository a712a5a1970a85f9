package io.silo.bench;

import io.silo.common.id.SnowflakeGenerator;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * Single-threaded snowflake ids per second, next to System.nanoTime() calls per second measured in
 * the same run as the baseline (a generator cannot be faster than reading a clock). Median of 5 runs.
 */
public final class SnowflakeIdBenchmark {

    private static final int RUNS = 5;
    private static final long CALLS = 2_000_000;
    private static long sink;

    public static void main(String[] args) throws IOException {
        double[] ids = new double[RUNS];
        double[] clock = new double[RUNS];
        for (int warmup = 0; warmup < 2; warmup++) {
            idsPerSecond(warmup);
            nanoTimePerSecond();
        }
        for (int run = 0; run < RUNS; run++) {
            ids[run] = idsPerSecond(run + 2);
            clock[run] = nanoTimePerSecond();
        }
        double idMedian = median(ids);
        double clockMedian = median(clock);
        String json = String.format(java.util.Locale.ROOT, """
                {
                  "benchmark": "snowflake-ids",
                  "what": "single-threaded SnowflakeGenerator.nextId() calls per second",
                  "ids_per_second_median": %.0f,
                  "ids_per_second_runs": %s,
                  "baseline": "System.nanoTime() calls per second, same run",
                  "baseline_per_second_median": %.0f,
                  "ratio_to_baseline": %.3f,
                  "target_ids_per_second": 1000000,
                  "meets_target": %s,
                  "runs": %d,
                  "calls_per_run": %d,
                  "machine": "%s, %d cores, Java %s",
                  "date": "%s"
                }
                """, idMedian, Arrays.toString(ids), clockMedian, idMedian / clockMedian, idMedian >= 1_000_000, RUNS, CALLS,
                InetAddress.getLoopbackAddress().getHostName(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Instant.now());
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/snowflake-ids.json");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.print(json);
    }

    private static double idsPerSecond(int instance) {
        // a fresh instance number per run: each run starts its own logical clock at the wall clock
        SnowflakeGenerator generator = new SnowflakeGenerator(1, instance % 16, 0, Clock.systemUTC(),
                3_600_000, 60_000, bound -> bound);
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
