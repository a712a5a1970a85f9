package io.silo.region.event.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.web.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Event normalization on the payloads the Java, JavaScript and Python SDKs send, and on broken parts of them. */
class EventNormalizerTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.of(2026, 12, 7, 15, 0, 0, 0, ZoneOffset.UTC);

    /** sentry-java 8: an uncaught exception with its thread, breadcrumbs, contexts and the SDK's own fields. */
    private static final String JAVA = """
            {"event_id":"4f8a2c1e9b7d4e6fa0b1c2d3e4f5a6b7","timestamp":"2026-12-07T14:59:58.123Z","platform":"java",
             "level":"error","logger":"com.example.Checkout","release":"shop@1.4.2","environment":"production",
             "server_name":"web-1","dist":"42",
             "exception":{"values":[{"type":"IllegalStateException","value":"card declined\\nretry later",
               "module":"java.lang","thread_id":1,"mechanism":{"type":"UncaughtExceptionHandler","handled":false},
               "stacktrace":{"frames":[
                 {"filename":"Thread.java","function":"run","module":"java.lang.Thread","lineno":833,"in_app":false},
                 {"filename":"CheckoutController.java","function":"post","module":"com.example.CheckoutController","lineno":31,"in_app":true},
                 {"filename":"Checkout.java","function":"pay","module":"com.example.Checkout","lineno":42,"in_app":true},
                 {"filename":"Preconditions.java","function":"checkState","module":"com.google.common.base.Preconditions","lineno":512,"in_app":false}]}}]},
             "threads":{"values":[{"id":1,"name":"main","crashed":true,"current":true,"daemon":false,"state":"RUNNABLE"}]},
             "breadcrumbs":{"values":[{"timestamp":"2026-12-07T14:59:57.001Z","type":"http","category":"http",
               "level":"info","data":{"url":"https://pay.example.com/charge","method":"POST","status_code":402}}]},
             "tags":{"thread.name":"main","tenant":"7"},
             "user":{"id":"42","email":"ada@example.com"},
             "contexts":{"os":{"name":"Linux","version":"6.1"},"runtime":{"name":"OpenJDK","version":"17.0.9"}},
             "sdk":{"name":"sentry.java","version":"8.0.0","packages":[{"name":"maven:io.sentry:sentry","version":"8.0.0"}]}}
            """;

    /** @sentry/browser: epoch-second timestamp, frames named by URL (no module), tags absent, an IP as the user. */
    private static final String JAVASCRIPT = """
            {"event_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","timestamp":1796655598.25,"platform":"javascript",
             "level":"error","environment":"staging",
             "exception":{"values":[{"type":"TypeError","value":"Cannot read properties of undefined (reading 'id')",
               "mechanism":{"type":"onerror","handled":false},
               "stacktrace":{"frames":[
                 {"filename":"https://app.example.com/static/js/vendor.js","function":"r","lineno":1,"colno":9120,"in_app":false},
                 {"filename":"https://app.example.com/static/js/main.js","function":"onClick","lineno":88,"colno":14,"in_app":true}]}}]},
             "breadcrumbs":[{"timestamp":1796655597.9,"category":"ui.click","message":"button#pay"}],
             "request":{"url":"https://app.example.com/cart","headers":{"User-Agent":"Mozilla/5.0"}},
             "user":{"ip_address":"203.0.113.7"},
             "sdk":{"name":"sentry.javascript.browser","version":"8.40.0"}}
            """;

    /** sentry-python: chained exceptions (the cause first, the one raised last), frames with context and vars. */
    private static final String PYTHON = """
            {"event_id":"9e8d7c6b5a4f43e2b1a0f9e8d7c6b5a4","timestamp":"2026-12-07T14:59:58.654321Z","platform":"python",
             "level":"error","release":"api@2.0.0","environment":"production","server_name":"api-3",
             "exception":{"values":[
               {"type":"KeyError","value":"'id'","module":null,"mechanism":{"type":"chained","handled":true},
                "stacktrace":{"frames":[{"filename":"app/orders.py","abs_path":"/srv/app/orders.py","function":"load",
                  "module":"app.orders","lineno":12,"context_line":"    return row['id']","pre_context":[],"post_context":[],
                  "vars":{"row":"{}"},"in_app":true}]}},
               {"type":"ValueError","value":"order 17 has no id","module":null,
                "mechanism":{"type":"django","handled":false},
                "stacktrace":{"frames":[
                  {"filename":"django/core/handlers/base.py","function":"_get_response","module":"django.core.handlers.base","lineno":197,"in_app":false},
                  {"filename":"app/views.py","function":"order_detail","module":"app.views","lineno":40,"in_app":true}]}}]},
             "breadcrumbs":{"values":[{"ty":"log","level":"info","category":"app","message":"loading order 17","timestamp":"2026-12-07T14:59:58.5Z"}]},
             "tags":[["transaction","/orders/<id>"],["shard",3],["bad"],["nested",{"a":1}]],
             "user":{"username":"ada"},
             "sdk":{"name":"sentry.python.django","version":"2.19.0"}}
            """;

    /** sentry-python's logging integration: a message event, no exception, a level written as logging writes it. */
    private static final String PYTHON_LOG = """
            {"event_id":"11112222333344445555666677778888","timestamp":"2026-12-07T14:59:58Z","platform":"python",
             "level":"warn","logger":"app.payments",
             "logentry":{"message":"payment %s took %s ms","params":["p-9",5400],"formatted":"payment p-9 took 5400 ms"}}
            """;

    private static JsonObject json(String text) {
        try (var reader = EventJson.PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static NormalizedEvent normalize(String payload) {
        return EventNormalizer.normalize(json(payload), null, RECEIVED, "item 1 (event)");
    }

    @Test
    void javaExceptionIsTitledByItsTypeAndFirstLineAndBlamesTheInnermostInAppFrame() {
        NormalizedEvent event = normalize(JAVA);
        assertEquals("4f8a2c1e9b7d4e6fa0b1c2d3e4f5a6b7", event.eventIdHex());
        assertEquals(OffsetDateTime.parse("2026-12-07T14:59:58.123Z"), event.occurredAt());
        assertEquals("IllegalStateException: card declined", event.title());
        assertEquals("IllegalStateException", event.exceptionType());
        assertEquals("card declined\nretry later", event.exceptionValue());
        assertEquals("com.example.Checkout in pay", event.culprit());
        assertEquals("error", event.level());
        assertEquals("java", event.platform());
        assertEquals("production", event.environment());
        assertEquals("shop@1.4.2", event.release());
        assertEquals("id:42", event.userKey());
        assertEquals(json("{\"thread.name\":\"main\",\"tenant\":\"7\"}"), json(event.tagsJson()));
    }

    @Test
    void topFramesAreTheInnermostFiveFirstWithOnlyTheFieldsShown() {
        JsonArray frames = EventJson.PROVIDER.createReader(new StringReader(normalize(JAVA).topFramesJson())).readArray();
        assertEquals(4, frames.size());
        assertEquals(json("{\"module\":\"com.google.common.base.Preconditions\",\"function\":\"checkState\","
                + "\"filename\":\"Preconditions.java\",\"lineno\":512,\"in_app\":false}"), frames.getJsonObject(0));
        assertEquals("run", frames.getJsonObject(3).getString("function"));
    }

    @Test
    void threadsBreadcrumbsContextsAndSdkStayInTheBodyAsSent() {
        JsonObject sent = json(JAVA);
        JsonObject body = json(normalize(JAVA).bodyJson());
        for (String part : new String[] {"threads", "breadcrumbs", "contexts", "sdk", "exception", "user", "dist"}) {
            assertEquals(sent.get(part), body.get(part), part);
        }
        assertEquals("2026-12-07T14:59:58.123Z", body.getString("timestamp"));
        assertEquals("2026-12-07T15:00:00Z", body.getString("received"));
    }

    @Test
    void javascriptEpochTimestampAndUrlFramesAreUnderstood() {
        NormalizedEvent event = normalize(JAVASCRIPT);
        assertEquals(OffsetDateTime.parse("2026-12-07T14:59:58.250Z"), event.occurredAt());
        assertEquals("TypeError: Cannot read properties of undefined (reading 'id')", event.title());
        assertEquals("https://app.example.com/static/js/main.js in onClick", event.culprit());
        assertEquals("staging", event.environment());
        assertNull(event.release());
        assertEquals("ip:203.0.113.7", event.userKey());
        assertEquals("{}", event.tagsJson());
        JsonObject body = json(event.bodyJson());
        assertEquals(json(JAVASCRIPT).get("breadcrumbs"), body.get("breadcrumbs"), "a bare breadcrumb list stays as sent");
        assertEquals(json(JAVASCRIPT).get("request"), body.get("request"));
    }

    @Test
    void pythonChainedExceptionsAreTitledByTheOneRaisedLast() {
        NormalizedEvent event = normalize(PYTHON);
        assertEquals("ValueError: order 17 has no id", event.title());
        assertEquals("app.views in order_detail", event.culprit());
        assertEquals(OffsetDateTime.parse("2026-12-07T14:59:58.654321Z"), event.occurredAt());
        assertEquals("username:ada", event.userKey());
    }

    @Test
    void tagPairsBecomeAnObjectOfStringsAndMalformedPairsAreDropped() {
        assertEquals(json("{\"transaction\":\"/orders/<id>\",\"shard\":\"3\"}"), json(normalize(PYTHON).tagsJson()));
    }

    @Test
    void eventsOfOneBugGroupTogetherWhateverTheirValuesAndIds() {
        String otherOccurrence = PYTHON.replace("9e8d7c6b5a4f43e2b1a0f9e8d7c6b5a4", "00000000000000000000000000000001")
                .replace("order 17 has no id", "order 99 has no id").replace("14:59:58.654321Z", "16:00:00Z");
        assertEquals(normalize(PYTHON).fingerprintHash(), normalize(otherOccurrence).fingerprintHash());
        assertNotEquals(normalize(PYTHON).fingerprintHash(), normalize(JAVA).fingerprintHash());
    }

    @Test
    void anSdkFingerprintGroupsWhatItNames() {
        String java = JAVA.replace("\"dist\":\"42\",", "\"dist\":\"42\",\"fingerprint\":[\"checkout-failed\"],");
        String python = PYTHON.replace("\"server_name\":\"api-3\",", "\"server_name\":\"api-3\",\"fingerprint\":[\"checkout-failed\"],");
        assertEquals(normalize(java).fingerprintHash(), normalize(python).fingerprintHash());
    }

    @Test
    void logMessageEventIsTitledByItsFormattedMessageAndLevelAliasIsMapped() {
        NormalizedEvent event = normalize(PYTHON_LOG);
        assertEquals("payment p-9 took 5400 ms", event.title());
        assertEquals("payment p-9 took 5400 ms", event.message());
        assertEquals("warning", event.level());
        assertNull(event.exceptionType());
        assertEquals("", event.culprit());
        assertEquals("[]", event.topFramesJson());
    }

    @Test
    void envelopeHeaderIdIsUsedWhenTheEventHasNone() {
        NormalizedEvent event = EventNormalizer.normalize(json("{\"message\":\"hello\"}"),
                "4F8A2C1E-9B7D-4E6F-A0B1-C2D3E4F5A6B7", RECEIVED, "item 1 (event)");
        assertEquals("4f8a2c1e9b7d4e6fa0b1c2d3e4f5a6b7", event.eventIdHex());
        assertEquals("hello", event.title());
        assertEquals(RECEIVED, event.occurredAt(), "no timestamp: when it was received");
    }

    @Test
    void anEventWithNothingGetsANewIdAndAPlaceholderTitle() {
        NormalizedEvent first = normalize("{}");
        assertEquals("<unlabeled event>", first.title());
        assertEquals("error", first.level());
        assertEquals(32, first.eventIdHex().length());
        assertNotEquals(first.eventIdHex(), normalize("{}").eventIdHex());
    }

    @Test
    void anEventIdThatIsNotOneIsRefusedNamingTheItem() {
        ApiException refused = assertThrows(ApiException.class,
                () -> normalize("{\"event_id\":\"not-an-id\",\"message\":\"x\"}"));
        assertEquals(400, refused.problem().status());
        assertTrue(refused.getMessage().contains("item 1 (event)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("not-an-id"), refused.getMessage());
    }

    @Test
    void invalidPartsAreDroppedAsSentryDropsThemAndTheRestIsKept() {
        NormalizedEvent event = normalize("""
                {"timestamp":"yesterday","level":"verbose","environment":"prod/eu","release":"..",
                 "platform":"java","user":"ada",
                 "exception":{"values":["not an exception",{"mechanism":{}},
                   {"type":"IOException","stacktrace":{"frames":[42,{"function":"read","module":"com.example.Io","in_app":true}]}}]},
                 "tags":"not tags","extra":{"kept":true}}
                """);
        assertEquals(RECEIVED, event.occurredAt());
        assertEquals("error", event.level());
        assertNull(event.environment());
        assertNull(event.release());
        assertNull(event.userKey());
        assertEquals("IOException", event.title());
        assertEquals("com.example.Io in read", event.culprit());
        assertEquals("{}", event.tagsJson());
        JsonObject body = json(event.bodyJson());
        assertFalse(body.containsKey("environment"));
        assertFalse(body.containsKey("release"));
        assertEquals(json("{\"kept\":true}"), body.get("extra"));
    }

    @Test
    void anOldSdksBareExceptionListAndMessageStringAreRead() {
        NormalizedEvent event = normalize("""
                {"message":"legacy","exception":[{"type":"RuntimeError","value":"boom",
                  "stacktrace":{"frames":[{"filename":"legacy.py","function":"main"}]}}]}
                """);
        assertEquals("RuntimeError: boom", event.title());
        assertEquals("legacy", event.message());
        assertEquals("legacy.py in main", event.culprit());
    }
}
