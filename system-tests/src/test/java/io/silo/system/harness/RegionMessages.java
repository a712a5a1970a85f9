package io.silo.system.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.ApiClient.Reply;

/**
 * Writes region → control outbox messages in a region, through its testing endpoint (the harness
 * deploys the test WARs), which uses the region's real outbox service and transaction.
 */
public final class RegionMessages {

    private RegionMessages() {
    }

    /** Queues a message of {@code category} (its payload's JSON) in {@code server}'s outbox toward control. */
    public static void write(Topology topology, String server, String category, String json) {
        Reply written = ApiClient.anonymous(topology.url(server))
                .post("/api/0/internal/testing/control-outbox/" + category + "/", json);
        assertEquals(202, written.status(), written.toString());
    }

    /** An organization mapping of {@code region}, as the region's organization service will send it. */
    public static void organization(Topology topology, String server, String region, long id, String slug, String name,
                                    String status, long version) {
        write(topology, server, "ORGANIZATION_MAPPING", "{\"id\":" + id + ",\"slug\":\"" + slug + "\",\"name\":\"" + name
                + "\",\"region\":\"" + region + "\",\"status\":\"" + status + "\",\"version\":" + version + "}");
    }
}
