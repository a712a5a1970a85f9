package io.silo.system.harness;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A Silo topology on this machine, started and stopped through the launcher with its own data
 * directory and ports, so tests never touch a developer's {@code ./silo up}.
 */
public final class Topology {

    public enum Kind { SPLIT, MONOLITH, OUTBOX }

    /** The account every test topology treats as its operator ({@code silo.admin.emails}): it may hold the admin scope. */
    public static final String OPERATOR_EMAIL = "operator@silo.test";

    private final Kind kind;
    private final Path dataDir;
    private final int httpPort;
    private final int brokerPort;
    private final int postgresPort;
    private final int clusterPort;
    private final int instances;
    private final int controlInstances;

    private Topology(Kind kind, Path dataDir, int httpPort, int brokerPort, int postgresPort, int clusterPort,
                     int instances) {
        this(kind, dataDir, httpPort, brokerPort, postgresPort, clusterPort, instances, instances);
    }

    private Topology(Kind kind, Path dataDir, int httpPort, int brokerPort, int postgresPort, int clusterPort,
                     int instances, int controlInstances) {
        this.kind = kind;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.brokerPort = brokerPort;
        this.postgresPort = postgresPort;
        this.clusterPort = clusterPort;
        this.instances = instances;
        this.controlInstances = controlInstances;
    }

    /** control + us + eu, as {@code ./silo up} starts them, on test ports. */
    public static Topology split() {
        return new Topology(Kind.SPLIT, Launcher.TEST_DIR.resolve("silo-split"), TestPorts.port(18080),
                TestPorts.port(28616), TestPorts.port(25432), TestPorts.port(26900), 1);
    }

    /**
     * MONOLITH, as {@code ./silo up --monolith --instances 2} starts it, on test ports: two instances of one
     * cluster on one database and broker, so tests can show that state is shared between instances.
     */
    public static Topology monolith() {
        return new Topology(Kind.MONOLITH, Launcher.TEST_DIR.resolve("silo-monolith"), TestPorts.port(18180),
                TestPorts.port(28716), TestPorts.port(25532), TestPorts.port(27000), 2);
    }

    /**
     * control + us + eu with two control instances, both draining the outbox, and brokers that redeliver a
     * failing message within a second (so one reaches DLQ after its 10 deliveries in seconds, not minutes).
     */
    public static Topology outbox() {
        return new Topology(Kind.OUTBOX, Launcher.TEST_DIR.resolve("silo-outbox"), TestPorts.port(19080),
                TestPorts.port(29616), TestPorts.port(26432), TestPorts.port(27900), 1, 2);
    }

    public Kind kind() {
        return kind;
    }

    public Path dataDir() {
        return dataDir;
    }

    public List<String> launcherOptions() {
        List<String> options = new ArrayList<>(List.of("--data-dir", dataDir.toString(),
                "--port", String.valueOf(httpPort), "--broker-port", String.valueOf(brokerPort),
                "--pg-port", String.valueOf(postgresPort), "--cluster-port", String.valueOf(clusterPort),
                "--instances", String.valueOf(instances)));
        if (controlInstances != instances) {
            options.addAll(List.of("--control-instances", String.valueOf(controlInstances)));
        }
        if (kind == Kind.MONOLITH) {
            options.add(0, "--monolith");
        }
        return options;
    }

    /** The kill switch every test topology runs with, so tests can show a switched-off method fails at once. */
    public static final String RPC_DISABLED = "replica.findUser";

    public ProcessResult up() {
        List<String> arguments = new ArrayList<>(List.of("up"));
        arguments.addAll(launcherOptions());
        seedRotatingRpcKeys();
        // the harness is the servers' "reverse proxy": each test client comes from its own X-Forwarded-For address;
        // the test WARs, with their testing endpoints (servers made to call each other, region → control messages
        // written on demand),
        // one operator account, and one RPC method switched off
        java.util.Map<String, String> environment = new java.util.HashMap<>(java.util.Map.of(
                "SILO_HTTP_TRUSTED_PROXIES", "127.0.0.1", "SILO_WARS", "testing",
                "SILO_ADMIN_EMAILS", OPERATOR_EMAIL, "SILO_RPC_DISABLED", RPC_DISABLED));
        if (kind == Kind.OUTBOX) {
            environment.put("SILO_BROKER_MAX_REDELIVERY_DELAY", "1000");
        }
        // the providers' webhook secrets, generated once per data directory like the RPC keys (Webhooks signs with them)
        environment.put("SILO_INTEGRATIONS_GITHUB_WEBHOOK_SECRET", webhookSecret(GITHUB_WEBHOOK_SECRET));
        environment.put("SILO_INTEGRATIONS_SLACK_SIGNING_SECRET", webhookSecret(SLACK_SIGNING_SECRET));
        environment.put("SILO_INTEGRATIONS_JIRA_WEBHOOK_SECRET", webhookSecret(JIRA_WEBHOOK_SECRET));
        return Launcher.run(environment, arguments);
    }

    public static final String GITHUB_WEBHOOK_SECRET = "github-webhook-secret";
    public static final String SLACK_SIGNING_SECRET = "slack-signing-secret";
    public static final String JIRA_WEBHOOK_SECRET = "jira-webhook-secret";

    /** A provider's webhook secret the servers verify with, generated into {@code <data>/secrets/<name>} on first use. */
    public String webhookSecret(String name) {
        Path file = dataDir.resolve("secrets").resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, java.util.UUID.randomUUID().toString());
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Test topologies run in the middle of an RPC key rotation: a current key that signs and a previous one
     * that still verifies. The launcher keeps a key list it finds.
     */
    private void seedRotatingRpcKeys() {
        Path file = dataDir.resolve("secrets/rpc-keys");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "current:" + java.util.UUID.randomUUID() + ",previous:" + java.util.UUID.randomUUID() + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RPC key list the servers use ({@code silo.rpc.keys}). */
    public io.silo.common.rpc.signing.RpcKeys rpcKeys() {
        try {
            return io.silo.common.rpc.signing.RpcKeys.parse(Files.readString(dataDir.resolve("secrets/rpc-keys")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProcessResult down() {
        return Launcher.run("down", "--data-dir", dataDir.toString());
    }

    /** {@code ./silo stop postgres}: every silo's database goes away while the servers keep running. */
    public ProcessResult stopDatabase() {
        return Launcher.run("stop", "postgres", "--data-dir", dataDir.toString());
    }

    /** {@code ./silo start postgres}: the databases are back. */
    public ProcessResult startDatabase() {
        return Launcher.run("start", "postgres", "--data-dir", dataDir.toString());
    }

    public ProcessResult status() {
        return Launcher.run("status", "--data-dir", dataDir.toString());
    }

    /**
     * What the launcher fixed for this data directory when it first started it ({@code <data dir>/topology}:
     * one {@code KEY=VALUE} per line: mode, regions, ports, instances), read afresh on each call.
     */
    private Properties launcherState() {
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("topology"))) {
            state.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("the topology in " + dataDir + " was never started", e);
        }
        return state;
    }

    /** Whether control and each region run as their own silos (not one MONOLITH process). */
    public boolean isSplit() {
        return kind != Kind.MONOLITH;
    }

    /** The regions this topology serves: {@code us, eu} when split; a monolith serves the first of them. */
    public List<String> regions() {
        List<String> regions = List.of(launcherState().getProperty("SAVED_REGIONS").split(","));
        return isSplit() ? regions : regions.subList(0, 1);
    }

    /**
     * The region a scenario that needs only one uses: eu when split (not the first region, so that nothing passes
     * by defaulting to the first), the monolith's own region.
     */
    public String region() {
        return regions().get(regions().size() - 1);
    }

    /** The server that plays control: {@code control}, or {@code monolith}. */
    public String controlServer() {
        return isSplit() ? "control" : "monolith";
    }

    /** The (first) server of a region's silo: {@code region-eu}, or {@code monolith} for the monolith's region. */
    public String regionServer(String region) {
        if (!regions().contains(region)) {
            throw new IllegalArgumentException("no region " + region + " in " + kind + " (regions " + regions() + ")");
        }
        return isSplit() ? "region-" + region : "monolith";
    }

    /** The server of {@link #region()}. */
    public String regionServer() {
        return regionServer(region());
    }

    /** The silos of this topology: {@code control, region-us, region-eu} or {@code monolith}. */
    public List<String> silos() {
        return isSplit() ? java.util.stream.Stream.concat(java.util.stream.Stream.of("control"),
                regions().stream().map(region -> "region-" + region)).toList() : List.of("monolith");
    }

    /**
     * Every application server the launcher started, as it names them: each silo's first instance under the
     * silo's name, then {@code <silo>-2} … (one {@code <data dir>/run/<server>.url} each).
     */
    public List<String> servers() {
        List<String> servers = new ArrayList<>();
        for (String silo : silos()) {
            servers.addAll(instancesOf(silo));
        }
        return servers;
    }

    /** The servers of one silo, first instance first: {@code monolith, monolith-2}. */
    public List<String> instancesOf(String silo) {
        try (var files = Files.list(dataDir.resolve("run"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".url"))
                    .map(name -> name.substring(0, name.length() - ".url".length()))
                    .filter(server -> server.equals(silo) || server.matches(java.util.regex.Pattern.quote(silo) + "-[0-9]+"))
                    .sorted(java.util.Comparator.comparingInt(server -> server.equals(silo) ? 1
                            : Integer.parseInt(server.substring(silo.length() + 1))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The addresses of control's instances (a monolith's instances all play control). */
    public List<URI> controlInstances() {
        return instancesOf(controlServer()).stream().map(this::url).toList();
    }

    /** The URL of a server ({@code control}, {@code region-eu-2} …), as the launcher wrote it when it started it. */
    public URI url(String server) {
        Path file = dataDir.resolve("run").resolve(server + ".url");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no server " + server + " in " + kind + " (servers " + servers() + ")");
        }
        try {
            return URI.create(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort(String server) {
        return url(server).getPort();
    }

    public int postgresPort() {
        return Integer.parseInt(launcherState().getProperty("SAVED_PG_PORT"));
    }

    /** The broker of a silo (its instances share it), from the settings the launcher generated for the silo. */
    public int brokerPort(String silo) {
        return URI.create(serverConfig(silo).getProperty("silo.broker.url")).getPort();
    }

    /** The settings the launcher generated for a server (database, broker, log file, mode). */
    public Properties serverConfig(String server) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("config").resolve(server + ".properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A connection as the server itself connects: its own role, its own database. */
    public Connection connectAs(String server) throws SQLException {
        Properties config = serverConfig(server);
        return DriverManager.getConnection(config.getProperty("silo.db.url"),
                config.getProperty("silo.db.user"), config.getProperty("silo.db.password"));
    }

    /** A superuser connection to any database of the topology's PostgreSQL. */
    public Connection connectAsAdmin(String database) throws SQLException {
        try {
            String password = Files.readString(dataDir.resolve("secrets/postgres")).strip();
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database,
                    "silo_admin", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The databases of this topology: {@code control, region_us, region_eu} or {@code silo}. */
    public List<String> databases() {
        return kind == Kind.MONOLITH ? List.of("silo") : List.of("control", "region_us", "region_eu");
    }

    /** A full SQL dump of one database, as an operator's backup would hold it. */
    public String dump(String database) {
        try {
            Path pgDump;
            try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                pgDump = versions.map(version -> version.resolve("bin/pg_dump")).filter(Files::isExecutable)
                        .max(Path::compareTo).orElseThrow(() -> new IllegalStateException("pg_dump not found"));
            }
            ProcessBuilder builder = new ProcessBuilder(pgDump.toString(), "--host", "127.0.0.1",
                    "--port", String.valueOf(postgresPort), "--username", "silo_admin", "--no-password", database);
            builder.environment().put("PGPASSWORD", Files.readString(dataDir.resolve("secrets/postgres")).strip());
            builder.redirectErrorStream(false);
            Process process = builder.start();
            String dump = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String errors = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_dump " + database + " failed: " + errors);
            }
            return dump;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every log file of the topology: JSON logs and console output of each component. */
    public List<Path> logFiles() {
        try (var files = Files.list(dataDir.resolve("logs"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile(String component) {
        return dataDir.resolve("logs").resolve(component + ".log");
    }

    /** The process of a component ({@code control-2}, {@code broker-region-us}, {@code postgres}) as its pid file names it. */
    public ProcessHandle process(String component) {
        Path pidFile = component.equals("postgres") ? dataDir.resolve("postgres/postmaster.pid")
                : dataDir.resolve("run").resolve(component + ".pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills a component as a crash would (SIGKILL) and waits until it is gone; {@link #up()} starts it again. */
    public void kill(String component) {
        ProcessHandle process = process(component);
        process.destroyForcibly();
        process.onExit().join();
    }

    /**
     * Stops a component as an operator would, and waits until it is gone: SIGTERM for a server or broker,
     * PostgreSQL's fast shutdown (SIGINT: ends sessions, checkpoints) for the database. {@link #up()} starts it again.
     */
    public void stop(String component) {
        ProcessHandle process = process(component);
        if (component.equals("postgres")) {
            try {
                int exit = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).inheritIO().start().waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("kill -INT postgres answered " + exit);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } else {
            process.destroy();
        }
        process.onExit().join();
    }

    /**
     * Sets (or with {@code null} removes) a setting in the data directory's live configuration
     * ({@code config/dynamic/<key>}, a directory config source every server re-reads; applies within ~5 s).
     */
    public void setLiveConfig(String key, String value) {
        Path file = dataDir.resolve("config/dynamic").resolve(key);
        try {
            if (value == null) {
                Files.deleteIfExists(file);
            } else {
                Files.writeString(file, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
