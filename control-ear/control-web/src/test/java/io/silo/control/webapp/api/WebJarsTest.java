package io.silo.control.webapp.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebJarsTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void aVersionlessPathFindsThePackagedVersion() {
        String located = WebJars.locate(loader, "/webjars/preact/dist/preact.module.js");
        assertNotNull(located);
        assertTrue(located.matches("META-INF/resources/webjars/preact/[0-9.]+/dist/preact\\.module\\.js"), located);
        assertNotNull(loader.getResource(located), located + " is on the class path");
    }

    @Test
    void aLibraryThatIsNotPackagedIsNotFound() {
        assertNull(WebJars.locate(loader, "/webjars/left-pad/index.js"));
        assertNull(WebJars.locate(loader, "/webjars/preact"));
    }
}
