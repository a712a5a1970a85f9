package io.silo.system.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Launcher;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.TestPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each way `./silo up` can be started wrongly ends with one line saying what to do, and a non-zero exit. */
class LauncherRefusalIT {

    private static final List<String> FREE_PORTS = List.of("--port", TestPorts.portArgument(19080),
            "--broker-port", TestPorts.portArgument(29616), "--pg-port", TestPorts.portArgument(26432),
            "--cluster-port", TestPorts.portArgument(27900));

    @Test
    void unknownFlagIsRefused() {
        String line = refused(Map.of(), List.of("up", "--turbo"));
        assertTrue(line.contains("unknown option '--turbo'"), line);
    }

    @Test
    void unknownCommandIsRefused() {
        String line = refused(Map.of(), List.of("restart"));
        assertTrue(line.contains("unknown command 'restart'"), line);
    }

    @Test
    void onlyPostgresStopsOrStartsAlone() {
        String line = refused(Map.of(), List.of("stop", "control"));
        assertTrue(line.contains("only postgres can be stopped or started alone"), line);
    }

    @Test
    void missingJavaIsRefused() throws IOException {
        String line = refused(Map.of("JAVA_HOME", "/nonexistent/jdk"), up(freshDataDir("no-java")));
        assertTrue(line.contains("Java not found") && line.contains("JAVA_HOME"), line);
    }

    @Test
    void portInUseIsRefusedBeforeAnythingStarts() throws IOException {
        Path dataDir = freshDataDir("port-in-use");
        try (ServerSocket occupied = new ServerSocket(TestPorts.port(19080), 1, InetAddress.getLoopbackAddress())) {
            String line = refused(Map.of(), up(dataDir));
            assertTrue(line.contains("port " + TestPorts.port(19080)) && line.contains("already in use"), line);
        }
        assertTrue(!Files.exists(dataDir.resolve("postgres")), "nothing was started");
    }

    @Test
    void dataDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Launcher.TEST_DIR.resolve("refusals/plain-file");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a directory");
        String line = refused(Map.of(), up(file));
        assertTrue(line.contains("is not a directory"), line);
    }

    @Test
    void damagedDataDirectoryIsRefused() throws IOException {
        Path dataDir = freshDataDir("damaged");
        Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(dataDir.resolve("postgres/leftover"), "half a database");
        String line = refused(Map.of(), up(dataDir));
        assertTrue(line.contains("is damaged") && line.contains("--data-dir"), line);
    }

    @Test
    void monolithDataDirectoryIsNotStartedAsSplit() throws IOException {
        Path dataDir = freshDataDir("wrong-mode");
        Files.writeString(dataDir.resolve("topology"), "SAVED_MODE=split\nSAVED_REGIONS=us,eu\n");
        List<String> arguments = new ArrayList<>(up(dataDir));
        arguments.add("--monolith");
        String line = refused(Map.of(), arguments);
        assertTrue(line.contains("holds a split topology"), line);
    }

    private static List<String> up(Path dataDir) {
        List<String> arguments = new ArrayList<>(List.of("up", "--data-dir", dataDir.toString()));
        arguments.addAll(FREE_PORTS);
        return arguments;
    }

    private static Path freshDataDir(String name) throws IOException {
        Path dir = Launcher.TEST_DIR.resolve("refusals").resolve(name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static String refused(Map<String, String> environment, List<String> arguments) {
        ProcessResult result = Launcher.run(environment, arguments);
        assertNotEquals(0, result.exitCode(), "exit code of " + arguments);
        String line = result.singleErrorLine();
        assertTrue(line.startsWith("silo: "), line);
        assertEquals("", result.stdout().strip(), "nothing else said");
        return line;
    }
}
