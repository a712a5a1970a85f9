package io.silo.region.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DsnCredentialsTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void theSentryAuthHeaderComesFirst() {
        assertEquals(KEY, new DsnCredentials("Sentry sentry_version=7, sentry_client=sentry.java/8.0.0, sentry_key="
                + KEY + ", sentry_secret=x", null, "other").publicKey("http://another@host/1"));
    }

    @Test
    void theKeyMayComeFromAuthorizationTheQueryOrTheEnvelopeDsn() {
        assertEquals(KEY, new DsnCredentials(null, "Sentry sentry_key=" + KEY, null).publicKey(null));
        assertEquals(KEY, new DsnCredentials(null, "Bearer silo_u_x", KEY).publicKey(null));
        assertEquals(KEY, new DsnCredentials(null, null, null).publicKey("https://" + KEY + ":secret@o1.ingest.example/42"));
        assertEquals(KEY, new DsnCredentials(null, null, null).publicKey("https://" + KEY + "@o1.ingest.example/42"));
    }

    @Test
    void noKeyIsNull() {
        assertNull(new DsnCredentials("Sentry sentry_version=7", null, " ").publicKey("not a dsn"));
        assertNull(new DsnCredentials(null, null, null).publicKey(null));
    }
}
