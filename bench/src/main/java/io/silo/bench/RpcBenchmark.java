package io.silo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * the test WARs ({@code SILO_WARS=testing}).
 */
public final class RpcBenchmark {

    private static final int ROUNDS = LatencyComparison.rounds(5);
    private static final Pattern ID = Pattern.compile("\"id\":\"?(\\d+)\"?");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        URI control = LatencyComparison.loopback(args[0]);
        URI region = LatencyComparison.loopback(args[1]);
        RpcBenchmark benchmark = new RpcBenchmark();
        long userId = benchmark.signUp(control);
        StringBuilder results = new StringBuilder();
        boolean meets = true;
        for (int concurrency : LatencyComparison.CONCURRENCY) {
            int calls = concurrency == 1 ? 2_000 : 6_000;
            LatencyComparison.Outcome outcome = LatencyComparison.compare("concurrency " + concurrency, ROUNDS,
                    "rpc", () -> benchmark.run(region, "rpc", calls, concurrency, userId),
                    "bare", () -> benchmark.run(region, "bare", calls, concurrency, userId));
            meets &= outcome.meets(1.5, 0.7);
            results.append(outcome.json("rpc", "bare", "concurrent_callers", concurrency, "calls_per_round", calls));
            results.append(concurrency == LatencyComparison.CONCURRENCY[LatencyComparison.CONCURRENCY.length - 1] ? "\n" : ",\n");
        }
        LatencyComparison.writeResults(Path.of(args[2]), "rpc",
                "region us calls control's user.getById through the RPC client, from inside the region server",
                "the same JSON POSTed to a plain JAX-RS resource on control doing the same lookup, same REST Client stack, same run, alternating rounds",
                "rpc p50 <= 1.5 x bare, rpc throughput >= 0.7 x bare", meets, ROUNDS, results.toString());
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

    private LatencyComparison.Figures run(URI region, String mode, int calls, int concurrency, long userId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(region.resolve("/api/0/internal/testing/rpc-bench/"
                        + mode + "?calls=" + calls + "&concurrency=" + concurrency + "&userId=" + userId))
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(mode + " run answered " + response.statusCode() + ": " + response.body());
        }
        return new LatencyComparison.Figures(number(response.body(), "p50Micros"), number(response.body(), "p99Micros"),
                number(response.body(), "requestsPerSecond"));
    }

    private static double number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":([0-9.E+-]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
