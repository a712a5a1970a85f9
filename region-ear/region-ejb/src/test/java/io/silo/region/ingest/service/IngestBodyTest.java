package io.silo.region.ingest.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import io.silo.common.web.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Brotli bodies, encoded with Brotli's own encoder, decoded within the limits. */
class IngestBodyTest {

    private static final byte[] ENVELOPE = ("{\"event_id\":\"9ec79c33ec9942ab8353589fcb2e04dc\"}\n"
            + "{\"type\":\"event\"}\n{\"message\":\"" + "brotli ".repeat(200) + "\"}\n").getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void loadBrotli() {
        Brotli4jLoader.ensureAvailability();
    }

    private static IngestLimits limits(long body, long decompressed) {
        IngestLimits limits = new IngestLimits();
        limits.maxBodyBytes = body;
        limits.maxDecompressedBytes = decompressed;
        return limits;
    }

    private static byte[] read(byte[] body, IngestLimits limits) {
        return IngestBody.read(new ByteArrayInputStream(body), "br", body.length, limits);
    }

    @Test
    void aBrotliBodyIsDecoded() throws Exception {
        byte[] compressed = Encoder.compress(ENVELOPE);
        assertTrue(compressed.length < ENVELOPE.length / 4, "compressed to " + compressed.length);
        assertArrayEquals(ENVELOPE, read(compressed, limits(1_000_000, 1_000_000)));
    }

    @Test
    void aCorruptBrotliBodyIs400() throws Exception {
        byte[] compressed = Encoder.compress(ENVELOPE);
        byte[] corrupt = Arrays.copyOf(compressed, compressed.length);
        for (int i = 2; i < corrupt.length; i += 3) {
            corrupt[i] ^= 0x5a;
        }
        ApiException refused = assertThrows(ApiException.class, () -> read(corrupt, limits(1_000_000, 1_000_000)));
        assertEquals(400, refused.problem().status());
        assertTrue(refused.getMessage().contains("Brotli"), refused.getMessage());
        ApiException truncated = assertThrows(ApiException.class,
                () -> read(Arrays.copyOf(compressed, compressed.length / 2), limits(1_000_000, 1_000_000)));
        assertEquals(400, truncated.problem().status(), truncated.getMessage());
    }

    @Test
    void aBrotliBodyDecodedPastTheLimitIs413() throws Exception {
        ApiException refused = assertThrows(ApiException.class,
                () -> read(Encoder.compress(ENVELOPE), limits(1_000_000, ENVELOPE.length - 1)));
        assertEquals(413, refused.problem().status());
    }
}
