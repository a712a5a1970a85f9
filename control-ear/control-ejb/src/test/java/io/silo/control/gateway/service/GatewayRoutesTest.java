package io.silo.control.gateway.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.silo.control.organization.model.OrganizationStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayRoutesTest {

    private static final OrganizationRoute ACME = new OrganizationRoute("eu", OrganizationStatus.ACTIVE, "acme");

    /** A directory that answers until the database goes away. */
    private static class Directory extends GatewayDirectory {
        boolean away;
        int reads;

        @Override
        public Optional<OrganizationRoute> organization(String slug) {
            reads++;
            if (away) {
                throw new IllegalStateException("query failed", new SQLException("Connection refused", "08001"));
            }
            return slug.equals("acme") ? Optional.of(ACME) : Optional.empty();
        }
    }

    @Test
    void aKnownRouteAnswersWhileTheDirectoryIsAwayAndAnUnknownOneFails() {
        Directory directory = new Directory();
        GatewayRoutes routes = new GatewayRoutes(directory, Duration.ZERO);
        assertEquals(Optional.of(ACME), routes.organization("acme"));
        directory.away = true;
        assertEquals(Optional.of(ACME), routes.organization("acme"), "the route last read, during the outage");
        assertEquals(2, directory.reads, "past its remembered time the directory was asked first");
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> routes.organization("other"));
        assertEquals("08001", ((SQLException) unknown.getCause()).getSQLState());
    }

    @Test
    void otherFailuresAreNotHiddenByARememberedRoute() {
        GatewayRoutes[] routes = new GatewayRoutes[1];
        Directory directory = new Directory() {
            @Override
            public Optional<OrganizationRoute> organization(String slug) {
                if (reads++ > 0) {
                    throw new IllegalArgumentException("a defect");
                }
                return Optional.of(ACME);
            }
        };
        routes[0] = new GatewayRoutes(directory, Duration.ZERO);
        routes[0].organization("acme");
        IllegalArgumentException defect = assertThrows(IllegalArgumentException.class, () -> routes[0].organization("acme"));
        assertSame(IllegalArgumentException.class, defect.getClass());
    }
}
