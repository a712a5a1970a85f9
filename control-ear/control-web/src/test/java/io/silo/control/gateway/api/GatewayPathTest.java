package io.silo.control.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayPathTest {

    @Test
    void organizationScopedPathsAreProxiedWithTheirSlug() {
        assertEquals("acme", GatewayPath.of("/api/0/organizations/acme/").orElseThrow().organizationSlug());
        assertEquals("acme", GatewayPath.of("/api/0/organizations/acme").orElseThrow().organizationSlug());
        assertEquals("acme", GatewayPath.of("/api/0/organizations/acme/issues/42/events/").orElseThrow().organizationSlug());
        assertEquals("acme", GatewayPath.of("/api/0/projects/acme/backend/keys/").orElseThrow().organizationSlug());
        assertEquals("acme", GatewayPath.of("/api/0/teams/acme/core/projects/").orElseThrow().organizationSlug());
    }

    @Test
    void controlsOwnPathsAreNotProxied() {
        for (String path : new String[] {"/api/0/organizations/", "/api/0/organizations", "/api/0/projects/",
                "/api/0/users/me/regions/", "/api/0/auth/login/", "/api/0/internal/rpc/user/getById",
                "/api/0/regions/", "/api/0/organizationsx/acme/", "/api/abc/envelope/",
                "/api/0/organizations/acme/org-auth-tokens/", "/api/0/organizations/acme/org-auth-tokens/42/"}) {
            assertEquals(Optional.empty(), GatewayPath.of(path), path);
        }
    }

    @Test
    void sdkIngestionIsProxiedByKey() {
        GatewayPath envelope = GatewayPath.of("/api/42/envelope/").orElseThrow();
        assertTrue(envelope.isIngestion() && envelope.envelope());
        GatewayPath store = GatewayPath.of("/api/42/store/").orElseThrow();
        assertTrue(store.isIngestion());
        assertFalse(store.envelope());
        assertTrue(GatewayPath.of("/api/42/store").isPresent());
        assertEquals(Optional.empty(), GatewayPath.of("/api/42/minidump/"));
    }

    @Test
    void aRenameChangesTheOrganizationSegmentAlone() {
        assertEquals("/api/0/teams/new/acme/projects/",
                GatewayPath.withOrganizationSlug("/api/0/teams/acme/acme/projects/", "new"));
        assertEquals("/api/0/organizations/new/", GatewayPath.withOrganizationSlug("/api/0/organizations/org/", "new"));
        assertEquals("/api/0/projects/new", GatewayPath.withOrganizationSlug("/api/0/projects/proj", "new"));
        assertEquals("/ctx/api/0/organizations/new/issues/",
                GatewayPath.withOrganizationSlug("/ctx/api/0/organizations/a/issues/", "new"));
    }
}
