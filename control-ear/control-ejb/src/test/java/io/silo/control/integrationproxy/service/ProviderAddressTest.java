package io.silo.control.integrationproxy.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.web.ApiException;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ProviderAddressTest {

    private static final URI GITHUB = URI.create("https://api.github.com");
    private static final URI JIRA = URI.create("https://example.atlassian.net/rest/api/3");

    @Test
    void plainPathsResolveUnderTheBase() {
        assertEquals(URI.create("https://api.github.com/repos/x/y?per_page=5"), ProviderAddress.resolve(GITHUB, "repos/x/y", "per_page=5"));
        assertEquals(URI.create("https://example.atlassian.net/rest/api/3/issue/ABC-1"), ProviderAddress.resolve(JIRA, "/issue/ABC-1", null));
    }

    @Test
    void pathsNamingAnotherHostAreRefused() {
        for (String path : new String[] {"http://evil.example/x", "https://evil.example", "http:/evil.example/x", "repos//evil.example/x",
                "..", "repos/../../x", "%2e%2e/admin", "repos/x%2fy", "a\\b", "x y"}) {
            ApiException refused = assertThrows(ApiException.class, () -> ProviderAddress.resolve(JIRA, path, null), path);
            assertEquals(403, refused.problem().status(), path);
        }
        // a network-path reference stays a path on the provider's host: leading slashes are dropped
        assertEquals("api.github.com", ProviderAddress.resolve(GITHUB, "//evil.example/x", null).getHost());
    }

    @Test
    void redirectsAreFollowedOnlyUnderTheBase() {
        assertTrue(ProviderAddress.within(JIRA, URI.create("https://example.atlassian.net/rest/api/3/issue/2")));
        assertFalse(ProviderAddress.within(JIRA, URI.create("https://example.atlassian.net/admin")));
        assertFalse(ProviderAddress.within(JIRA, URI.create("https://example.atlassian.net/rest/api/3/../../../admin")));
        assertFalse(ProviderAddress.within(JIRA, URI.create("https://evil.example/rest/api/3/issue")));
        assertFalse(ProviderAddress.within(JIRA, URI.create("http://example.atlassian.net/rest/api/3/issue")));
        assertFalse(ProviderAddress.within(GITHUB, URI.create("https://api.github.com:8443/repos")));
    }

    @Test
    void internalAddressesAreRefusedUnlessTheBaseItselfIsLoopback() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1"}) {
            InetAddress address = InetAddress.getByName(internal);
            ApiException refused = assertThrows(ApiException.class, () -> ProviderAddress.checkAddresses(GITHUB, address), internal);
            assertEquals(403, refused.problem().status());
        }
        assertDoesNotThrow(() -> ProviderAddress.checkAddresses(GITHUB, InetAddress.getByName("140.82.112.6")));
        assertDoesNotThrow(() -> ProviderAddress.checkAddresses(URI.create("http://127.0.0.1:9999"), InetAddress.getByName("127.0.0.1")));
        assertTrue(ProviderAddress.namesLoopback(URI.create("http://localhost:1/")));
        assertFalse(ProviderAddress.namesLoopback(URI.create("http://10.0.0.1/")));
    }
}
