package io.silo.bench;

import com.sun.net.httpserver.HttpServer;
import io.silo.common.integration.IntegrationProxyPaths;
import io.silo.common.rpc.signing.RpcKey;
import io.silo.common.rpc.signing.RpcKeys;
import io.silo.common.rpc.signing.RpcSignature;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What control's integration proxy costs: a third-party {@code GET /api/repos/silo/bench} (a small JDK HttpServer in
 * this JVM that checks the bearer token, like a provider's API) sent as region us would send it — signed with the
 * RPC keys to control's {@code /api/0/internal/integration-proxy/…}, which checks the signature and nonce, the
 * installation's region, reads and opens the sealed token, and forwards — against the same GET sent straight to the
 * API with the token (the baseline, same run, alternating rounds). The issue sets no target: the figures and their
 * ratios are the result.
 *
 * <p>Usage: {@code IntegrationProxyBenchmark <control URL> <data dir> <output json>}; the topology must be running
 * with testing endpoints on.
 */
public final class IntegrationProxyBenchmark {

    private static final int ROUNDS = LatencyComparison.rounds(5);
    private static final Pattern ID = Pattern.compile("\"id\":\"?([0-9]+)\"?");
    private static final Pattern INSTALLATION = Pattern.compile("\"organizationIntegrations\":\\{\"[0-9]+\":\"([0-9]+)\"");

    public static void main(String[] args) throws Exception {
        URI control = LatencyComparison.loopback(args[0]);
        Path dataDir = Path.of(args[1]);
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String accessToken = "bench-" + UUID.randomUUID();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        ExecutorService apiThreads = Executors.newFixedThreadPool(16);
        api.setExecutor(apiThreads);
        byte[] repository = "{\"full_name\":\"silo/bench\",\"private\":false}".getBytes(StandardCharsets.UTF_8);
        api.createContext("/api/", exchange -> {
            boolean authorized = ("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? repository.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (authorized) {
                    out.write(repository);
                }
            }
        });
        api.start();
        try {
            URI apiUrl = URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/api");
            Path dynamic = dataDir.resolve("config/dynamic");
            Files.createDirectories(dynamic);
            Files.writeString(dynamic.resolve("silo.integrations.github.api-url"), apiUrl.toString());
            Thread.sleep(6_000); // the live configuration applies within ~5 s

            GatewayBenchmark accounts = new GatewayBenchmark();
            String token = accounts.tokenOfNewAccount(control);
            String slug = accounts.createOrganization(control, token);
            accounts.awaitOk(control.resolve("/api/0/organizations/" + slug + "/"), token);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Matcher organization = ID.matcher(http.send(HttpRequest.newBuilder(control.resolve("/api/0/organizations/" + slug + "/"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            if (!organization.find()) {
                throw new IllegalStateException("the organization " + slug + " has no id");
            }
            String installed = http.send(HttpRequest.newBuilder(control.resolve("/api/0/internal/testing/integrations/"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"provider\":\"github\",\"externalId\":\"bench-" + UUID.randomUUID() + "\",\"accessToken\":\""
                                    + accessToken + "\",\"refreshToken\":\"unused-" + UUID.randomUUID()
                                    + "\",\"organizationIds\":[\"" + organization.group(1) + "\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher installation = INSTALLATION.matcher(installed);
            if (!installation.find()) {
                throw new IllegalStateException("installation failed: " + installed);
            }
            RpcKey key = RpcKeys.parse(Files.readString(dataDir.resolve("secrets/rpc-keys")).strip()).signing();
            String path = IntegrationProxyPaths.PREFIX + installation.group(1) + "/repos/silo/bench";
            URI proxied = control.resolve(path);
            HttpRequest direct = HttpRequest.newBuilder(URI.create(apiUrl + "/repos/silo/bench"))
                    .header("Authorization", "Bearer " + accessToken).timeout(Duration.ofSeconds(30)).GET().build();

            StringBuilder results = new StringBuilder();
            for (int concurrency : LatencyComparison.CONCURRENCY) {
                int requests = concurrency == 1 ? 500 : 2_000;
                LatencyComparison.Outcome outcome = LatencyComparison.compare("concurrency " + concurrency, ROUNDS,
                        "proxied", () -> LatencyComparison.timeRequests(() -> HttpRequest.newBuilder(proxied)
                                .header("Authorization", RpcSignature.sign(key, IntegrationProxyPaths.signedPath("GET", path, null),
                                        Instant.now().getEpochSecond(), "region-us", new byte[0]).header())
                                .timeout(Duration.ofSeconds(30)).GET().build(), requests, concurrency),
                        "direct", () -> LatencyComparison.timeRequests(() -> direct, requests, concurrency));
                results.append(outcome.json("proxied", "direct", "concurrent_clients", concurrency, "requests_per_round", requests));
                results.append(concurrency == LatencyComparison.CONCURRENCY[LatencyComparison.CONCURRENCY.length - 1] ? "\n" : ",\n");
            }
            LatencyComparison.writeResults(Path.of(args[2]), "integration-proxy",
                    "GET repos/silo/bench of a local GitHub-like API, signed as region us, through control's integration proxy (signature, nonce, region check, sealed token opened, forwarded), timed at the client",
                    "the same GET sent straight to the API with the bearer token, same run, alternating rounds",
                    ROUNDS, results.toString());
        } finally {
            api.stop(0);
            apiThreads.shutdown(); // its threads are not daemons: the JVM, and ./bench/run, would wait for them
        }
    }
}
