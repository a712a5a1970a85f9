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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What token authentication costs: requests per second of {@code GET /api/0/users/me/} with a valid bearer
 * token (token lookup, user lookup, JSON answer) against the same endpoint without credentials (refused with
 * 401 before any database work) — the baseline, measured in the same run, in alternating rounds. Target: the
 * authenticated rate is at least 0.8 of the baseline.
 *
 * <p>Usage: {@code TokenAuthenticationBenchmark <control base URL> <output json>}; the server must be running.
 */
public final class TokenAuthenticationBenchmark {

    private static final int ROUNDS = 5;
    private static final int CLIENTS = 4;
    private static final Duration PHASE = Duration.ofSeconds(6);
    /** Half the benchmarks' warm-up per side ({@code -Dbench.warmUpSeconds}), for the servers' full JIT tiers. */
    private static final Duration WARMUP = LatencyComparison.WARM_UP.dividedBy(2);
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new java.net.CookieManager()).build();
    private final URI base;

    private TokenAuthenticationBenchmark(URI base) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("benchmarks only talk to 127.0.0.1, not " + base);
        }
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        TokenAuthenticationBenchmark benchmark = new TokenAuthenticationBenchmark(URI.create(args[0]));
        String token = benchmark.createToken();
        HttpRequest authenticated = benchmark.me().header("Authorization", "Bearer " + token).build();
        HttpRequest anonymous = benchmark.me().build();

        benchmark.rate(authenticated, 200, WARMUP);
        benchmark.rate(anonymous, 401, WARMUP);
        double[] withToken = new double[ROUNDS];
        double[] without = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                withToken[round] = benchmark.rate(authenticated, 200, PHASE);
                without[round] = benchmark.rate(anonymous, 401, PHASE);
            } else {
                without[round] = benchmark.rate(anonymous, 401, PHASE);
                withToken[round] = benchmark.rate(authenticated, 200, PHASE);
            }
            System.out.printf(Locale.ROOT, "round %d: %.0f req/s with token, %.0f req/s without%n",
                    round + 1, withToken[round], without[round]);
        }
        double authenticatedMedian = median(withToken);
        double baselineMedian = median(without);
        double ratio = authenticatedMedian / baselineMedian;
        String json = String.format(Locale.ROOT, """
                {
                  "benchmark": "token-authentication",
                  "what": "GET /api/0/users/me/ with a valid bearer token, requests per second, %d concurrent clients",
                  "authenticated_per_second_median": %.0f,
                  "authenticated_per_second_rounds": %s,
                  "baseline": "the same endpoint without credentials (401 before any database work), same run, alternating rounds",
                  "baseline_per_second_median": %.0f,
                  "baseline_per_second_rounds": %s,
                  "ratio_to_baseline": %.3f,
                  "target_ratio": 0.8,
                  "meets_target": %s,
                  "rounds": %d,
                  "seconds_per_phase": %d,
                  "machine": "%s, %d cores, Java %s",
                  "date": "%s"
                }
                """, CLIENTS, authenticatedMedian, Arrays.toString(withToken), baselineMedian, Arrays.toString(without),
                ratio, ratio >= 0.8, ROUNDS, PHASE.toSeconds(), InetAddress.getLoopbackAddress().getHostName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now());
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.print(json);
    }

    private HttpRequest.Builder me() {
        return HttpRequest.newBuilder(base.resolve("/api/0/users/me/")).timeout(Duration.ofSeconds(30)).GET();
    }

    /** Signs up a fresh account, logs in and creates a {@code member:read} token. */
    private String createToken() throws IOException, InterruptedException {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = UUID.randomUUID().toString();
        String account = "{\"email\":\"" + email + "\",\"name\":\"Benchmark\",\"password\":\"" + password + "\"}";
        expect(post("/api/0/auth/register/", account, null), 201);
        HttpResponse<String> login = expect(post("/api/0/auth/login/", account, null), 200);
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token in " + login.body());
        }
        HttpResponse<String> created = expect(post("/api/0/api-tokens/",
                "{\"name\":\"benchmark\",\"scopes\":[\"member:read\"]}", csrf.group(1)), 201);
        Matcher token = TOKEN.matcher(created.body());
        if (!token.find()) {
            throw new IllegalStateException("no token in " + created.body());
        }
        return token.group(1);
    }

    private HttpResponse<String> post(String path, String json, String csrf) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** Requests per second that {@link #CLIENTS} clients complete with {@code status} in {@code duration}. */
    private double rate(HttpRequest request, int status, Duration duration) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            counts.add(pool.submit(() -> {
                long done = 0;
                while (running.get()) {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != status) {
                        throw new IllegalStateException("expected " + status + ", got " + response.statusCode());
                    }
                    done++;
                }
                return done;
            }));
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
