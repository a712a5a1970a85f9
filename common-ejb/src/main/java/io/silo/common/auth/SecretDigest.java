package io.silo.common.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session ids, CSRF tokens, API tokens) and the SHA-256 digests that are all Silo stores of
 * them: a stolen database or log holds nothing that authenticates.
 */
public final class SecretDigest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretDigest() {
    }

    /** {@code bytes} random bytes as URL-safe base64 without padding (32 bytes: 256 bits, 43 characters). */
    public static String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String sha256Hex(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code secret} hashes to {@code expectedHex}, compared in constant time. */
    public static boolean matches(String secret, String expectedHex) {
        return MessageDigest.isEqual(sha256Hex(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHex.getBytes(StandardCharsets.US_ASCII));
    }
}
