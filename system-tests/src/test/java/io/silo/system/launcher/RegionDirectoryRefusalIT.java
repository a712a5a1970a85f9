package io.silo.system.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Launcher;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.TestPorts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A server whose region is missing from the region directory refuses to start, and `up` says why in one line. */
class RegionDirectoryRefusalIT {

    private static final String DATA_DIR = Launcher.TEST_DIR.resolve("refusals/unknown-region").toString();

    @Test
    void aRegionWithoutAnIdStopsStartUpWithOneLine() {
        ProcessResult result = Launcher.run(Map.of(), List.of("up", "--monolith", "--regions", "ap", "--data-dir", DATA_DIR,
                "--port", TestPorts.portArgument(19180), "--broker-port", TestPorts.portArgument(29716),
                "--pg-port", TestPorts.portArgument(26532), "--cluster-port", TestPorts.portArgument(28000)));
        assertEquals(1, result.exitCode());
        assertEquals("silo: monolith refused to start: Invalid region directory: region 'ap' has no silo.region.ap.id",
                result.singleErrorLine());
        assertTrue(Launcher.run("status", "--data-dir", DATA_DIR).stdout().contains("monolith         stopped"),
                "the refused server is not left running");
    }

    @AfterAll
    static void stopDatabaseAndBroker() {
        Launcher.run("down", "--data-dir", DATA_DIR);
    }
}
