package io.silo.system.monolith;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Http;
import io.silo.system.harness.Migrations;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.harness.Processes;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** `./silo up --monolith`: both silos in one Payara Micro instance, one database, one broker. */
@MonolithTopologyTest
class MonolithTopologySmokeIT {

    @Test
    void monolithIsReadyAndSaysSo(Topology topology) {
        HttpResponse<String> ready = Http.get(topology.url("monolith"), "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject info = Http.json(Http.get(topology.url("monolith"), "/api/0/internal/silo").body());
        assertEquals("MONOLITH", info.getString("mode"));
        assertEquals("monolith", info.getString("silo"));
    }

    @Test
    void controlAndAllSiloResourcesBothAnswerOnTheMonolith(Topology topology) {
        HttpResponse<String> regions = Http.get(topology.url("monolith"), "/api/0/regions/");
        assertEquals(200, regions.statusCode(), regions.body());
        // a monolith serves one region, the first of --regions
        assertEquals(List.of("us"), Http.json(regions.body()).getJsonArray("regions").stream()
                .map(region -> region.asJsonObject().getString("name")).toList());
        assertEquals(200, Http.get(topology.url("monolith"), "/api/0/internal/silo").statusCode());
    }

    @Test
    void oneDatabaseHoldsBothSilosInTheirOwnSchemas(Topology topology) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection connection = topology.connectAs("monolith");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                             + "WHERE table_schema IN ('control', 'region')")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        Set<String> expected = new TreeSet<>(Migrations.tablesOf("control"));
        expected.addAll(Migrations.tablesOf("region"));
        assertEquals(expected, tables);
    }

    @Test
    void downLeavesNoProcessAndUpAgainKeepsTheData(Topology topology) throws SQLException {
        String marker = UUID.randomUUID().toString();
        try (Connection connection = topology.connectAs("monolith")) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS public.restart_marker (value text)");
            connection.createStatement().execute("INSERT INTO public.restart_marker VALUES ('" + marker + "')");
        }

        ProcessResult down = topology.down();
        assertEquals(0, down.exitCode(), down.stderr());
        List<String> leftovers = Processes.commandLinesMentioning(topology.dataDir());
        assertTrue(leftovers.isEmpty(), "processes left behind: " + leftovers);

        ProcessResult up = topology.up();
        assertEquals(0, up.exitCode(), up.stderr());
        assertTrue(up.stdout().contains("all healthy"), up.stdout());
        try (Connection connection = topology.connectAs("monolith");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM public.restart_marker WHERE value = '" + marker + "'")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "the row written before down is still there after up");
        }
        assertEquals(200, Http.get(topology.url("monolith"), "/health/ready").statusCode());
    }
}
