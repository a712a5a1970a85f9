package io.silo.control.token.api;

import io.silo.common.auth.Scope;
import io.silo.common.web.ApiException;
import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/0/api-tokens/} and {@code POST /api/0/organizations/{slug}/org-auth-tokens/}: scopes in
 * Sentry's names, an optional name and expiry.
 */
public class CreateTokenRequest {

    @Size(max = 200)
    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
    public String name;

    @NotEmpty
    @Size(max = 15)
    public List<String> scopes;

    public OffsetDateTime expiresAt;

    /** The scopes asked for; an unknown name is a 400 naming the scopes there are. */
    public Set<Scope> requestedScopes() {
        Set<Scope> requested = EnumSet.noneOf(Scope.class);
        for (String value : scopes) {
            requested.add(Scope.fromValue(value).orElseThrow(() -> ApiException.invalidField("scopes", "unknown scope '"
                    + (value == null || value.length() > 32 ? "…" : value)
                    + "'; known scopes are org, project, team, member or event followed by :read, :write or :admin")));
        }
        return requested;
    }

    /** The name given, or {@code fallback} when none is. */
    public String nameOr(String fallback) {
        return name == null || name.isBlank() ? fallback : name.strip();
    }
}
