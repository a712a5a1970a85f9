package io.silo.system.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Launcher;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.TestPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A server whose application fails to deploy keeps running without it; `up` notices on the server's
 * console, stops it and says so in one line at once, instead of waiting out its health timeout.
 */
class DeploymentFailureIT {

    private static final Path DATA_DIR = Launcher.TEST_DIR.resolve("refusals/deployment-failure");
    private static final int TIMEOUT_SECONDS = 240;

    @Test
    void aFailedDeploymentEndsUpAtOnceWithOneLineNamingTheServerAndItsLog() throws IOException {
        deleteRecursively(DATA_DIR);
        // a directory where the server's JSON log file goes: the application cannot open it and fails to deploy
        Files.createDirectories(DATA_DIR.resolve("logs/monolith.log"));

        long started = System.nanoTime();
        ProcessResult result = Launcher.run(Map.of(), List.of("up", "--monolith", "--data-dir", DATA_DIR.toString(),
                "--port", TestPorts.portArgument(19280), "--broker-port", TestPorts.portArgument(29816),
                "--pg-port", TestPorts.portArgument(26632), "--cluster-port", TestPorts.portArgument(28100),
                "--timeout", String.valueOf(TIMEOUT_SECONDS)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(1, result.exitCode(), result.stdout());
        String line = result.singleErrorLine();
        assertTrue(line.startsWith("silo: monolith failed to deploy its application ("), line);
        assertTrue(line.contains("monolith.log (Is a directory)"), "names the cause: " + line);
        assertTrue(line.endsWith("see " + DATA_DIR.resolve("logs/monolith.out")), "points to the console log: " + line);
        assertTrue(took.compareTo(Duration.ofSeconds(TIMEOUT_SECONDS / 2)) < 0,
                "ends at once, not after the " + TIMEOUT_SECONDS + " s health timeout: took " + took.toSeconds() + " s");
        assertTrue(Launcher.run("status", "--data-dir", DATA_DIR.toString()).stdout().contains("monolith         stopped"),
                "the failed server is not left running");
    }

    @AfterAll
    static void stopDatabaseAndBroker() {
        Launcher.run("down", "--data-dir", DATA_DIR.toString());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
