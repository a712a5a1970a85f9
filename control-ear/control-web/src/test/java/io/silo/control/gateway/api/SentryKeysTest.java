package io.silo.control.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SentryKeysTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void theKeyIsFoundWhereSdksSendIt() {
        assertEquals(Optional.of(KEY), SentryKeys.fromAuthHeader("Sentry sentry_version=7, sentry_key=" + KEY
                + ", sentry_client=sentry.python/2.0"));
        assertEquals(Optional.of(KEY), SentryKeys.fromAuthHeader("Sentry sentry_key=" + KEY));
        assertEquals(Optional.of(KEY), SentryKeys.fromQuery("sentry_version=7&sentry_key=" + KEY));
        assertEquals(Optional.of(KEY), SentryKeys.fromEnvelopeHeader("{\"event_id\":\"x\",\"dsn\":\"https://" + KEY
                + "@o1.eu.example.com/42\"}"));
    }

    @Test
    void noKeyOrAMalformedOneIsNone() {
        assertEquals(Optional.empty(), SentryKeys.fromAuthHeader(null));
        assertEquals(Optional.empty(), SentryKeys.fromAuthHeader("Sentry sentry_version=7"));
        assertEquals(Optional.empty(), SentryKeys.fromQuery("not_sentry_key=" + KEY));
        assertEquals(Optional.empty(), SentryKeys.fromQuery("sentry_key=%27or%201"));
        assertEquals(Optional.empty(), SentryKeys.fromEnvelopeHeader("{\"event_id\":\"x\"}"));
        assertEquals(Optional.empty(), SentryKeys.fromEnvelopeHeader("\u001f\u008b binary"));
        assertEquals(Optional.empty(), SentryKeys.fromEnvelopeHeader("{\"dsn\": 5}"));
    }
}
