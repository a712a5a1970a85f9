package io.silo.region.projectkey.api;

import io.silo.region.projectkey.model.ProjectKey;
import io.silo.region.projectkey.service.DsnFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;

/**
 * A client key as Sentry shows it: its id is its public key; {@code dsn} has the DSN to configure SDKs with
 * ({@code public}) and the legacy form with the secret; {@code rateLimit} is absent without a limit.
 */
public record ProjectKeyView(String id, String name, String label, @JsonbProperty("public") String publicKey,
                             @JsonbProperty("secret") String secretKey, long projectId, boolean isActive,
                             RateLimitView rateLimit, Dsn dsn, OffsetDateTime dateCreated) {

    /** {@code count} events per {@code window} seconds. */
    public record RateLimitView(int window, int count) {
    }

    public record Dsn(@JsonbProperty("public") String publicDsn, @JsonbProperty("secret") String secretDsn) {
    }

    public static ProjectKeyView of(ProjectKey key, DsnFormat dsns) {
        RateLimitView limit = key.rateLimitCount().map(count -> new RateLimitView(
                key.rateLimitWindowSeconds().orElseThrow(), count)).orElse(null);
        return new ProjectKeyView(key.publicKey(), key.label(), key.label(), key.publicKey(), key.secretKey(),
                key.projectId(), key.isActive(), limit, new Dsn(dsns.publicDsn(key), dsns.secretDsn(key)),
                key.dateCreated());
    }
}
