package io.silo.bench;

import io.silo.common.outbox.OutboxTable;
import io.silo.common.outbox.OutboxWriter;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the transactional outbox costs and how fast it replicates, against a running split topology:
 *
 * <ul>
 *   <li><b>P1</b> — a rename as control commits it (UPDATE of the user, INSERT of its audit entry) with and without
 *   the outbox rows it writes for the two regions ({@link OutboxWriter#TO_REGION_SQL}, the very statement), over
 *   JDBC against control's database, 4 clients, alternating rounds, while the renames' category is held back, so
 *   the figure is what writing the rows costs the transaction. Target: with / without ≥ 0.75. The same rounds are
 *   then run while the outbox drains live, and reported beside it: there the regions' apply work shares the
 *   writers' two cores, which it does not in a deployment.</li>
 *   <li><b>P2</b> — end-to-end replication rate (renames committed in both regions per second, measured from the
 *   regions' own commit times while draining a backlog held back by {@code silo.outbox.disabled-categories}) against
 *   the peak rate 4 clients write renames through the REST API ({@code PUT /api/0/users/me/}). Target ≥ 2.</li>
 *   <li><b>P3</b> — lag from the rename's commit in control (its {@code updated_at}, stamped in the committing
 *   transaction) to the replica's commit in each region ({@code replicated_at}), with the REST writers paced at half
 *   that peak rate: p50 ≤ 20 ms, p99 ≤ 250 ms.</li>
 * </ul>
 *
 * <p>Usage: {@code OutboxBenchmark <control base URL> <topology data dir> <output json>}. The benchmark's users and
 * tokens are inserted into control's database directly (ids from {@link #FIRST_USER}), so no password hashing
 * slows the set-up; every figure comes from the topology running as {@code ./silo up} starts it.
 */
public final class OutboxBenchmark {

    private static final int CLIENTS = 4;
    private static final int RUNS = 3;
    private static final int P1_ROUNDS = 5;
    private static final Duration PHASE = Duration.ofSeconds(5);
    private static final long FIRST_USER = 8_000_000_000_000_000L;
    private static final int USERS = 30_000;
    private static final int BACKLOG = 3000;
    private static final Duration LAG_PHASE = Duration.ofSeconds(8);
    private static final List<String> REGIONS = List.of("us", "eu");

    private final URI control;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong auditIds = new AtomicLong(7_000_000_000_000_000L + System.currentTimeMillis() % 1_000_000_000L * 1000);
    private int nextUser = 0;

    private OutboxBenchmark(URI control, Path dataDir) {
        if (!"127.0.0.1".equals(control.getHost())) {
            throw new IllegalArgumentException("benchmarks only talk to 127.0.0.1, not " + control);
        }
        this.control = control;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        OutboxBenchmark benchmark = new OutboxBenchmark(URI.create(args[0]), Path.of(args[1]));
        benchmark.insertUsers();

        // P1: business transaction with and without its outbox rows, JDBC, alternating rounds: first with the rows
        // held back (what writing them costs the transaction), then draining live (the regions' apply work on the
        // same two cores too)
        Path hold = benchmark.holdBack();
        double[][] held;
        try {
            held = benchmark.p1Rounds("P1 (held back)");
        } finally {
            Files.deleteIfExists(hold);
        }
        benchmark.awaitOutboxEmpty(Duration.ofMinutes(10));
        double[][] live = benchmark.p1Rounds("P1 (draining live)");
        double[] withOutbox = held[0];
        double[] without = held[1];

        // P2: peak REST write rate, then the replication rate of a held-back backlog
        benchmark.restRate(PHASE);
        double[] peak = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            peak[run] = benchmark.restRate(PHASE);
            System.out.printf(Locale.ROOT, "P2 peak write run %d: %.0f renames/s%n", run + 1, peak[run]);
        }
        double[] replication = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            replication[run] = benchmark.replicationRate();
            System.out.printf(Locale.ROOT, "P2 replication run %d: %.0f renames/s committed in both regions%n",
                    run + 1, replication[run]);
        }

        // P3: lag at half the peak write rate
        double halfPeak = median(peak) / 2;
        double[] p50 = new double[RUNS];
        double[] p99 = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            double[] lags = benchmark.lags(halfPeak);
            p50[run] = percentile(lags, 0.50);
            p99[run] = percentile(lags, 0.99);
            System.out.printf(Locale.ROOT, "P3 run %d: %d replicas, lag p50 %.1f ms, p99 %.1f ms%n",
                    run + 1, lags.length, p50[run], p99[run]);
        }

        double p1 = median(withOutbox) / median(without);
        double p2 = median(replication) / median(peak);
        String json = String.format(Locale.ROOT, """
                {
                  "benchmark": "outbox",
                  "p1": {
                    "what": "a rename as control commits it (UPDATE users + INSERT audit_log) plus its outbox rows for both regions (OutboxWriter.TO_REGION_SQL), transactions per second over JDBC against control's database, %d clients; the rows are held back meanwhile (silo.outbox.disabled-categories=USER_REPLICA) and drained after the rounds",
                    "with_outbox_per_second_median": %.0f,
                    "with_outbox_per_second_rounds": %s,
                    "baseline": "the same rename transaction without the outbox rows, same run, alternating rounds",
                    "baseline_per_second_median": %.0f,
                    "baseline_per_second_rounds": %s,
                    "ratio_to_baseline": %.3f,
                    "target_ratio": 0.75,
                    "meets_target": %s
                  },
                  "p1_draining_live": {
                    "what": "the same rounds while the outbox drains live (3 s sweep) and both regions apply the renames, all on the same cores as the writers",
                    "with_outbox_per_second_median": %.0f,
                    "with_outbox_per_second_rounds": %s,
                    "baseline_per_second_median": %.0f,
                    "baseline_per_second_rounds": %s,
                    "ratio_to_baseline": %.3f
                  },
                  "p2": {
                    "what": "renames replicated per second (committed in both us and eu, from the regions' replicated_at), draining a backlog of %d renames held back with silo.outbox.disabled-categories=USER_REPLICA and then switched on",
                    "replicated_per_second_median": %.0f,
                    "replicated_per_second_runs": %s,
                    "baseline": "peak rate of renames 4 clients write through PUT /api/0/users/me/ (business transaction + outbox rows, drained live), same run",
                    "baseline_per_second_median": %.0f,
                    "baseline_per_second_runs": %s,
                    "ratio_to_baseline": %.3f,
                    "target_ratio": 2.0,
                    "meets_target": %s
                  },
                  "p3": {
                    "what": "lag from a rename's commit in control (users.updated_at, stamped inside the committing transaction) to its replica's upsert in a region (user_replica.replicated_at, in the applying transaction), both regions pooled, one machine clock; renames sent through PUT /api/0/users/me/ and replicated by the live path (after-commit drain, Artemis, region consumer), paced at half the P2 peak rate (%.0f/s) for %d s per run",
                    "p50_ms_median": %.1f,
                    "p50_ms_runs": %s,
                    "p99_ms_median": %.1f,
                    "p99_ms_runs": %s,
                    "target_p50_ms": 20,
                    "target_p99_ms": 250,
                    "meets_target": %s
                  },
                  "runs": %d,
                  "seconds_per_phase": %d,
                  "machine": "%s, %d cores, Java %s",
                  "date": "%s"
                }
                """, CLIENTS, median(withOutbox), Arrays.toString(withOutbox), median(without), Arrays.toString(without),
                p1, p1 >= 0.75, median(live[0]), Arrays.toString(live[0]), median(live[1]), Arrays.toString(live[1]),
                median(live[0]) / median(live[1]),
                BACKLOG, median(replication), Arrays.toString(replication), median(peak), Arrays.toString(peak), p2, p2 >= 2.0,
                halfPeak, LAG_PHASE.toSeconds(), median(p50), Arrays.toString(p50), median(p99), Arrays.toString(p99),
                median(p50) <= 20 && median(p99) <= 250,
                RUNS, PHASE.toSeconds(), InetAddress.getLoopbackAddress().getHostName(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now());
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.print(json);
        System.out.printf(Locale.ROOT, "P1 draining live: ratio %.3f%n", median(live[0]) / median(live[1]));
        System.out.printf(Locale.ROOT, "P1 ratio %.3f (target >= 0.75), P2 ratio %.3f (target >= 2.0), P3 p50 %.1f ms p99 %.1f ms (targets 20 / 250)%n",
                p1, p2, median(p50), median(p99));
    }

    // ------------------------------------------------------------------ set-up

    private Connection connect(String server) throws SQLException, IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("config").resolve(server + ".properties"))) {
            config.load(reader);
        }
        return DriverManager.getConnection(config.getProperty("silo.db.url"), config.getProperty("silo.db.user"),
                config.getProperty("silo.db.password"));
    }

    private static String token(int user) {
        return "silo_u_" + String.format(Locale.ROOT, "%043d", user);
    }

    /** The benchmark's accounts, each with a {@code member:write} token whose secret {@link #token} derives. */
    private void insertUsers() throws Exception {
        try (Connection connection = connect("control"); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO control.users (id, email, name, password_hash, created_at, updated_at,"
                    + " password_changed_at) SELECT " + FIRST_USER + " + i, 'bench-' || i || '@bench.invalid', 'Bench ' || i,"
                    + " 'no login', now(), now(), now() FROM generate_series(0, " + (USERS - 1) + ") i ON CONFLICT DO NOTHING");
            statement.executeUpdate("INSERT INTO control.api_tokens (id, kind, token_hash, token_hint, name, user_id, scopes,"
                    + " created_at) SELECT " + FIRST_USER + " + i, 'USER', encode(sha256(convert_to('silo_u_' || lpad(i::text, 43, '0'),"
                    + " 'UTF8')), 'hex'), 'silo_u_…', 'bench', " + FIRST_USER + " + i, 'member:read member:write', now()"
                    + " FROM generate_series(0, " + (USERS - 1) + ") i ON CONFLICT DO NOTHING");
        }
    }

    /** The next {@code count} benchmark users, never used before in this run. */
    private synchronized int[] freshUsers(int count) {
        if (nextUser + count > USERS) {
            throw new IllegalStateException("the benchmark ran out of users");
        }
        int[] users = new int[count];
        for (int i = 0; i < count; i++) {
            users[i] = nextUser++;
        }
        return users;
    }

    // ------------------------------------------------------------------ P1

    /** A warm-up of each side, then {@link #P1_ROUNDS} alternating rounds: {with outbox rows, without}, tx/s. */
    private double[][] p1Rounds(String label) throws Exception {
        jdbcRate(true, PHASE);
        jdbcRate(false, PHASE);
        double[] withOutbox = new double[P1_ROUNDS];
        double[] without = new double[P1_ROUNDS];
        for (int round = 0; round < P1_ROUNDS; round++) {
            boolean outboxFirst = round % 2 == 0;
            if (outboxFirst) {
                withOutbox[round] = jdbcRate(true, PHASE);
            }
            without[round] = jdbcRate(false, PHASE);
            if (!outboxFirst) {
                withOutbox[round] = jdbcRate(true, PHASE);
            }
            System.out.printf(Locale.ROOT, "%s round %d: %.0f tx/s with outbox rows, %.0f tx/s without%n",
                    label, round + 1, withOutbox[round], without[round]);
        }
        return new double[][] {withOutbox, without};
    }

    /** Switches the renames' category off in the live configuration; answers the switch's file, to delete. */
    private Path holdBack() throws Exception {
        Path switchFile = dataDir.resolve("config/dynamic/silo.outbox.disabled-categories");
        Files.writeString(switchFile, "USER_REPLICA");
        Thread.sleep(7000); // the servers' config cache (5 s) and a drain pass
        return switchFile;
    }

    /** Waits until control's outbox holds no row: the held-back renames reached the regions' brokers. */
    private void awaitOutboxEmpty(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection connection = connect("control");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM " + OutboxTable.CONTROL.qualifiedName())) {
            while (true) {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(rows.getLong(1) + " outbox rows still waiting after " + within);
                    }
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Rename transactions per second over JDBC, 4 clients each on its own 100 users. */
    private double jdbcRate(boolean withOutbox, Duration duration) throws Exception {
        int[] users = freshUsers(CLIENTS * 100);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            counts.add(pool.submit(() -> {
                long done = 0;
                try (Connection connection = connect("control");
                     PreparedStatement rename = connection.prepareStatement("UPDATE control.users SET name = ?, updated_at = now(),"
                             + " version = version + 1 WHERE id = ? RETURNING email, version");
                     PreparedStatement audit = connection.prepareStatement("INSERT INTO control.audit_log (id, user_id,"
                             + " actor_user_id, event, ip_address, detail, created_at) VALUES (?, ?, ?, 'USER_UPDATED', '127.0.0.1', 'name', now())");
                     PreparedStatement outbox = connection.prepareStatement(OutboxWriter.TO_REGION_SQL)) {
                    connection.setAutoCommit(false);
                    Array regions = connection.createArrayOf("text", REGIONS.toArray());
                    while (running.get()) {
                        long id = FIRST_USER + users[client * 100 + (int) (done % 100)];
                        String name = "Bench rename " + done;
                        rename.setString(1, name);
                        rename.setLong(2, id);
                        String email;
                        long version;
                        try (ResultSet row = rename.executeQuery()) {
                            row.next();
                            email = row.getString(1);
                            version = row.getLong(2);
                        }
                        audit.setLong(1, auditIds.incrementAndGet());
                        audit.setLong(2, id);
                        audit.setLong(3, id);
                        audit.executeUpdate();
                        if (withOutbox) {
                            String payload = "{\"active\":true,\"email\":\"" + email + "\",\"id\":" + id + ",\"name\":\"" + name
                                    + "\",\"version\":" + version + "}";
                            outbox.setArray(1, regions);
                            outbox.setString(2, "USER");
                            outbox.setLong(3, id);
                            outbox.setString(4, "USER_REPLICA");
                            outbox.setLong(5, id);
                            outbox.setString(6, payload);
                            outbox.executeUpdate();
                        }
                        connection.commit();
                        done++;
                    }
                }
                return done;
            }));
        }
        return collect(pool, running, counts, start, duration);
    }

    // ------------------------------------------------------------------ P2

    private HttpRequest renameRequest(int user, String name) {
        return HttpRequest.newBuilder(control.resolve("/api/0/users/me/")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build();
    }

    private void rename(int user, String name) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(renameRequest(user, name), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("rename of bench user " + user + " answered " + response.statusCode());
        }
    }

    /** Renames per second 4 clients complete through the REST API, each on its own 100 users. */
    private double restRate(Duration duration) throws Exception {
        int[] users = freshUsers(CLIENTS * 100);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            counts.add(pool.submit(() -> {
                long done = 0;
                while (running.get()) {
                    rename(users[client * 100 + (int) (done % 100)], "Rest rename " + done);
                    done++;
                }
                return done;
            }));
        }
        return collect(pool, running, counts, start, duration);
    }

    /**
     * Holds renames of {@link #BACKLOG} fresh users back with {@code silo.outbox.disabled-categories}, switches them
     * on, and answers how many renames per second reached both regions, from the regions' first to last commit.
     */
    private double replicationRate() throws Exception {
        Path switchFile = holdBack();
        int[] users = freshUsers(BACKLOG);
        try {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = client; i < users.length; i += CLIENTS) {
                        rename(users[i], "Backlog " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
        } finally {
            Files.deleteIfExists(switchFile);
        }
        Map<Long, Long> versions = controlVersions(users);
        double first = Double.MAX_VALUE;
        double last = 0;
        for (String region : REGIONS) {
            double[] span = awaitReplicated(region, versions, Duration.ofSeconds(180));
            first = Math.min(first, span[0]);
            last = Math.max(last, span[1]);
        }
        return users.length / ((last - first) / 1000.0);
    }

    private Map<Long, Long> controlVersions(int[] users) throws Exception {
        Map<Long, Long> versions = new HashMap<>();
        try (Connection connection = connect("control");
             PreparedStatement query = connection.prepareStatement("SELECT id, version FROM control.users WHERE id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("bigint", Arrays.stream(users).mapToObj(u -> FIRST_USER + u).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return versions;
    }

    /** Waits until the region holds every user at its control version; answers its first and last commit (epoch ms). */
    private double[] awaitReplicated(String region, Map<Long, Long> versions, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection connection = connect("region-" + region);
             PreparedStatement query = connection.prepareStatement("SELECT count(*), EXTRACT(EPOCH FROM min(replicated_at)) * 1000,"
                     + " EXTRACT(EPOCH FROM max(replicated_at)) * 1000 FROM region.user_replica r"
                     + " JOIN unnest(?::bigint[], ?::bigint[]) AS v(id, version) ON v.id = r.id AND r.version >= v.version")) {
            query.setArray(1, connection.createArrayOf("bigint", versions.keySet().toArray()));
            query.setArray(2, connection.createArrayOf("bigint", versions.keySet().stream().map(versions::get).toArray()));
            while (true) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == versions.size()) {
                        return new double[] {row.getDouble(2), row.getDouble(3)};
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(region + " holds " + row.getLong(1) + " of " + versions.size() + " renames");
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    // ------------------------------------------------------------------ P3

    /**
     * Lags (ms, both regions) of renames paced at {@code perSecond} over 4 clients, each rename to a fresh user: from
     * the rename in control (the user's {@code updated_at}, stamped inside the committing transaction, so a little
     * before its commit: never in the lag's favour) to the replica's upsert in the region ({@code replicated_at}).
     * Every process reads the same machine clock.
     */
    private double[] lags(double perSecond) throws Exception {
        int total = (int) (perSecond * LAG_PHASE.toSeconds());
        int[] users = freshUsers(total);
        long intervalNanos = (long) (1e9 * CLIENTS / perSecond);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                long next = System.nanoTime();
                for (int i = client; i < users.length; i += CLIENTS) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    next += intervalNanos;
                    rename(users[i], "Lag " + i);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        Map<Long, Long> versions = controlVersions(users);
        Map<Long, Double> committedAt = controlUpdatedAt(users);
        List<Double> lags = new ArrayList<>();
        for (String region : REGIONS) {
            awaitReplicated(region, versions, Duration.ofSeconds(60));
            try (Connection connection = connect("region-" + region);
                 PreparedStatement query = connection.prepareStatement("SELECT id, EXTRACT(EPOCH FROM replicated_at) * 1000"
                         + " FROM region.user_replica WHERE id = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("bigint", committedAt.keySet().toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        lags.add(rows.getDouble(2) - committedAt.get(rows.getLong(1)));
                    }
                }
            }
        }
        return lags.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** When control renamed each user (epoch ms of {@code updated_at}, the rename's own timestamp). */
    private Map<Long, Double> controlUpdatedAt(int[] users) throws Exception {
        Map<Long, Double> updatedAt = new HashMap<>();
        try (Connection connection = connect("control");
             PreparedStatement query = connection.prepareStatement("SELECT id, EXTRACT(EPOCH FROM updated_at) * 1000"
                     + " FROM control.users WHERE id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("bigint", Arrays.stream(users).mapToObj(u -> FIRST_USER + u).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    updatedAt.put(rows.getLong(1), rows.getDouble(2));
                }
            }
        }
        return updatedAt;
    }

    // ------------------------------------------------------------------ figures

    private static double collect(ExecutorService pool, AtomicBoolean running, List<Future<Long>> counts, long start,
                                  Duration duration) throws Exception {
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
        return percentile(values, 0.5);
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))];
    }
}
