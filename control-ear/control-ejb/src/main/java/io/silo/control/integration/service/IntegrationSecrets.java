package io.silo.control.integration.service;

import io.silo.common.silo.ControlSilo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals integration credentials (OAuth access and refresh tokens) for storage: AES-256-GCM with the key of
 * {@code silo.integrations.secret-key} (base64 of 32 bytes; the launcher generates it into
 * {@code <data>/secrets/integrations-key}). A sealed value is base64(12-byte nonce || ciphertext || tag), so a
 * changed or swapped ciphertext fails to open instead of yielding another token. Without a key, sealing fails:
 * credentials are never stored in clear.
 */
@ApplicationScoped
@ControlSilo
public class IntegrationSecrets {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "silo.integrations.secret-key")
    Optional<String> secretKey;

    private volatile SecretKeySpec key;

    public String seal(String clear) {
        if (clear == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal an integration credential", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not open an integration credential (wrong key or altered value)", e);
        }
    }

    /** The configured key, decoded once: the setting is read at start-up, not live. */
    private SecretKeySpec key() {
        SecretKeySpec decoded = key;
        if (decoded == null) {
            decoded = decodedKey();
            key = decoded;
        }
        return decoded;
    }

    private SecretKeySpec decodedKey() {
        String configured = secretKey.filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                "silo.integrations.secret-key is not set: integration credentials cannot be stored"));
        byte[] bytes = Base64.getDecoder().decode(configured.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("silo.integrations.secret-key must be base64 of 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
