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
 * What control's API gateway costs: an organization-scoped GET ({@code /api/0/organizations/{slug}/}, the region's
 * token check, access check and JSON answer) sent to control, which proxies it to region us, against the same GET
 * sent straight to region us — the baseline, in the same run. Each round sends a fixed number of requests from 1
 * or 16 concurrent clients and times each one at the client; rounds alternate the order of the two targets and the
 * figures are medians over the rounds. Targets: gateway p50 ≤ 1.3 × direct, throughput ≥ 0.7 × direct.
 *
 * <p>Usage: {@code GatewayBenchmark <control URL> <region us URL> <output json>}; the topology must be running.
 */
public final class GatewayBenchmark {

    private static final int ROUNDS = LatencyComparison.rounds(5);
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new java.net.CookieManager()).build();

    public static void main(String[] args) throws Exception {
        URI control = LatencyComparison.loopback(args[0]);
        URI region = LatencyComparison.loopback(args[1]);
        GatewayBenchmark benchmark = new GatewayBenchmark();
        String token = benchmark.tokenOfNewAccount(control);
        String slug = benchmark.createOrganization(control, token);
        String path = "/api/0/organizations/" + slug + "/";
        benchmark.awaitOk(region.resolve(path), token);
        StringBuilder results = new StringBuilder();
        boolean meets = true;
        for (int concurrency : LatencyComparison.CONCURRENCY) {
            int requests = concurrency == 1 ? 2_000 : 6_000;
            HttpRequest viaGateway = get(control.resolve(path), token);
            HttpRequest direct = get(region.resolve(path), token);
            LatencyComparison.Outcome outcome = LatencyComparison.compare("concurrency " + concurrency, ROUNDS,
                    "gateway", () -> LatencyComparison.timeRequests(() -> viaGateway, requests, concurrency),
                    "direct", () -> LatencyComparison.timeRequests(() -> direct, requests, concurrency));
            meets &= outcome.meets(1.3, 0.7);
            results.append(outcome.json("gateway", "direct", "concurrent_clients", concurrency, "requests_per_round", requests));
            results.append(concurrency == LatencyComparison.CONCURRENCY[LatencyComparison.CONCURRENCY.length - 1] ? "\n" : ",\n");
        }
        LatencyComparison.writeResults(Path.of(args[2]), "gateway",
                "GET /api/0/organizations/{slug}/ with a bearer token through control's gateway to region us, timed at the client",
                "the same GET sent straight to region us, same run, alternating rounds",
                "gateway p50 <= 1.3 x direct, gateway throughput >= 0.7 x direct", meets, ROUNDS, results.toString());
    }

    private static HttpRequest get(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** Signs up a fresh account, logs in and creates a token with the organization scopes. */
    String tokenOfNewAccount(URI control) throws IOException, InterruptedException {
        String account = "{\"email\":\"gateway-bench-" + UUID.randomUUID() + "@example.com\",\"name\":\"Benchmark\",\"password\":\""
                + UUID.randomUUID() + "\"}";
        expect(post(control.resolve("/api/0/auth/register/"), account, null, null), 201);
        Matcher csrf = CSRF.matcher(expect(post(control.resolve("/api/0/auth/login/"), account, null, null), 200).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token at login");
        }
        Matcher token = TOKEN.matcher(expect(post(control.resolve("/api/0/api-tokens/"),
                "{\"name\":\"gateway-bench\",\"scopes\":[\"org:admin\"]}", csrf.group(1), null), 201).body());
        if (!token.find()) {
            throw new IllegalStateException("no token created");
        }
        return token.group(1);
    }

    String createOrganization(URI control, String token) throws IOException, InterruptedException {
        return createOrganization(control, token, "us");
    }

    /** A new organization in {@code region}: 201, or 202 when the region is slower (it appears there soon after). */
    String createOrganization(URI control, String token, String region) throws IOException, InterruptedException {
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = post(control.resolve("/api/0/organizations/"), "{\"name\":\"Benchmark\",\"slug\":\""
                + slug + "\",\"region\":\"" + region + "\"}", null, token);
        expect(created, created.statusCode() == 202 ? 202 : 201);
        return slug;
    }

    /**
     * Waits until the region knows the token (replication) and the organization: up to 5 minutes, as a region may
     * still be applying an earlier benchmark's backlog (webhook-ingress leaves thousands of deliveries).
     */
    void awaitOk(URI uri, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(get(uri, token), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(uri + " still answers " + status);
    }

    private HttpResponse<String> post(URI uri, String json, String csrf, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
