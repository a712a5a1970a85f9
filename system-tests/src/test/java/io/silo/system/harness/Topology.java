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

    public enum Kind { SPLIT, MONOLITH }

    private final Kind kind;
    private final Path dataDir;
    private final int httpPort;
    private final int brokerPort;
    private final int postgresPort;
    private final int clusterPort;

    private Topology(Kind kind, Path dataDir, int httpPort, int brokerPort, int postgresPort, int clusterPort) {
        this.kind = kind;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.brokerPort = brokerPort;
        this.postgresPort = postgresPort;
        this.clusterPort = clusterPort;
    }

    /** control + us + eu, as {@code ./silo up} starts them, on test ports. */
    public static Topology split() {
        return new Topology(Kind.SPLIT, Launcher.TEST_DIR.resolve("silo-split"), TestPorts.port(18080),
                TestPorts.port(28616), TestPorts.port(25432), TestPorts.port(26900));
    }

    /** One MONOLITH server, as {@code ./silo up --monolith} starts it, on test ports. */
    public static Topology monolith() {
        return new Topology(Kind.MONOLITH, Launcher.TEST_DIR.resolve("silo-monolith"), TestPorts.port(18180),
                TestPorts.port(28716), TestPorts.port(25532), TestPorts.port(27000));
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
                "--pg-port", String.valueOf(postgresPort), "--cluster-port", String.valueOf(clusterPort)));
        if (kind == Kind.MONOLITH) {
            options.add(0, "--monolith");
        }
        return options;
    }

    public LauncherResult up() {
        List<String> arguments = new ArrayList<>(List.of("up"));
        arguments.addAll(launcherOptions());
        return Launcher.run(java.util.Map.of(), arguments);
    }

    public LauncherResult down() {
        return Launcher.run("down", "--data-dir", dataDir.toString());
    }

    public LauncherResult status() {
        return Launcher.run("status", "--data-dir", dataDir.toString());
    }

    /** Silo application servers of this topology: {@code control, region-us, region-eu} or {@code monolith}. */
    public List<String> servers() {
        return kind == Kind.SPLIT ? List.of("control", "region-us", "region-eu") : List.of("monolith");
    }

    public URI url(String server) {
        int index = servers().indexOf(server);
        if (index < 0) {
            throw new IllegalArgumentException("no server " + server + " in " + kind);
        }
        return URI.create("http://127.0.0.1:" + (httpPort + index));
    }

    public int httpPort(String server) {
        return url(server).getPort();
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int brokerPort(String server) {
        return brokerPort + servers().indexOf(server);
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

    public Path logFile(String component) {
        return dataDir.resolve("logs").resolve(component + ".log");
    }
}
