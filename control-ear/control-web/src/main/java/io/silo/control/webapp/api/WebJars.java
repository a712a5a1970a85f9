package io.silo.control.webapp.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Finds a WebJar's file without its version in the path: {@code /webjars/preact/dist/preact.module.js} is the file
 * {@code dist/preact.module.js} of the packaged {@code org.webjars.npm:preact}, whatever its version. The version
 * is chosen once, in the POM; the app's modules name libraries without it.
 */
final class WebJars {

    private static final String GROUP = "org.webjars.npm";

    private WebJars() {
    }

    /** The class-path resource a versionless WebJar path names, or null when no such WebJar is packaged. */
    static String locate(ClassLoader loader, String path) {
        String rest = path.substring("/webjars/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String library = rest.substring(0, slash);
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/" + GROUP + "/" + library + "/pom.properties")) {
            if (pom == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(pom);
            return "META-INF/resources/webjars/" + library + "/" + properties.getProperty("version") + rest.substring(slash);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the WebJar " + library, e);
        }
    }
}
