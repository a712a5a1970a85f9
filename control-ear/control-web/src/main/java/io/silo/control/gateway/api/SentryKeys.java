package io.silo.control.gateway.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an SDK request names its DSN's public key, in the order Sentry reads them: the {@code X-Sentry-Auth}
 * header's {@code sentry_key} (or {@code Authorization: Sentry …}'s), the {@code sentry_key} query parameter, or
 * the {@code dsn} of an envelope's header line.
 */
final class SentryKeys {

    private static final Pattern AUTH_KEY = Pattern.compile("(?:^|[\\s,])sentry_key\\s*=\\s*([^\\s,]+)");
    private static final Pattern QUERY_KEY = Pattern.compile("(?:^|&)sentry_key=([^&]+)");
    private static final Pattern PUBLIC_KEY = Pattern.compile("[A-Za-z0-9]{1,64}");

    private SentryKeys() {
    }

    static Optional<String> fromAuthHeader(String sentryAuth) {
        return find(AUTH_KEY, sentryAuth);
    }

    static Optional<String> fromQuery(String rawQuery) {
        return find(QUERY_KEY, rawQuery);
    }

    /** The key in the {@code dsn} of an envelope's first line ({@code https://<key>@host/<project>}). */
    static Optional<String> fromEnvelopeHeader(String headerLine) {
        try {
            JsonObject header = Json.createReader(new StringReader(headerLine)).readObject();
            if (!header.containsKey("dsn") || header.isNull("dsn")) {
                return Optional.empty();
            }
            String userInfo = URI.create(header.getString("dsn")).getRawUserInfo();
            if (userInfo == null) {
                return Optional.empty();
            }
            String key = userInfo.split(":", 2)[0];
            return PUBLIC_KEY.matcher(key).matches() ? Optional.of(key) : Optional.empty();
        } catch (JsonException | ClassCastException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> find(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() && PUBLIC_KEY.matcher(matcher.group(1)).matches()
                ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
