package io.silo.control.token.api;

import io.silo.common.auth.Scope;
import io.silo.control.token.model.ApiToken;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A token as lists show it: never the secret, only {@code tokenHint}. {@code token} is present once, in the
 * answer to its creation.
 */
public record TokenView(String id, String name, List<String> scopes, String tokenHint, OffsetDateTime dateCreated,
                        OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, String token) {

    public static TokenView of(ApiToken token) {
        return of(token, null);
    }

    public static TokenView of(ApiToken token, String secret) {
        return new TokenView(String.valueOf(token.id()), token.name(),
                token.scopes().stream().sorted().map(Scope::value).toList(), token.tokenHint(), token.createdAt(),
                token.expiresAt().orElse(null), token.lastUsedAt().orElse(null), secret);
    }
}
