package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Http;
import io.silo.system.harness.Launcher;
import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.harness.TestPorts;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each silo's EAR, deployed to a Payara Server Community domain by
 * {@code server-config/payara-server/ear-check}, becomes ready with its database and broker checks.
 * The EARs use the running split topology's PostgreSQL databases and Artemis brokers, as a second
 * instance of the silo next to its Payara Micro server: the schema is already migrated (Flyway only
 * validates it) and ids would come from a leased instance number of its own. Each EAR logs to a
 * file of its own and gets an instance name of its own.
 *
 * <p>In {@code split} so that it runs while the split topology is up (failsafe runs the classes in
 * alphabetical order, and one topology runs at a time).
 */
@SplitTopologyTest
class EarOnPayaraServerIT {

    private static final Path WORK = Launcher.TEST_DIR.resolve("ear-on-payara-server");
    /** Payara Server listens on portbase + 37 .. + 86, all on 127.0.0.1 (see ear-check). */
    private static final int PORTBASE = TestPorts.port(30000);

    @Test
    void controlEarIsReadyOnPayaraServer(Topology topology) throws Exception {
        EarCheck check = runEarCheck(topology, "control", Launcher.ROOT.resolve("control-ear/ear/target"));
        assertReadyWithDatabaseAndBroker(check);
        JsonObject silo = check.jsonAfter("ear-check: GET /api/0/internal/silo -> 200:");
        assertEquals("CONTROL", silo.getString("mode"), silo.toString());
        assertFalse(silo.containsKey("region") && !silo.isNull("region"), "control has no region: " + silo);
        assertEquals("control", silo.getString("silo"), silo.toString());
        assertLogsToItsOwnFile(check, "control");
    }

    @Test
    void regionEarIsReadyOnPayaraServer(Topology topology) throws Exception {
        EarCheck check = runEarCheck(topology, "region-us", Launcher.ROOT.resolve("region-ear/ear/target"));
        assertReadyWithDatabaseAndBroker(check);
        JsonObject silo = check.jsonAfter("ear-check: GET /api/0/internal/silo -> 200:");
        assertEquals("REGION", silo.getString("mode"), silo.toString());
        assertEquals("us", silo.getString("region"), silo.toString());
        assertEquals("region-us", silo.getString("silo"), silo.toString());
        assertLogsToItsOwnFile(check, "region-us");
    }

    private static void assertReadyWithDatabaseAndBroker(EarCheck check) {
        assertEquals(0, check.exitCode(), "ear-check exit code; its output:\n" + check.output());
        JsonObject ready = check.jsonAfter("ear-check: GET /health/ready -> 200");
        assertEquals("UP", ready.getString("status"), ready.toString());
        Map<String, String> checks = new TreeMap<>();
        ready.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .forEach(entry -> checks.put(entry.getString("name"), entry.getString("status")));
        assertEquals(Map.of("broker", "UP", "database", "UP"), checks, ready.toString());
        assertTrue(check.output().contains("every socket of the server is on loopback"), check.output());
    }

    private static void assertLogsToItsOwnFile(EarCheck check, String server) throws IOException {
        List<String> lines = Files.readAllLines(check.logFile());
        assertTrue(lines.stream().anyMatch(line -> line.contains("JSON log started for " + server)),
                "the EAR wrote its JSON log to " + check.logFile());
        JsonObject first = Http.json(lines.get(0));
        assertEquals(server, first.getString("silo"), lines.get(0));
    }

    /**
     * Runs ear-check for one EAR with the settings the launcher generated for {@code server}, then
     * checks that the Payara Micro server sharing its database is still ready and its database's
     * migration history untouched.
     */
    private static EarCheck runEarCheck(Topology topology, String server, Path earDirectory) throws Exception {
        Path ear = theOneEarIn(earDirectory);
        Files.createDirectories(WORK);
        Path logFile = WORK.resolve(server + "-ear.log");
        Files.deleteIfExists(logFile);
        Path properties = writeProperties(topology.serverConfig(server), server, logFile);
        List<String> historyBefore = migrationHistory(topology, server);

        Path output = WORK.resolve(server + "-ear-check.txt");
        List<String> command = List.of(Launcher.ROOT.resolve("server-config/payara-server/ear-check").toString(),
                ear.toString(), properties.toString(), WORK.toString(), String.valueOf(PORTBASE));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Launcher.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("PAYARA_VERSION", System.getProperty("silo.payaraServer.version", "6.2025.9"));
        System.out.println("[harness] " + String.join(" ", command));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroy();
            process.waitFor(2, TimeUnit.MINUTES);
            throw new AssertionError("ear-check did not finish in 10 minutes; its output so far:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        text.lines().forEach(line -> System.out.println("[ear-check] " + line));

        assertEquals(200, Http.get(topology.url(server), "/health/ready").statusCode(),
                server + " on Payara Micro stays ready next to the EAR");
        assertEquals(historyBefore, migrationHistory(topology, server), "the EAR applied no migration of its own");
        return new EarCheck(process.exitValue(), text, logFile);
    }

    private static Path theOneEarIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> ears = files.filter(file -> file.getFileName().toString().endsWith(".ear")).toList();
            assertEquals(1, ears.size(), "one EAR in " + directory + " (build it with mvn package): " + ears);
            return ears.get(0);
        }
    }

    /**
     * The server's generated settings, but with a log file and an instance name of the EAR's own.
     * Written as plain key=value lines, as ear-check reads them (no java.util.Properties escapes).
     */
    private static Path writeProperties(Properties generated, String server, Path logFile) throws IOException {
        Map<String, String> settings = new TreeMap<>();
        generated.stringPropertyNames().forEach(key -> settings.put(key, generated.getProperty(key)));
        settings.put("silo.log.file", logFile.toString());
        settings.put("silo.instance.name", server + "-ear");
        List<String> lines = new ArrayList<>(List.of("# " + server + "'s settings from the split topology, for its EAR"));
        settings.forEach((key, value) -> {
            assertFalse(value.contains("\n") || value.contains("\r"), key + " holds a line break");
            lines.add(key + "=" + value);
        });
        Path file = WORK.resolve(server + "-ear.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> migrationHistory(Topology topology, String server) throws SQLException {
        String schema = server.equals("control") ? "control" : "region";
        List<String> rows = new ArrayList<>();
        try (Connection connection = topology.connectAs(server);
             ResultSet history = connection.createStatement().executeQuery("SELECT installed_rank || ' ' || coalesce(version, '') "
                     + "|| ' ' || success FROM " + schema + ".flyway_schema_history ORDER BY installed_rank")) {
            while (history.next()) {
                rows.add(history.getString(1));
            }
        }
        assertFalse(rows.isEmpty(), "the Payara Micro server migrated " + schema + " before the EAR started");
        return rows;
    }

    /** What one ear-check run printed, and where the EAR's JSON log went. */
    private record EarCheck(int exitCode, String output, Path logFile) {

        /** The JSON ear-check printed on the line after the one starting with {@code heading}. */
        JsonObject jsonAfter(String heading) {
            List<String> lines = output.lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith(heading)) {
                    return Http.json(lines.get(i + 1));
                }
            }
            throw new AssertionError("no line starting with '" + heading + "' in:\n" + output);
        }
    }
}
