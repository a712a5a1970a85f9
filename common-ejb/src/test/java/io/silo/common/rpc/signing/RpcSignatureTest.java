package io.silo.common.rpc.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RpcSignatureTest {

    private static final RpcKey KEY = RpcKey.of("k1", "0123456789abcdef-secret");
    private static final String PATH = "/api/0/internal/rpc/user/getById";
    private static final byte[] BODY = "{\"userId\":7}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signatureSurvivesTheHeaderAndMatchesOnlyItsPathBodyAndKey() {
        RpcSignature signed = RpcSignature.sign(KEY, PATH, 1_700_000_000L, "region-us", BODY);
        RpcSignature parsed = RpcSignature.parse(signed.header());
        assertEquals(signed, parsed);
        assertTrue(parsed.matches(KEY, PATH, BODY));
        assertFalse(parsed.matches(KEY, PATH, "{\"userId\":8}".getBytes(StandardCharsets.UTF_8)), "tampered body");
        assertFalse(parsed.matches(KEY, "/api/0/internal/rpc/user/findByEmail", BODY), "other method");
        assertFalse(parsed.matches(RpcKey.of("k1", "another-secret-of-16+"), PATH, BODY), "other secret");
        RpcSignature otherCaller = new RpcSignature(parsed.keyId(), parsed.timestamp(), parsed.nonce(), "control", parsed.signature());
        assertFalse(otherCaller.matches(KEY, PATH, BODY), "the caller is signed too");
        RpcSignature otherTime = new RpcSignature(parsed.keyId(), parsed.timestamp() + 1, parsed.nonce(), parsed.caller(), parsed.signature());
        assertFalse(otherTime.matches(KEY, PATH, BODY), "the timestamp is signed too");
    }

    @Test
    void everySignatureHasItsOwnNonce() {
        assertNotEquals(RpcSignature.sign(KEY, PATH, 1L, "control", BODY).nonce(), RpcSignature.sign(KEY, PATH, 1L, "control", BODY).nonce());
    }

    @Test
    void malformedHeadersAreRefusedSayingWhy() {
        assertThrows(IllegalArgumentException.class, () -> RpcSignature.parse(null));
        assertThrows(IllegalArgumentException.class, () -> RpcSignature.parse("Bearer abc"));
        String valid = RpcSignature.sign(KEY, PATH, 5L, "control", BODY).header();
        assertEquals("Rpcsignature header has no sig", assertThrows(IllegalArgumentException.class,
                () -> RpcSignature.parse(valid.substring(0, valid.indexOf(",sig=")))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RpcSignature.parse(valid.replace("ts=\"5\"", "ts=\"five\"")));
        assertThrows(IllegalArgumentException.class, () -> RpcSignature.parse(valid.replace("caller=\"control\"", "caller=\"bank\"")));
        assertThrows(IllegalArgumentException.class, () -> RpcSignature.parse(valid + "junk"));
    }

    @Test
    void keyListSignsWithTheFirstAndVerifiesWithAll() {
        RpcKeys keys = RpcKeys.parse("new:0123456789abcdefXYZ, old:fedcba9876543210XYZ");
        assertEquals("new", keys.signing().id());
        assertTrue(keys.find("old").isPresent());
        assertTrue(keys.find("gone").isEmpty());
    }

    @Test
    void badKeyListsAreRefusedWithoutShowingSecrets() {
        IllegalArgumentException shortSecret = assertThrows(IllegalArgumentException.class, () -> RpcKeys.parse("k:short"));
        assertTrue(shortSecret.getMessage().contains("shorter than 16"));
        assertFalse(shortSecret.getMessage().contains("short\""));
        assertThrows(IllegalArgumentException.class, () -> RpcKeys.parse("nocolon"));
        assertThrows(IllegalArgumentException.class, () -> RpcKeys.parse("a:0123456789abcdefXYZ,a:0123456789abcdefABC"));
        assertThrows(IllegalArgumentException.class, () -> RpcKeys.parse("bad id:0123456789abcdefXYZ"));
    }
}
