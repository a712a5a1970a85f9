package io.silo.control.integration.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntegrationSecretsTest {

    private static IntegrationSecrets withKey(Optional<String> key) {
        IntegrationSecrets secrets = new IntegrationSecrets();
        secrets.secretKey = key;
        return secrets;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aSealedTokenOpensToItselfAndIsNeverStoredInClear() {
        IntegrationSecrets secrets = withKey(Optional.of(newKey()));

        String sealed = secrets.seal("gho_access-token");

        assertFalse(sealed.contains("gho_"), sealed);
        assertNotEquals(sealed, secrets.seal("gho_access-token"), "a fresh nonce each time");
        assertEquals("gho_access-token", secrets.open(sealed));
    }

    @Test
    void anAlteredValueOrAnotherKeyDoesNotOpen() {
        IntegrationSecrets secrets = withKey(Optional.of(newKey()));
        byte[] sealed = Base64.getDecoder().decode(secrets.seal("refresh-token"));
        sealed[sealed.length - 1] ^= 1;

        assertThrows(IllegalStateException.class, () -> secrets.open(Base64.getEncoder().encodeToString(sealed)));
        assertThrows(IllegalStateException.class, () -> withKey(Optional.of(newKey())).open(secrets.seal("x")));
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> withKey(Optional.empty()).seal("token"));
        assertEquals("silo.integrations.secret-key is not set: integration credentials cannot be stored",
                refused.getMessage());
    }
}
