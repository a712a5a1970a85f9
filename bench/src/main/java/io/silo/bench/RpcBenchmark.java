package io.silo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the RPC layer costs between two real Payara Micro servers: region us calls control's
 * {@code user.getById} through the RPC client (signed, nonce recorded, dispatched, metered, retried if need
 * be) and, as the baseline in the same run, POSTs the same JSON to a plain JAX-RS resource on control doing
 * the same lookup, through the same MicroProfile REST Client stack. The loop runs inside the region server
 * (its testing endpoint {@code /api/0/internal/testing/rpc-bench/{mode}}), so only server-to-server calls are
 * timed. Rounds alternate the order of the two modes; figures are medians over the rounds.
 * Targets: RPC p50 ≤ 1.5 × bare, RPC requests/s ≥ 0.7 × bare, at 1 and 16 concurrent callers.
 *
 * <p>Usage: {@code RpcBenchmark <control URL> <region URL> <output json>}; servers run with
 * {@code silo.testing.enabled=true}.
 */
public final class RpcBenchmark {

    private static final int ROUNDS = 5;
    private static final int[] CONCURRENCY = {1, 16};
    private static final Pattern ID = Pattern.compile("\"id\":\"?(\\d+)\"?");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Figures(double p50Micros, double p99Micros, double perSecond) {
    }

    public static void main(String[] args) throws Exception {
        URI control = loopback(args[0]);
        URI region = loopback(args[1]);
        RpcBenchmark benchmark = new RpcBenchmark();
        long userId = benchmark.signUp(control);
        StringBuilder results = new StringBuilder();
        boolean meets = true;
        for (int concurrency : CONCURRENCY) {
            int calls = concurrency == 1 ? 2_000 : 6_000;
            List<Figures> rpc = new ArrayList<>();
            List<Figures> bare = new ArrayList<>();
            benchmark.run(region, "rpc", calls, concurrency, userId);
            benchmark.run(region, "bare", calls, concurrency, userId);
            for (int round = 0; round < ROUNDS; round++) {
                if (round % 2 == 0) {
                    rpc.add(benchmark.run(region, "rpc", calls, concurrency, userId));
                    bare.add(benchmark.run(region, "bare", calls, concurrency, userId));
                } else {
                    bare.add(benchmark.run(region, "bare", calls, concurrency, userId));
                    rpc.add(benchmark.run(region, "rpc", calls, concurrency, userId));
                }
                System.out.printf(Locale.ROOT, "concurrency %d round %d: rpc %s | bare %s%n", concurrency, round + 1,
                        rpc.get(round), bare.get(round));
            }
            Figures r = median(rpc);
            Figures b = median(bare);
            double p50Ratio = r.p50Micros() / b.p50Micros();
            double p99Ratio = r.p99Micros() / b.p99Micros();
            double throughputRatio = r.perSecond() / b.perSecond();
            meets &= p50Ratio <= 1.5 && throughputRatio >= 0.7;
            results.append(String.format(Locale.ROOT, """
                        {
                          "concurrent_callers": %d,
                          "calls_per_round": %d,
                          "rpc": {"p50_micros": %.0f, "p99_micros": %.0f, "per_second": %.0f},
                          "bare": {"p50_micros": %.0f, "p99_micros": %.0f, "per_second": %.0f},
                          "p50_ratio": %.3f,
                          "p99_ratio": %.3f,
                          "throughput_ratio": %.3f
                        }""", concurrency, calls, r.p50Micros(), r.p99Micros(), r.perSecond(),
                    b.p50Micros(), b.p99Micros(), b.perSecond(), p50Ratio, p99Ratio, throughputRatio));
            results.append(concurrency == CONCURRENCY[CONCURRENCY.length - 1] ? "\n" : ",\n");
            System.out.printf(Locale.ROOT, "concurrency %d: p50 ratio %.2f, p99 ratio %.2f, throughput ratio %.2f%n",
                    concurrency, p50Ratio, p99Ratio, throughputRatio);
        }
        String json = String.format(Locale.ROOT, """
                {
                  "benchmark": "rpc",
                  "what": "region us calls control's user.getById through the RPC client, from inside the region server",
                  "baseline": "the same JSON POSTed to a plain JAX-RS resource on control doing the same lookup, same REST Client stack, same run, alternating rounds",
                  "targets": "rpc p50 <= 1.5 x bare, rpc throughput >= 0.7 x bare",
                  "meets_targets": %s,
                  "rounds": %d,
                  "figures_are": "medians over the rounds",
                  "results": [
                %s  ],
                  "machine": "%s, %d cores, Java %s",
                  "date": "%s"
                }
                """, meets, ROUNDS, results, InetAddress.getLoopbackAddress().getHostName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now());
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.print(json);
    }

    private static URI loopback(String url) {
        URI uri = URI.create(url);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("benchmarks only talk to 127.0.0.1, not " + uri);
        }
        return uri;
    }

    private long signUp(URI control) throws IOException, InterruptedException {
        String account = "{\"email\":\"rpc-bench-" + UUID.randomUUID() + "@example.com\",\"name\":\"Benchmark\",\"password\":\""
                + UUID.randomUUID() + "\"}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(control.resolve("/api/0/auth/register/"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(account)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("sign-up answered " + created.statusCode() + ": " + created.body());
        }
        return Long.parseLong(id.group(1));
    }

    private Figures run(URI region, String mode, int calls, int concurrency, long userId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(region.resolve("/api/0/internal/testing/rpc-bench/"
                        + mode + "?calls=" + calls + "&concurrency=" + concurrency + "&userId=" + userId))
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(mode + " run answered " + response.statusCode() + ": " + response.body());
        }
        return new Figures(number(response.body(), "p50Micros"), number(response.body(), "p99Micros"),
                number(response.body(), "requestsPerSecond"));
    }

    private static double number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":([0-9.E+-]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static Figures median(List<Figures> rounds) {
        return new Figures(median(rounds.stream().mapToDouble(Figures::p50Micros).toArray()),
                median(rounds.stream().mapToDouble(Figures::p99Micros).toArray()),
                median(rounds.stream().mapToDouble(Figures::perSecond).toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
