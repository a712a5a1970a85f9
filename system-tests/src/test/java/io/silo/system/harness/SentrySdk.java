package io.silo.system.harness;

import io.silo.system.harness.ApiClient.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sends what the Sentry SDKs send (develop.sentry.dev/sdk/envelopes, /sdk/store): envelopes and store bodies,
 * authenticated as the SDKs do ({@code X-Sentry-Auth: Sentry sentry_version=7, sentry_client=…, sentry_key=…}).
 */
public final class SentrySdk {

    public static final String CLIENT = "sentry.java/8.0.0";

    /**
     * When {@link #exceptionEvent} says its events happened: this run's start, to the second, plus 123 ms. Recent, so
     * issue lists (last seen within 14 days by default) show them whenever the suite runs; a fixed date in the past
     * aged out of them two weeks after it was written.
     */
    public static final Instant EVENT_TIME = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(123);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SentrySdk() {
    }

    /** The X-Sentry-Auth header of an SDK with this key. */
    public static String auth(String publicKey) {
        return "Sentry sentry_version=7, sentry_client=" + CLIENT + ", sentry_key=" + publicKey;
    }

    /** An envelope: its header line, then each item header line and payload (with {@code length} when asked). */
    public static final class EnvelopeBuilder {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        public EnvelopeBuilder(String headerJson) {
            write(headerJson + "\n");
        }

        /** An item whose header declares its payload's length. */
        public EnvelopeBuilder item(String type, byte[] payload, String moreHeaderFields) {
            write("{\"type\":\"" + type + "\",\"length\":" + payload.length + moreHeaderFields + "}\n");
            bytes.writeBytes(payload);
            write("\n");
            return this;
        }

        public EnvelopeBuilder item(String type, String payload) {
            return item(type, payload.getBytes(StandardCharsets.UTF_8), "");
        }

        /** An item without length: its payload runs to the next newline. */
        public EnvelopeBuilder itemWithoutLength(String type, String payload) {
            write("{\"type\":\"" + type + "\"}\n" + payload + "\n");
            return this;
        }

        /** Raw bytes, for malformed envelopes. */
        public EnvelopeBuilder raw(String text) {
            write(text);
            return this;
        }

        public byte[] build() {
            return bytes.toByteArray();
        }

        private void write(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static EnvelopeBuilder envelope(String eventId) {
        return new EnvelopeBuilder(eventId == null ? "{\"sent_at\":\"2026-11-23T17:00:00.000Z\"}"
                : "{\"event_id\":\"" + eventId + "\",\"sent_at\":\"2026-11-23T17:00:00.000Z\",\"sdk\":{\"name\":\"sentry.java\",\"version\":\"8.0.0\"}}");
    }

    /** POSTs an envelope to {@code /api/<project>/envelope/} with the key in X-Sentry-Auth. */
    public static Reply sendEnvelope(URI server, long projectId, String publicKey, byte[] envelope) {
        return post(server, "/api/" + projectId + "/envelope/", envelope,
                Map.of("X-Sentry-Auth", auth(publicKey), "Content-Type", "application/x-sentry-envelope"));
    }

    /** POSTs an event to {@code /api/<project>/store/} with the key in X-Sentry-Auth. */
    /** Sends a store body to a DSN exactly as an SDK configured with it does: its host, project and key. */
    public static Reply storeWithDsn(String dsn, String event) {
        URI parsed = URI.create(dsn);
        return store(URI.create(parsed.getScheme() + "://" + parsed.getHost() + ":" + parsed.getPort()),
                Long.parseLong(parsed.getPath().substring(1)), parsed.getUserInfo(), event);
    }

    public static Reply store(URI server, long projectId, String publicKey, String event) {
        return post(server, "/api/" + projectId + "/store/", event.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Sentry-Auth", auth(publicKey), "Content-Type", "application/json"));
    }

    public static Reply post(URI server, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        if (!pairs.isEmpty()) {
            request.headers(pairs.toArray(String[]::new));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] deflate(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An error event with an exception and stack trace, as a Java SDK sends it: {@code type} and {@code value}
     * of the exception, frames outermost first, the app's frames in_app.
     */
    public static String exceptionEvent(String eventId, String type, String value, String extraFields) {
        return "{\"event_id\":\"" + eventId + "\",\"timestamp\":\"" + EVENT_TIME + "\",\"platform\":\"java\","
                + "\"level\":\"error\",\"logger\":\"com.example.Checkout\",\"server_name\":\"web-1\","
                + "\"exception\":{\"values\":[{\"type\":\"" + type + "\",\"value\":\"" + value + "\","
                + "\"module\":\"java.lang\",\"mechanism\":{\"type\":\"UncaughtExceptionHandler\",\"handled\":false},"
                + "\"stacktrace\":{\"frames\":["
                + "{\"module\":\"java.lang.Thread\",\"function\":\"run\",\"filename\":\"Thread.java\",\"lineno\":833,\"in_app\":false},"
                + "{\"module\":\"com.example.CheckoutController\",\"function\":\"checkout\",\"filename\":\"CheckoutController.java\",\"lineno\":42,\"in_app\":true},"
                + "{\"module\":\"com.example.PaymentService\",\"function\":\"charge\",\"filename\":\"PaymentService.java\",\"lineno\":97,\"in_app\":true}"
                + "]}}]}" + extraFields + "}";
    }

    /** 32 random hex digits, an SDK's event id. */
    public static String newEventId() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }
}
