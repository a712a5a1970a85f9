package io.silo.control.webapp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebAppFilterTest {

    @Test
    void everyPageOfTheAppIsTheSameIndexSoDeepLinksReload() {
        for (String page : new String[] {"/", "/login/", "/signup/", "/organizations/", "/organizations/new/",
                "/organizations/acme/issues/123/", "/account/"}) {
            assertEquals(Optional.of("/app/index.html"), WebAppFilter.resourceOf(page), page);
        }
    }

    @Test
    void assetsAndLibrariesAreFilesOfTheirOwn() {
        assertEquals(Optional.of("/app/assets/js/main.js"), WebAppFilter.resourceOf("/assets/js/main.js"));
        assertEquals(Optional.of("/webjars/preact/dist/preact.module.js"),
                WebAppFilter.resourceOf("/webjars/preact/dist/preact.module.js"));
    }

    @Test
    void theApiAndEverythingElseIsLeftAlone() {
        for (String other : new String[] {"/api/0/organizations/", "/api/12/envelope/", "/extensions/github/webhook/",
                "/health", "/metrics", "/openapi", "/WEB-INF/web.xml", "/app/index.html", "/assets/../WEB-INF/web.xml",
                "/assets//x.js"}) {
            assertEquals(Optional.empty(), WebAppFilter.resourceOf(other), other);
        }
    }
}
