package io.silo.system.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Launcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The WARs {@code ./silo up} deploys by default carry no testing endpoint: no class of a testing package and no
 * class naming a path under {@code /api/0/internal/testing/}, in the WAR itself or in any Silo jar inside it. The
 * test WARs (module {@code testing}) are the same applications with them.
 */
class ProductionWarsIT {

    private static final String TESTING_PATH = "api/0/internal/testing";

    @Test
    void productionWarsHoldNoTestingEndpoint() throws IOException {
        for (String war : List.of("control-ear/control-web/target/control-web.war",
                "region-ear/region-web/target/region-web.war", "monolith/target/monolith.war")) {
            assertEquals(List.of(), testingClasses(Launcher.ROOT.resolve(war)), war + " holds testing code");
        }
    }

    @Test
    void testWarsHoldTheTestingEndpoints() throws IOException {
        for (String war : List.of("testing/control-testing/target/control-web-testing.war",
                "testing/region-testing/target/region-web-testing.war", "testing/monolith-testing/target/monolith-testing.war")) {
            List<String> found = testingClasses(Launcher.ROOT.resolve(war));
            assertTrue(found.stream().anyMatch(name -> name.contains("/common/testing/")), war + ": " + found);
        }
    }

    /** Every class of the WAR or its io.silo jars that sits in a testing package or names a testing path. */
    private static List<String> testingClasses(Path war) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().startsWith("WEB-INF/lib/") && isSiloJar(entry.getName())) {
                        scanJar(entry.getName(), in.readAllBytes(), found);
                    } else {
                        check(entry.getName(), entry.getName().endsWith(".class") ? in.readAllBytes() : new byte[0], found);
                    }
                }
            }
        }
        return found;
    }

    private static boolean isSiloJar(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.matches("(common|control|region)-[a-z]+-.*\\.jar");
    }

    private static void scanJar(String jarName, byte[] jar, List<String> found) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                check(jarName + "!" + entry.getName(), entry.getName().endsWith(".class") ? in.readAllBytes() : new byte[0], found);
            }
        }
    }

    private static void check(String name, byte[] content, List<String> found) {
        boolean testingPackage = name.contains("/testing/") && name.endsWith(".class");
        boolean testingPath = new String(content, StandardCharsets.ISO_8859_1).contains(TESTING_PATH);
        if (testingPackage || testingPath) {
            found.add(name);
        }
    }
}
