package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Http;
import io.silo.system.harness.SplitTopologyTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * REST endpoints of one silo do not exist on the other's servers: they answer 404 problem+json that
 * says which kind of server was asked. (No region-only resource exists yet to check on control.)
 */
@SplitTopologyTest
class SiloBoundaryIT {

    private static final String CONTROL_RESOURCE = "/api/0/regions/";

    @Test
    void controlResourceAnswersOnControl(Topology topology) {
        HttpResponse<String> response = Http.get(topology.url("control"), CONTROL_RESOURCE);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        assertEquals(2, Http.json(response.body()).getJsonArray("regions").size(), response.body());
    }

    @Test
    void controlResourceIsNotFoundOnRegionServersAsProblemJsonNamingTheRegionMode(Topology topology) {
        for (String server : List.of("region-us", "region-eu")) {
            HttpResponse<String> response = Http.get(topology.url(server), CONTROL_RESOURCE);

            assertEquals(404, response.statusCode(), server + ": " + response.body());
            assertTrue(contentType(response).startsWith("application/problem+json"), server + ": " + contentType(response));
            JsonObject problem = Http.json(response.body());
            assertEquals(404, problem.getInt("status"), response.body());
            assertEquals("Not Found", problem.getString("title"), response.body());
            assertEquals("No such endpoint on this REGION server: GET /api/0/regions/", problem.getString("detail"),
                    server + ": " + response.body());
        }
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("(none)");
    }
}
