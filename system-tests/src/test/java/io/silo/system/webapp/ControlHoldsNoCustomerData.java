package io.silo.system.webapp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway's rule, checked where the data would be: after a person used the web app, control's database, its
 * broker's journal and its logs hold none of an event's strings, while the region's database does.
 */
final class ControlHoldsNoCustomerData {

    private ControlHoldsNoCustomerData() {
    }

    static void check(Topology topology, String region, String canary) {
        assertTrue(topology.dump("region_" + region).contains(canary), "the region's database holds the event");
        assertFalse(topology.dump("control").contains(canary), "control's database holds nothing of the event");
        for (Path file : files(topology.dataDir().resolve("brokers/control/data"))) {
            assertFalse(contains(file, canary), "control's broker holds nothing of the event: " + file);
        }
        for (Path log : topology.logFiles()) {
            String name = log.getFileName().toString();
            if (name.startsWith("control") || name.startsWith("broker-control")) {
                assertFalse(contains(log, canary), "control's log holds nothing of the event: " + log);
            }
        }
    }

    private static List<Path> files(Path directory) {
        try (var walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            // ISO-8859-1 maps every byte to one char: the journal's binary records are searched byte for byte
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
