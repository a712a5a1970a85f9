package io.silo.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SDK ingestion costs: events per second that {@code POST /api/{project}/envelope/} stores (DSN-key
 * authentication, envelope parsing, normalization, grouping, the event row, its issue's counters) for a 2 KB
 * exception event with a new event id each time, against a bare testing endpoint that inserts the same body
 * as an event row with one INSERT — the baseline, measured in the same run, in alternating rounds, by the same
 * concurrent clients. Target: at least 0.5 of the baseline. Also p50 and p99 latency of each.
 *
 * <p>Usage: {@code IngestionBenchmark <control base URL> <region base URL> <region server name> <data dir> <output json>};
 * the topology must be running with testing endpoints on.
 */
public final class IngestionBenchmark {

    private static final int ROUNDS = 5;
    private static final int CLIENTS = 8;
    private static final Duration PHASE = Duration.ofSeconds(8);
    /** Half the benchmarks' warm-up per side ({@code -Dbench.warmUpSeconds}), for the servers' full JIT tiers. */
    private static final Duration WARMUP = LatencyComparison.WARM_UP.dividedBy(2);
    private static final Pattern NUMBER = Pattern.compile("\"(id|projectId|keyId)\":\"?([0-9]+)\"?");
    private static final Pattern PUBLIC_KEY = Pattern.compile("\"publicKey\":\"([0-9a-f]{32})\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI control;
    private final URI region;
    private final String regionServer;
    private final Path dataDir;

    private IngestionBenchmark(URI control, URI region, String regionServer, Path dataDir) {
        for (URI base : List.of(control, region)) {
            if (!"127.0.0.1".equals(base.getHost())) {
                throw new IllegalArgumentException("benchmarks only talk to 127.0.0.1, not " + base);
            }
        }
        this.control = control;
        this.region = region;
        this.regionServer = regionServer;
        this.dataDir = dataDir;
    }

    private record Round(double perSecond, double p50Millis, double p99Millis) {
    }

    /** Exits when done or failed: a failed client must not leave the JVM waiting on the others' threads. */
    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        IngestionBenchmark benchmark = new IngestionBenchmark(URI.create(args[0]), URI.create(args[1]), args[2],
                Path.of(args[3]));
        long owner = benchmark.signUp();
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        long organization = benchmark.number(benchmark.expect(benchmark.post(benchmark.region,
                "/api/0/internal/testing/organizations/", "{\"slug\":\"" + slug + "\",\"name\":\"Benchmark\","
                        + "\"ownerUserId\":" + owner + "}", "application/json", null), 201), "id");
        HttpResponse<String> project = benchmark.expect(benchmark.post(benchmark.region,
                "/api/0/internal/testing/projects/", "{\"organizationId\":" + organization + ",\"slug\":\"" + slug
                        + "\"}", "application/json", null), 201);
        long projectId = benchmark.number(project, "projectId");
        Matcher key = PUBLIC_KEY.matcher(project.body());
        if (!key.find()) {
            throw new IllegalStateException("no key in " + project.body());
        }
        String auth = "Sentry sentry_version=7, sentry_client=sentry.java/8.0.0, sentry_key=" + key.group(1);
        String firstId = newEventId();
        benchmark.expect(benchmark.post(benchmark.region, "/api/" + projectId + "/envelope/",
                new String(envelope(firstId), StandardCharsets.UTF_8), "application/x-sentry-envelope", auth), 200);
        long issue = benchmark.issueOf(projectId, firstId);

        Supplier<HttpRequest> ingest = () -> HttpRequest.newBuilder(benchmark.region.resolve("/api/" + projectId + "/envelope/"))
                .timeout(Duration.ofSeconds(30)).header("X-Sentry-Auth", auth)
                .header("Content-Type", "application/x-sentry-envelope")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope(newEventId()))).build();
        Supplier<HttpRequest> bare = () -> HttpRequest.newBuilder(benchmark.region.resolve(
                        "/api/0/internal/testing/ingest-baseline/" + projectId + "?organization=" + organization + "&issue=" + issue))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event(newEventId()))).build();

        benchmark.rate(ingest, WARMUP);
        benchmark.rate(bare, WARMUP);
        Round[] ingested = new Round[ROUNDS];
        Round[] baseline = new Round[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                ingested[round] = benchmark.rate(ingest, PHASE);
                baseline[round] = benchmark.rate(bare, PHASE);
            } else {
                baseline[round] = benchmark.rate(bare, PHASE);
                ingested[round] = benchmark.rate(ingest, PHASE);
            }
            System.out.printf(Locale.ROOT, "round %d: envelope %.0f events/s (p50 %.2f ms, p99 %.2f ms),"
                            + " bare insert %.0f events/s (p50 %.2f ms, p99 %.2f ms)%n", round + 1,
                    ingested[round].perSecond(), ingested[round].p50Millis(), ingested[round].p99Millis(),
                    baseline[round].perSecond(), baseline[round].p50Millis(), baseline[round].p99Millis());
        }
        double ingestMedian = median(ingested, Round::perSecond);
        double baselineMedian = median(baseline, Round::perSecond);
        double ratio = ingestMedian / baselineMedian;
        String json = String.format(Locale.ROOT, """
                {
                  "benchmark": "ingestion",
                  "what": "events stored per second through POST /api/{project}/envelope/ (DSN auth, envelope parsing, normalization, grouping into one issue, event row + issue counters), a %d-byte exception event with a new event id each, %d concurrent clients",
                  "envelope_events_per_second_median": %.0f,
                  "envelope_events_per_second_rounds": %s,
                  "envelope_p50_ms_median": %.2f,
                  "envelope_p99_ms_median": %.2f,
                  "baseline": "a bare JAX-RS testing endpoint inserting the same body as an event row (one INSERT, same table), same run, alternating rounds",
                  "baseline_events_per_second_median": %.0f,
                  "baseline_events_per_second_rounds": %s,
                  "baseline_p50_ms_median": %.2f,
                  "baseline_p99_ms_median": %.2f,
                  "ratio_to_baseline": %.3f,
                  "target_ratio": 0.5,
                  "meets_target": %s,
                  "rounds": %d,
                  "seconds_per_phase": %d,
                  "machine": "%s, %d cores, Java %s",
                  "date": "%s"
                }
                """, event(newEventId()).length(), CLIENTS, ingestMedian, perSecond(ingested),
                median(ingested, Round::p50Millis), median(ingested, Round::p99Millis), baselineMedian,
                perSecond(baseline), median(baseline, Round::p50Millis), median(baseline, Round::p99Millis), ratio,
                ratio >= 0.5, ROUNDS, PHASE.toSeconds(), InetAddress.getLoopbackAddress().getHostName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now());
        Path out = Path.of(args[4]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.print(json);
    }

    /** A Java SDK's exception event of about 2 KB: exception, 8 frames, tags, user, breadcrumbs, contexts. */
    static String event(String eventId) {
        StringBuilder frames = new StringBuilder();
        String[][] stack = {{"java.lang.Thread", "run", "Thread.java", "833", "false"},
                {"org.eclipse.jetty.server.HttpChannel", "handle", "HttpChannel.java", "501", "false"},
                {"com.example.web.Router", "dispatch", "Router.java", "88", "true"},
                {"com.example.checkout.CheckoutController", "checkout", "CheckoutController.java", "42", "true"},
                {"com.example.checkout.CartService", "total", "CartService.java", "131", "true"},
                {"com.example.payment.PaymentService", "charge", "PaymentService.java", "97", "true"},
                {"com.example.payment.AcmeGateway", "authorize", "AcmeGateway.java", "210", "true"},
                {"java.net.SocketInputStream", "read", "SocketInputStream.java", "186", "false"}};
        for (String[] frame : stack) {
            frames.append(frames.isEmpty() ? "" : ",").append("{\"module\":\"").append(frame[0])
                    .append("\",\"function\":\"").append(frame[1]).append("\",\"filename\":\"").append(frame[2])
                    .append("\",\"lineno\":").append(frame[3]).append(",\"in_app\":").append(frame[4]).append("}");
        }
        return "{\"event_id\":\"" + eventId + "\",\"timestamp\":" + (System.currentTimeMillis() / 1000.0)
                + ",\"platform\":\"java\",\"level\":\"error\",\"logger\":\"com.example.checkout.CheckoutController\","
                + "\"server_name\":\"web-1\",\"environment\":\"production\",\"release\":\"shop@1.4.2\","
                + "\"exception\":{\"values\":[{\"type\":\"java.net.SocketTimeoutException\",\"value\":\"Read timed out\","
                + "\"module\":\"java.net\",\"mechanism\":{\"type\":\"UncaughtExceptionHandler\",\"handled\":false},"
                + "\"stacktrace\":{\"frames\":[" + frames + "]}}]},"
                + "\"tags\":{\"payment.provider\":\"acme\",\"region\":\"eu-west\",\"browser\":\"Firefox 132\"},"
                + "\"user\":{\"id\":\"u-" + (eventId.hashCode() & 1023) + "\",\"ip_address\":\"10.0.0.5\"},"
                + "\"breadcrumbs\":{\"values\":[{\"timestamp\":1763917190.5,\"category\":\"http\",\"type\":\"http\","
                + "\"data\":{\"url\":\"https://shop.example.com/api/cart\",\"method\":\"POST\",\"status_code\":200}},"
                + "{\"timestamp\":1763917191.25,\"category\":\"ui.click\",\"message\":\"button#pay\"},"
                + "{\"timestamp\":1763917192.0,\"category\":\"query\",\"message\":\"SELECT * FROM cart WHERE id = ?\"}]},"
                + "\"contexts\":{\"os\":{\"name\":\"Linux\",\"version\":\"6.1\"},\"runtime\":{\"name\":\"OpenJDK\","
                + "\"version\":\"17.0.15\"}},\"sdk\":{\"name\":\"sentry.java\",\"version\":\"8.0.0\"}}";
    }

    static byte[] envelope(String eventId) {
        byte[] payload = event(eventId).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream envelope = new ByteArrayOutputStream(payload.length + 200);
        envelope.writeBytes(("{\"event_id\":\"" + eventId + "\",\"sent_at\":\"" + Instant.now() + "\"}\n"
                + "{\"type\":\"event\",\"length\":" + payload.length + "}\n").getBytes(StandardCharsets.UTF_8));
        envelope.writeBytes(payload);
        envelope.write('\n');
        return envelope.toByteArray();
    }

    private static String newEventId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private long signUp() throws IOException, InterruptedException {
        String account = "{\"email\":\"bench-" + UUID.randomUUID() + "@example.com\",\"name\":\"Benchmark\","
                + "\"password\":\"" + UUID.randomUUID() + "\"}";
        return number(expect(post(control, "/api/0/auth/register/", account, "application/json", null), 201), "id");
    }

    private long issueOf(long projectId, String eventId) throws SQLException, IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("config").resolve(regionServer + ".properties"))) {
            config.load(reader);
        }
        try (Connection connection = DriverManager.getConnection(config.getProperty("silo.db.url"),
                config.getProperty("silo.db.user"), config.getProperty("silo.db.password"));
             PreparedStatement query = connection.prepareStatement(
                     "SELECT issue_id FROM region.event WHERE project_id = ? AND event_id = ?::uuid")) {
            query.setLong(1, projectId);
            query.setString(2, eventId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the first event was not stored");
                }
                return row.getLong(1);
            }
        }
    }

    private HttpResponse<String> post(URI base, String path, String body, String type, String auth)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("X-Sentry-Auth", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long number(HttpResponse<String> response, String field) {
        Matcher matcher = NUMBER.matcher(response.body());
        while (matcher.find()) {
            if (matcher.group(1).equals(field)) {
                return Long.parseLong(matcher.group(2));
            }
        }
        throw new IllegalStateException("no " + field + " in " + response.body());
    }

    private HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** Events per second that {@link #CLIENTS} clients get answered 200 in {@code duration}, and their latency. */
    private Round rate(Supplier<HttpRequest> requests, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<long[]>> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            latencies.add(pool.submit(() -> {
                long[] nanos = new long[1024];
                int done = 0;
                while (running.get()) {
                    HttpRequest request = requests.get();
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("expected 200, got " + response.statusCode() + ": "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    if (done == nanos.length) {
                        nanos = Arrays.copyOf(nanos, done * 2);
                    }
                    nanos[done++] = System.nanoTime() - sent;
                }
                return Arrays.copyOf(nanos, done);
            }));
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        List<Long> all = new ArrayList<>();
        try {
            for (Future<long[]> latency : latencies) {
                for (long nanos : latency.get()) {
                    all.add(nanos);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        all.sort(null);
        return new Round(all.size() / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6);
    }

    private static double percentile(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size())));
    }

    private static double median(Round[] rounds, java.util.function.ToDoubleFunction<Round> figure) {
        double[] values = Arrays.stream(rounds).mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }

    private static String perSecond(Round[] rounds) {
        return Arrays.toString(Arrays.stream(rounds).mapToLong(round -> Math.round(round.perSecond())).toArray());
    }
}
