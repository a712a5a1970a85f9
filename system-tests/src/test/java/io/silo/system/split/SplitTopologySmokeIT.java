package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Http;
import io.silo.system.harness.Migrations;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.ListeningSockets;
import io.silo.system.harness.SplitTopologyTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The topology `./silo up` starts: control, region us and region eu, each with its own database and broker. */
@SplitTopologyTest
class SplitTopologySmokeIT {

    @Test
    void everyServerIsReadyWithItsDatabaseAndBroker(Topology topology) {
        for (String server : topology.servers()) {
            HttpResponse<String> ready = Http.get(topology.url(server), "/health/ready");
            assertEquals(200, ready.statusCode(), server + ": " + ready.body());
            JsonObject health = Http.json(ready.body());
            assertEquals("UP", health.getString("status"), server);
            Set<String> checks = new TreeSet<>();
            health.getJsonArray("checks").forEach(check -> checks.add(check.asJsonObject().getString("name")));
            assertEquals(Set.of("broker", "database"), checks, server);
            assertEquals(200, Http.get(topology.url(server), "/health/live").statusCode(), server);
        }
    }

    @Test
    void everyServerNamesItsSiloModeAndRegion(Topology topology) {
        JsonObject control = Http.json(Http.get(topology.url("control"), "/api/0/internal/silo").body());
        assertEquals("CONTROL", control.getString("mode"));
        assertFalse(control.containsKey("region"), "control has no region: " + control);
        for (String region : List.of("us", "eu")) {
            JsonObject info = Http.json(Http.get(topology.url("region-" + region), "/api/0/internal/silo").body());
            assertEquals("REGION", info.getString("mode"));
            assertEquals(region, info.getString("region"));
            assertEquals("region-" + region, info.getString("silo"));
            assertFalse(info.getString("version").isBlank());
        }
    }

    @Test
    void regionServersNameTheirRegionWhenStarted(Topology topology) {
        for (String region : List.of("us", "eu")) {
            HttpResponse<String> started = Http.get(topology.url("region-" + region), "/health/started");
            assertEquals(200, started.statusCode(), region + ": " + started.body());
            JsonObject check = Http.json(started.body()).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(entry -> entry.getString("name").equals("region")).findFirst()
                    .orElseThrow(() -> new AssertionError("no region check in " + started.body()));
            assertEquals("UP", check.getString("status"), started.body());
            assertEquals(region, check.getJsonObject("data").getString("name"), started.body());
            assertEquals(region.equals("us") ? "1" : "2", check.getJsonObject("data").get("id").toString().replace("\"", ""),
                    started.body());
        }
        String control = Http.get(topology.url("control"), "/health/started").body();
        assertFalse(control.contains("\"region\""), "control serves no region: " + control);
    }

    @Test
    void controlListsTheVisibleRegionsOfTheDirectory(Topology topology) {
        JsonObject body = Http.json(Http.get(topology.url("control"), "/api/0/regions/").body());
        List<String> names = new ArrayList<>();
        body.getJsonArray("regions").forEach(region -> names.add(region.asJsonObject().getString("name")));
        assertEquals(List.of("us", "eu"), names);
    }

    @Test
    void controlDatabaseHoldsNoRegionTablesAndRegionDatabasesNoControlTables(Topology topology) throws SQLException {
        assertTrue(Migrations.tablesOf("control").contains("control.users"), "control's history creates users");
        assertEquals(Migrations.tablesOf("control"), tablesOf(topology, "control"));
        assertEquals(Migrations.tablesOf("region"), tablesOf(topology, "region-us"));
        assertEquals(Migrations.tablesOf("region"), tablesOf(topology, "region-eu"));
    }

    @Test
    void aSiloCannotConnectToAnotherSilosDatabase(Topology topology) {
        var usConfig = topology.serverConfig("region-us");
        String controlUrl = topology.serverConfig("control").getProperty("silo.db.url");
        SQLException refused = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                controlUrl, usConfig.getProperty("silo.db.user"), usConfig.getProperty("silo.db.password")).close());
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
    }

    @Test
    void metricsAndOpenApiAreServed(Topology topology) {
        for (String server : topology.servers()) {
            assertEquals(200, Http.get(topology.url(server), "/metrics").statusCode(), server);
            HttpResponse<String> openApi = Http.get(topology.url(server), "/openapi");
            assertEquals(200, openApi.statusCode(), server);
            assertTrue(openApi.body().contains("/api/0/internal/silo"), server + " OpenAPI lists the silo endpoint");
        }
    }

    @Test
    void outboxDepthAndAgeArePublishedPerDestinationAndCategory(Topology topology) {
        String control = Http.get(topology.url("control"), "/metrics").body();
        for (String region : List.of("us", "eu")) {
            for (String gauge : List.of("silo_outbox_depth", "silo_outbox_oldest_age_seconds")) {
                assertTrue(control.lines().anyMatch(line -> line.startsWith(gauge) && line.contains("destination=\"" + region + "\"")
                        && line.contains("category=\"USER_REPLICA\"")), gauge + " for " + region + " on control");
            }
        }
        String us = Http.get(topology.url("region-us"), "/metrics").body();
        assertTrue(us.lines().anyMatch(line -> line.startsWith("silo_outbox_depth") && line.contains("destination=\"control\"")
                && line.contains("category=\"AUDIT_ENTRY\"")), "region-us publishes its outbox toward control");
        assertFalse(us.contains("destination=\"eu\""), "a region has no outbox toward another region");
    }

    @Test
    void everyServerBrokerAndDatabaseListensOnLoopbackOnly(Topology topology) {
        List<Integer> ports = new ArrayList<>(List.of(topology.postgresPort()));
        for (String server : topology.servers()) {
            ports.add(topology.httpPort(server));
        }
        for (String silo : topology.silos()) {
            ports.add(topology.brokerPort(silo));
        }
        for (int port : ports) {
            List<String> addresses = ListeningSockets.addressesListeningOn(port);
            assertFalse(addresses.isEmpty(), "something listens on " + port);
            assertTrue(addresses.stream().allMatch(ListeningSockets::isLoopback), port + " listens on " + addresses);
        }
    }

    @Test
    void statusShowsEveryComponentHealthy(Topology topology) {
        ProcessResult status = topology.status();
        assertEquals(0, status.exitCode(), status.stdout());
        for (String component : List.of("postgres", "broker-control", "broker-region-us", "broker-region-eu",
                "control", "region-us", "region-eu")) {
            assertTrue(status.stdout().lines().anyMatch(line -> line.trim().startsWith(component + " ")
                    && line.contains("healthy")), component + " in:\n" + status.stdout());
        }
    }

    @Test
    void secondUpReportsWhatRunsInsteadOfStartingDuplicates(Topology topology) throws IOException {
        String controlPid = Files.readString(topology.dataDir().resolve("run/control.pid")).strip();
        ProcessResult again = topology.up();
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stdout().contains("already running"), again.stdout());
        assertEquals(controlPid, Files.readString(topology.dataDir().resolve("run/control.pid")).strip());
    }

    @Test
    void logsAreJsonLinesNamingTheirSiloAndRegion(Topology topology) throws IOException {
        for (String server : topology.servers()) {
            List<String> lines = Files.readAllLines(topology.logFile(server));
            assertFalse(lines.isEmpty(), server + " wrote its JSON log");
            for (String line : lines) {
                JsonObject entry = Http.json(line);
                for (String field : List.of("timestamp", "level", "silo", "logger", "message")) {
                    assertTrue(entry.containsKey(field), field + " in " + line);
                }
                assertEquals(server, entry.getString("silo"), line);
                assertTrue(entry.containsKey("region"), line);
            }
        }
    }

    private static Set<String> tablesOf(Topology topology, String server) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = topology.connectAs(server);
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                             + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
