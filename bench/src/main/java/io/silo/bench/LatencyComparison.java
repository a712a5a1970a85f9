package io.silo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One way of doing something measured against its baseline in alternating rounds, so that a busy machine's drift
 * hits both alike: each round gives p50, p99 and throughput; the outcome is the median of each over the rounds,
 * their ratios, and the JSON block a results file carries.
 */
final class LatencyComparison {

    /** How long both sides run before the measured rounds; {@code -Dbench.warmUpSeconds} overrides it. */
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 60));

    /** The concurrent clients each comparison runs with: 1 and 16, or {@code -Dbench.concurrency=1,4}. */
    static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.concurrency", "1,16").split(","))
            .mapToInt(level -> Integer.parseInt(level.strip())).toArray();

    private LatencyComparison() {
    }

    /** A benchmark's rounds per comparison: {@code usual}, or {@code -Dbench.rounds=9}. */
    static int rounds(int usual) {
        return Integer.getInteger("bench.rounds", usual);
    }

    record Figures(double p50Micros, double p99Micros, double perSecond) {

        String json() {
            return String.format(Locale.ROOT, "{\"p50_micros\": %.0f, \"p99_micros\": %.0f, \"per_second\": %.0f}",
                    p50Micros, p99Micros, perSecond);
        }
    }

    /** One round of one side. */
    @FunctionalInterface
    interface Round {
        Figures run() throws Exception;
    }

    /** Medians over the rounds of the measured side and of the baseline. */
    record Outcome(Figures measured, Figures baseline) {

        double p50Ratio() {
            return measured.p50Micros() / baseline.p50Micros();
        }

        double p99Ratio() {
            return measured.p99Micros() / baseline.p99Micros();
        }

        double throughputRatio() {
            return measured.perSecond() / baseline.perSecond();
        }

        boolean meets(double maxP50Ratio, double minThroughputRatio) {
            return p50Ratio() <= maxP50Ratio && throughputRatio() >= minThroughputRatio;
        }

        /** The results file's block: {@code concurrencyName} and {@code countName} label the run's parameters. */
        String json(String measuredName, String baselineName, String concurrencyName, int concurrency, String countName,
                    int count) {
            return String.format(Locale.ROOT, """
                        {
                          "%s": %d,
                          "%s": %d,
                          "%s": %s,
                          "%s": %s,
                          "p50_ratio": %.3f,
                          "p99_ratio": %.3f,
                          "throughput_ratio": %.3f
                        }""", concurrencyName, concurrency, countName, count, measuredName, measured.json(),
                    baselineName, baseline.json(), p50Ratio(), p99Ratio(), throughputRatio());
        }
    }

    /**
     * Warm-up rounds of both sides for {@link #WARM_UP} (the servers' JIT compiles the hot paths fully only after
     * tens of thousands of calls), then {@code rounds} rounds alternating which side goes first, each printed.
     */
    static Outcome compare(String label, int rounds, String measuredName, Round measured, String baselineName, Round baseline)
            throws Exception {
        long warmUpEnds = System.nanoTime() + WARM_UP.toNanos();
        do {
            measured.run();
            baseline.run();
        } while (System.nanoTime() < warmUpEnds);
        List<Figures> measuredRounds = new ArrayList<>();
        List<Figures> baselineRounds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                measuredRounds.add(measured.run());
                baselineRounds.add(baseline.run());
            } else {
                baselineRounds.add(baseline.run());
                measuredRounds.add(measured.run());
            }
            System.out.printf(Locale.ROOT, "%s round %d: %s %s | %s %s%n", label, round + 1, measuredName,
                    measuredRounds.get(round), baselineName, baselineRounds.get(round));
        }
        Outcome outcome = new Outcome(median(measuredRounds), median(baselineRounds));
        System.out.printf(Locale.ROOT, "%s: p50 ratio %.2f, p99 ratio %.2f, throughput ratio %.2f%n",
                label, outcome.p50Ratio(), outcome.p99Ratio(), outcome.throughputRatio());
        return outcome;
    }

    /** A benchmark's address, which must be on 127.0.0.1. */
    static URI loopback(String url) {
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("benchmarks only talk to 127.0.0.1, not " + uri);
        }
        return uri;
    }

    /** Writes and prints the results file: what was compared, the targets, and the blocks of {@link Outcome#json}. */
    static void writeResults(Path out, String benchmark, String what, String baseline, String targets, boolean meets,
                             int rounds, String results) throws IOException {
        write(out, String.format(Locale.ROOT, """
                  "targets": "%s",
                  "meets_targets": %s,
                """, targets, meets), benchmark, what, baseline, rounds, results);
    }

    /** As above for a comparison without a target: the figures and ratios only. */
    static void writeResults(Path out, String benchmark, String what, String baseline, int rounds, String results)
            throws IOException {
        write(out, "", benchmark, what, baseline, rounds, results);
    }

    private static void write(Path out, String targetLines, String benchmark, String what, String baseline, int rounds,
                              String results) throws IOException {
        String json = String.format(Locale.ROOT, """
                {
                  "benchmark": "%s",
                  "what": "%s",
                  "baseline": "%s",
                %s  "rounds": %d,
                  "figures_are": "medians over the rounds",
                  "results": [
                %s  ],
                  "machine": "%s, %d cores, Java %s",
                  "date": "%s"
                }
                """, benchmark, what, baseline, targetLines, rounds, results, InetAddress.getLoopbackAddress().getHostName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.print(json);
    }

    private static Figures median(List<Figures> rounds) {
        return new Figures(median(rounds.stream().mapToDouble(Figures::p50Micros).toArray()),
                median(rounds.stream().mapToDouble(Figures::p99Micros).toArray()),
                median(rounds.stream().mapToDouble(Figures::perSecond).toArray()));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Sends {@code requests} requests (a new one from {@code nextRequest} each time, e.g. freshly signed) from
     * {@code concurrency} clients (each its own connection), each timed; any status but 200 fails the round.
     */
    static Figures timeRequests(java.util.function.Supplier<HttpRequest> nextRequest, int requests, int concurrency) throws Exception {
        return timeRequests(nextRequest, requests, concurrency, 200);
    }

    /** As {@link #timeRequests(java.util.function.Supplier, int, int)}, any status but {@code expectedStatus} failing the round. */
    static Figures timeRequests(java.util.function.Supplier<HttpRequest> nextRequest, int requests, int concurrency,
                                int expectedStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger remaining = new AtomicInteger(requests);
        long[] latencies = new long[requests];
        AtomicInteger recorded = new AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            clients.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    HttpRequest request = nextRequest.get();
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != expectedStatus) {
                        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                    }
                    latencies[recorded.getAndIncrement()] = System.nanoTime() - sent;
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = Arrays.copyOf(latencies, recorded.get());
        Arrays.sort(sorted);
        return new Figures(sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3, sorted.length / seconds);
    }
}
