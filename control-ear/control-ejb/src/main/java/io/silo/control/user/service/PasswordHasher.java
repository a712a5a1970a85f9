package io.silo.control.user.service;

import io.silo.common.auth.SecretDigest;
import io.silo.common.silo.ControlSilo;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashes from Jakarta Security's PBKDF2 (HMAC-SHA512, 32-byte salt, 64-byte key, at least 210,000
 * iterations as OWASP advises). A hash records its own parameters, so raising the iteration count upgrades
 * each account at its next login.
 */
@ApplicationScoped
@ControlSilo
public class PasswordHasher {

    private static final int MINIMUM_ITERATIONS = 210_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "silo.password.iterations", defaultValue = "210000")
    int iterations;

    /** Verified against when no account matches, so an unknown email costs as much time as a wrong password. */
    private String decoy;

    @PostConstruct
    void configure() {
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalStateException("silo.password.iterations is " + iterations + "; it must be at least "
                    + MINIMUM_ITERATIONS);
        }
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash(SecretDigest.randomSecret(16));
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return pbkdf2.verify(password.toCharArray(), hash);
    }

    /** Spends the time of one verification, for an account that does not exist. */
    public void verifyDecoy(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
    }

    /** Whether a hash was made with fewer iterations than now configured ({@code algorithm:iterations:salt:hash}). */
    public boolean isOutdated(String hash) {
        String[] parts = hash.split(":");
        return parts.length != 4 || !parts[0].equals("PBKDF2WithHmacSHA512") || Integer.parseInt(parts[1]) < iterations;
    }
}
