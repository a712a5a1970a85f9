package io.silo.system.ingest;

import static io.silo.system.harness.SentrySdk.exceptionEvent;
import static io.silo.system.harness.SentrySdk.newEventId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Projects.ProjectKey;
import io.silo.system.harness.Projects;
import io.silo.system.harness.SentrySdk;
import io.silo.system.harness.ServerMetrics;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SDK ingestion as the Sentry SDKs use it: envelopes and store requests authenticated by DSN key are stored,
 * normalized and grouped into issues in the project's region; every refusal (malformed envelope, bad item,
 * unknown, disabled or foreign key, too large, over the key's rate limit) is problem+json and writes nothing.
 */
public abstract class IngestScenarios {

    /** How PostgreSQL writes a timestamptz of {@link SentrySdk#EVENT_TIME} as text in this session (UTC). */
    private static final DateTimeFormatter DATABASE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+00'")
            .withZone(ZoneOffset.UTC);

    private static final String BREADCRUMBS_TAGS_USER = ",\"environment\":\"production\",\"release\":\"shop@1.4.2\","
            + "\"tags\":{\"payment.provider\":\"acme\",\"shard\":7},"
            + "\"user\":{\"id\":\"u-1001\",\"email\":\"ada@example.com\",\"ip_address\":\"10.0.0.5\"},"
            + "\"breadcrumbs\":{\"values\":[{\"timestamp\":1763917190.5,\"category\":\"http\",\"type\":\"http\","
            + "\"data\":{\"url\":\"/cart\",\"method\":\"POST\",\"status_code\":200}},"
            + "{\"timestamp\":\"2026-11-23T16:59:59Z\",\"category\":\"ui.click\",\"message\":\"button#pay\"}]}";

    @Test
    void anExceptionEventInAnEnvelopeIsStoredWithItsIssueEnvironmentAndRelease(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String eventId = newEventId();
        byte[] envelope = SentrySdk.envelope(eventId).item("event", exceptionEvent(eventId,
                "java.lang.IllegalStateException", "card declined", BREADCRUMBS_TAGS_USER)).build();

        Reply reply = SentrySdk.sendEnvelope(url(topology), key.projectId(), key.publicKey(), envelope);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(eventId, reply.json().getString("id"));
        assertEquals("error|java|production|shop@1.4.2|java.lang.IllegalStateException: card declined|"
                        + "java.lang.IllegalStateException|card declined|id:u-1001|" + DATABASE_TIME.format(SentrySdk.EVENT_TIME),
                query(topology, "SELECT level || '|' || platform || '|' || environment || '|' || release || '|' || title"
                        + " || '|' || exception_type || '|' || exception_value || '|' || user_key || '|'"
                        + " || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') || '+00'"
                        + " FROM region.event WHERE project_id = ? AND event_id = ?::uuid", key.projectId(), eventId));
        assertEquals("acme|7|2|button#pay|com.example.PaymentService|charge",
                query(topology, "SELECT tags->>'payment.provider' || '|' || (tags->>'shard') || '|'"
                        + " || jsonb_array_length(body->'breadcrumbs'->'values') || '|'"
                        + " || (body->'breadcrumbs'->'values'->1->>'message') || '|' || (top_frames->0->>'module')"
                        + " || '|' || (top_frames->0->>'function')"
                        + " FROM region.event WHERE project_id = ?", key.projectId()));
        assertEquals("java.lang.IllegalStateException: card declined|com.example.PaymentService in charge|error|"
                        + "unresolved|1|1",
                query(topology, "SELECT i.title || '|' || i.culprit || '|' || i.level || '|' || i.status || '|'"
                        + " || i.times_seen || '|' || i.user_count FROM region.issue i JOIN region.event e"
                        + " ON e.issue_id = i.id WHERE e.project_id = ?", key.projectId()));
        assertEquals("production|shop@1.4.2", query(topology, "SELECT (SELECT string_agg(name, ',') FROM"
                + " region.environment WHERE project_id = ?) || '|' || (SELECT string_agg(version, ',')"
                + " FROM region.release_project WHERE project_id = ?)", key.projectId(), key.projectId()));
    }

    @Test
    void aStoredEventAndItsIssueReadBackThroughTheEntities(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String eventId = newEventId();
        assertEquals(200, SentrySdk.sendEnvelope(url(topology), key.projectId(), key.publicKey(),
                SentrySdk.envelope(eventId).item("event", exceptionEvent(eventId, "java.lang.IllegalStateException",
                        "card declined", BREADCRUMBS_TAGS_USER)).build()).status());

        Reply read = io.silo.system.harness.ApiClient.anonymous(url(topology)).get("/api/0/internal/testing/projects/"
                + key.projectId() + "/events/" + eventId);

        assertEquals(200, read.status(), read.toString());
        jakarta.json.JsonObject event = read.json();
        assertEquals(eventId, event.getString("eventId"));
        assertEquals(SentrySdk.EVENT_TIME.toString(), event.getString("occurredAt"));
        assertEquals("id:u-1001", event.getString("userKey"));
        assertEquals("acme", event.getJsonObject("tags").getString("payment.provider"));
        assertEquals("7", event.getJsonObject("tags").getString("shard"));
        assertEquals("charge", event.getJsonArray("topFrames").getJsonObject(0).getString("function"));
        assertEquals(eventId, event.getJsonObject("body").getString("event_id"));
        assertEquals("http", event.getJsonObject("body").getJsonObject("breadcrumbs").getJsonArray("values")
                .getJsonObject(0).getString("category"));
        assertEquals("unresolved|1|1|com.example.PaymentService in charge", event.getJsonObject("issue").getString("status")
                + "|" + event.getJsonObject("issue").getInt("timesSeen") + "|"
                + event.getJsonObject("issue").getInt("userCount") + "|" + event.getJsonObject("issue").getString("culprit"));
        assertEquals("[\"production\"]", event.getJsonArray("environments").toString());
    }

    @Test
    void theSameExceptionTwiceIsOneIssueSeenTwiceAndADifferentFingerprintIsAnother(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        for (String user : List.of("a", "b", "a")) {
            String eventId = newEventId();
            assertEquals(200, SentrySdk.sendEnvelope(url(topology), key.projectId(), key.publicKey(),
                    SentrySdk.envelope(eventId).item("event", exceptionEvent(eventId, "java.io.IOException",
                            "read timed out after " + (user.hashCode() % 97) + " ms",
                            ",\"user\":{\"username\":\"" + user + "\"}")).build()).status());
        }
        String fingerprinted = newEventId();
        assertEquals(200, SentrySdk.store(url(topology), key.projectId(), key.publicKey(), exceptionEvent(fingerprinted,
                "java.io.IOException", "read timed out", ",\"fingerprint\":[\"payments\",\"{{ default }}\"]")).status());

        assertEquals("1:0|3:2", query(topology, "SELECT string_agg(times_seen || ':' || user_count, '|'"
                + " ORDER BY times_seen) FROM region.issue WHERE project_id = ?", key.projectId()));
    }

    @Test
    void messagesThatDifferOnlyInNumbersHexIdsAndUuidsAreOneIssue(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String[] messages = {"Order 17 failed for cart 0x1f3a (session 6f1c2d3e-1a2b-4c3d-8e9f-001122334455)",
                "Order 18 failed for cart 0x77 (session 0b1c2d3e-1a2b-4c3d-8e9f-aabbccddeeff)",
                "Order 18 refused for cart 0x77 (session 0b1c2d3e-1a2b-4c3d-8e9f-aabbccddeeff)"};
        for (String message : messages) {
            Reply reply = SentrySdk.store(url(topology), key.projectId(), key.publicKey(), "{\"event_id\":\""
                    + newEventId() + "\",\"timestamp\":1763917200.25,\"level\":\"warning\",\"platform\":\"python\","
                    + "\"logentry\":{\"formatted\":\"" + message + "\"},\"tags\":[[\"browser\",\"Firefox\"]]}");
            assertEquals(200, reply.status(), reply.toString());
        }
        assertEquals("1|2", query(topology, "SELECT string_agg(times_seen::text, '|' ORDER BY times_seen)"
                + " FROM region.issue WHERE project_id = ?", key.projectId()));
        assertEquals("warning|Firefox|2025-11-23", query(topology, "SELECT min(level) || '|' || min(tags->>'browser')"
                + " || '|' || min(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')) FROM region.event"
                + " WHERE project_id = ?", key.projectId()));
    }

    @Test
    void aRepeatedEventIdIsStoredOnceAndAnsweredWithTheSameId(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String eventId = newEventId();
        String event = exceptionEvent(eventId, "java.lang.NullPointerException", "cart", "");
        for (int i = 0; i < 3; i++) {
            Reply reply = SentrySdk.store(url(topology), key.projectId(), key.publicKey(), event);
            assertEquals(200, reply.status(), reply.toString());
            assertEquals(eventId, reply.json().getString("id"));
        }
        assertEquals("1|1", counts(topology, key));
    }

    @Test
    void aResolvedIssueThatGetsANewEventIsUnresolvedAgain(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String first = newEventId();
        SentrySdk.store(url(topology), key.projectId(), key.publicKey(), exceptionEvent(first, "E", "x", ""));
        execute(topology, "UPDATE region.issue SET status = 'resolved' WHERE project_id = ?", key.projectId());
        String second = newEventId();
        assertEquals(200, SentrySdk.store(url(topology), key.projectId(), key.publicKey(),
                exceptionEvent(second, "E", "x", "")).status());
        assertEquals("unresolved|2", query(topology, "SELECT status || '|' || times_seen FROM region.issue"
                + " WHERE project_id = ?", key.projectId()));
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String gzipped = newEventId();
        Reply gzip = SentrySdk.post(url(topology), "/api/" + key.projectId() + "/envelope/", SentrySdk.gzip(
                        SentrySdk.envelope(gzipped).item("event", exceptionEvent(gzipped, "G", "zip", "")).build()),
                Map.of("X-Sentry-Auth", SentrySdk.auth(key.publicKey()), "Content-Encoding", "gzip"));
        String deflated = newEventId();
        Reply deflate = SentrySdk.post(url(topology), "/api/" + key.projectId() + "/store/", SentrySdk.deflate(
                        exceptionEvent(deflated, "D", "flate", "").getBytes(StandardCharsets.UTF_8)),
                Map.of("X-Sentry-Auth", SentrySdk.auth(key.publicKey()), "Content-Encoding", "deflate",
                        "Content-Type", "application/json"));
        assertEquals(200, gzip.status(), gzip.toString());
        assertEquals(200, deflate.status(), deflate.toString());
        assertEquals("G: zip,D: flate", query(topology, "SELECT string_agg(title, ',' ORDER BY title DESC)"
                + " FROM region.event WHERE project_id = ?", key.projectId()));
    }

    @Test
    void aBrotliEnvelopeIsStoredAndACorruptOneIs400AndStoresNothing(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        Brotli4jLoader.ensureAvailability();
        String eventId = newEventId();
        byte[] envelope = SentrySdk.envelope(eventId).item("event", exceptionEvent(eventId, "B", "rotli", "")).build();
        Map<String, String> headers = Map.of("X-Sentry-Auth", SentrySdk.auth(key.publicKey()), "Content-Encoding", "br");
        Reply stored = SentrySdk.post(url(topology), "/api/" + key.projectId() + "/envelope/", Encoder.compress(envelope),
                headers);
        assertEquals(200, stored.status(), stored.toString());
        assertEquals(eventId, stored.json().getString("id"));

        String corruptId = newEventId();
        byte[] corrupt = Encoder.compress(SentrySdk.envelope(corruptId).item("event", exceptionEvent(corruptId, "C",
                "orrupt", "")).build());
        for (int i = 2; i < corrupt.length; i += 3) {
            corrupt[i] ^= 0x5a;
        }
        Reply refused = SentrySdk.post(url(topology), "/api/" + key.projectId() + "/envelope/", corrupt, headers);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.isProblem() && refused.json().getString("detail").contains("Brotli"), refused.toString());
        assertEquals("B: rotli", query(topology, "SELECT string_agg(title, ',') FROM region.event WHERE project_id = ?",
                key.projectId()), "the Brotli event is stored, nothing of the corrupt one");
    }

    @Test
    void anEnvelopeWithAnAttachmentASessionAndAClientReportStoresItsEvent(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String eventId = newEventId();
        byte[] attachment = "line one\nline two\n\u0000binary".getBytes(StandardCharsets.UTF_8);
        byte[] envelope = SentrySdk.envelope(eventId)
                .item("event", exceptionEvent(eventId, "A", "with attachment", ""))
                .item("attachment", attachment, ",\"filename\":\"log.txt\",\"content_type\":\"text/plain\"")
                .itemWithoutLength("session", "{\"sid\":\"" + java.util.UUID.randomUUID() + "\",\"init\":true,"
                        + "\"started\":\"2026-11-23T17:00:00Z\",\"status\":\"ok\",\"attrs\":{\"release\":\"shop@1.4.2\"}}")
                .item("client_report", "{\"timestamp\":1763917200,\"discarded_events\":[]}")
                .build();
        double sessionsBefore = items(topology, "session", "accepted");
        double attachmentsBefore = items(topology, "attachment", "accepted");
        double eventsBefore = items(topology, "event", "stored");

        Reply reply = SentrySdk.sendEnvelope(url(topology), key.projectId(), key.publicKey(), envelope);

        assertEquals(200, reply.status(), reply.toString());
        assertEquals(eventId, reply.json().getString("id"));
        assertEquals("1|1", counts(topology, key));
        assertEquals(1, items(topology, "session", "accepted") - sessionsBefore, "sessions counted");
        assertEquals(1, items(topology, "attachment", "accepted") - attachmentsBefore, "attachments counted");
        assertTrue(items(topology, "event", "stored") - eventsBefore >= 1, "events counted");
    }

    @Test
    void concurrentEventsOfOneNewFingerprintMakeOneIssueThatCountsEachOnce(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        int events = 24;
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < events; i++) {
                String instance = topology.instancesOf(topology.regionServer()).get(i % topology.instancesOf(topology.regionServer()).size());
                String user = ",\"user\":{\"id\":\"u-" + (i % 5) + "\"}";
                replies.add(clients.submit(() -> SentrySdk.store(topology.url(instance), key.projectId(),
                        key.publicKey(), exceptionEvent(newEventId(), "java.util.ConcurrentModificationException",
                                "race", user))));
            }
            for (java.util.concurrent.Future<Reply> reply : replies) {
                assertEquals(200, reply.get().status(), reply.get().toString());
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(events + "|1", counts(topology, key));
        assertEquals(events + "|5|5", query(topology, "SELECT i.times_seen || '|' || i.user_count || '|'"
                + " || (SELECT count(*) FROM region.issue_user u WHERE u.issue_id = i.id)"
                + " FROM region.issue i WHERE i.project_id = ?", key.projectId()));
    }

    @Test
    void theKeyMayComeAsTheSentryKeyQueryParameterOrTheEnvelopeHeadersDsn(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String byQuery = newEventId();
        Reply query = SentrySdk.post(url(topology), "/api/" + key.projectId() + "/envelope/?sentry_key="
                        + key.publicKey() + "&sentry_version=7",
                SentrySdk.envelope(byQuery).item("event", exceptionEvent(byQuery, "Q", "query", "")).build(), Map.of());
        String byDsn = newEventId();
        Reply dsn = SentrySdk.post(url(topology), "/api/" + key.projectId() + "/envelope/",
                new SentrySdk.EnvelopeBuilder("{\"event_id\":\"" + byDsn + "\",\"dsn\":\"" + key.dsn(url(topology))
                        + "\"}").item("event", exceptionEvent(byDsn, "H", "header", "")).build(), Map.of());
        assertEquals(200, query.status(), query.toString());
        assertEquals(200, dsn.status(), dsn.toString());
        assertEquals("2|2", counts(topology, key));
    }

    @Test
    void malformedEnvelopesAndInvalidEventsAreRefusedWith400AndWriteNothing(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String eventId = newEventId();
        String valid = exceptionEvent(eventId, "V", "valid", "");
        Map<String, byte[]> refused = Map.of(
                "Malformed envelope header", new SentrySdk.EnvelopeBuilder("{\"event_id\": oops")
                        .item("event", valid).build(),
                "declares a length of 5000 bytes but only", SentrySdk.envelope(eventId).item("event", valid)
                        .raw("{\"type\":\"attachment\",\"length\":5000}\nshort\n").build(),
                "declares a length of 3 bytes but its payload does not end there", SentrySdk.envelope(eventId)
                        .item("event", valid).raw("{\"type\":\"attachment\",\"length\":3}\nlonger than three\n").build(),
                "Invalid JSON in item 2 (event)", SentrySdk.envelope(eventId).item("session", "{}")
                        .item("event", "{\"event_id\":\"" + newEventId() + "\",\"message\":").build(),
                "Invalid event_id", SentrySdk.envelope(null).item("event", "{\"event_id\":\"not-an-id\"}").build());
        for (Map.Entry<String, byte[]> bad : refused.entrySet()) {
            Reply reply = SentrySdk.sendEnvelope(url(topology), key.projectId(), key.publicKey(), bad.getValue());
            assertEquals(400, reply.status(), bad.getKey() + ": " + reply);
            assertTrue(reply.isProblem() && reply.json().getString("detail").contains(bad.getKey()),
                    bad.getKey() + ": " + reply);
        }
        Reply invalidStore = SentrySdk.store(url(topology), key.projectId(), key.publicKey(), "{\"message\": [1,");
        assertEquals(400, invalidStore.status(), invalidStore.toString());
        assertTrue(invalidStore.isProblem(), invalidStore.toString());
        assertEquals("0|0", counts(topology, key));
    }

    @Test
    void anUnknownItemTypeIsAcceptedAndSkipped(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String eventId = newEventId();
        Reply onlyUnknown = SentrySdk.sendEnvelope(url(topology), key.projectId(), key.publicKey(),
                SentrySdk.envelope(eventId).item("hologram", "{\"event_id\":\"" + eventId + "\"}").build());
        assertEquals(200, onlyUnknown.status(), onlyUnknown.toString());
        assertEquals("0|0", counts(topology, key));

        String second = newEventId();
        Reply withEvent = SentrySdk.sendEnvelope(url(topology), key.projectId(), key.publicKey(),
                SentrySdk.envelope(second).item("hologram", "not even json").item("event",
                        exceptionEvent(second, "U", "next to an unknown item", "")).build());
        assertEquals(200, withEvent.status(), withEvent.toString());
        assertEquals("1|1", counts(topology, key));
    }

    @Test
    void unknownDisabledAndForeignKeysAreRefusedAndWriteNothing(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        ProjectKey other = Projects.create(topology, topology.regionServer());
        ProjectKey disabled = Projects.create(topology, topology.regionServer(), Json.createObjectBuilder().add("keyActive", false));
        String eventId = newEventId();
        String event = exceptionEvent(eventId, "K", "key", "");

        Reply unknown = SentrySdk.store(url(topology), key.projectId(), "0123456789abcdef0123456789abcdef", event);
        Reply none = SentrySdk.post(url(topology), "/api/" + key.projectId() + "/store/",
                event.getBytes(StandardCharsets.UTF_8), Map.of());
        Reply inactive = SentrySdk.store(url(topology), disabled.projectId(), disabled.publicKey(), event);
        Reply foreign = SentrySdk.store(url(topology), key.projectId(), other.publicKey(), event);

        assertEquals(401, unknown.status(), unknown.toString());
        assertEquals(401, none.status(), none.toString());
        assertEquals(403, inactive.status(), inactive.toString());
        assertEquals(403, foreign.status(), foreign.toString());
        assertTrue(unknown.isProblem() && none.isProblem() && inactive.isProblem() && foreign.isProblem());
        assertTrue(foreign.json().getString("detail").contains("does not belong to project " + key.projectId()),
                foreign.toString());
        for (ProjectKey project : List.of(key, other, disabled)) {
            assertEquals("0|0", counts(topology, project));
        }
    }

    @Test
    void bodiesOverTheLimitsAreRefusedWith413AndWriteNothing(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer());
        String big = newEventId();
        String bigEvent = exceptionEvent(big, "B", "x".repeat(1_100_000), "");
        Reply event = SentrySdk.store(url(topology), key.projectId(), key.publicKey(), bigEvent);
        byte[] bomb = SentrySdk.gzip(SentrySdk.envelope(big).item("attachment", new byte[60 * 1024 * 1024], "").build());
        Reply decompressed = SentrySdk.post(url(topology), "/api/" + key.projectId() + "/envelope/", bomb,
                Map.of("X-Sentry-Auth", SentrySdk.auth(key.publicKey()), "Content-Encoding", "gzip"));
        Reply sent = SentrySdk.sendEnvelope(url(topology), key.projectId(), key.publicKey(),
                new byte[21 * 1024 * 1024]);

        assertEquals(413, event.status(), event.toString());
        assertTrue(event.isProblem() && event.json().getString("detail").contains("limit of 1048576"), event.toString());
        assertEquals(413, decompressed.status(), decompressed.toString());
        assertTrue(decompressed.json().getString("detail").contains("decompressed"), decompressed.toString());
        assertEquals(413, sent.status(), sent.toString());
        assertEquals("0|0", counts(topology, key));
    }

    @Test
    void aKeyOverItsRateLimitIsRefusedWith429OnEveryInstance(Topology topology) throws Exception {
        ProjectKey key = Projects.create(topology, topology.regionServer(), Json.createObjectBuilder()
                .add("rateLimitCount", 3).add("rateLimitWindow", 3600));
        List<String> instances = topology.instancesOf(topology.regionServer());
        for (int i = 0; i < 3; i++) {
            String eventId = newEventId();
            Reply accepted = SentrySdk.store(topology.url(instances.get(i % instances.size())), key.projectId(),
                    key.publicKey(), exceptionEvent(eventId, "R", "limited", ""));
            assertEquals(200, accepted.status(), accepted.toString());
        }
        for (String instance : instances) {
            Reply limited = SentrySdk.store(topology.url(instance), key.projectId(), key.publicKey(),
                    exceptionEvent(newEventId(), "R", "limited", ""));
            assertEquals(429, limited.status(), instance + ": " + limited);
            assertTrue(limited.isProblem(), limited.toString());
            long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 3600, limited.headers().map().toString());
            assertEquals(retryAfter + ":error;default:key", limited.header("X-Sentry-Rate-Limits").orElseThrow());
        }
        assertEquals("3|1", counts(topology, key));
    }

    /** silo_ingest_items_total of an item type and outcome, over every instance of the region. */
    private double items(Topology topology, String type, String outcome) {
        return topology.instancesOf(topology.regionServer()).stream().mapToDouble(instance -> ServerMetrics.value(topology.url(instance),
                "silo_ingest_items_total", Map.of("type", type, "outcome", outcome))).sum();
    }

    private URI url(Topology topology) {
        return topology.url(topology.regionServer());
    }

    /** The project's events and issues, as "events|issues". */
    private String counts(Topology topology, ProjectKey key) throws Exception {
        return query(topology, "SELECT (SELECT count(*) FROM region.event WHERE project_id = ?) || '|'"
                + " || (SELECT count(*) FROM region.issue WHERE project_id = ?)", key.projectId(), key.projectId());
    }

    private String query(Topology topology, String sql, Object... parameters) throws Exception {
        return Database.queryOne(topology, topology.regionServer(), sql, parameters);
    }

    private void execute(Topology topology, String sql, Object... parameters) throws Exception {
        try (var connection = topology.connectAs(topology.regionServer()); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
