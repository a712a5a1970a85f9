package io.silo.control.token.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code POST /api/0/api-tokens/}: scopes in Sentry's names, an optional name and expiry. */
public class CreateTokenRequest {

    @Size(max = 200)
    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
    public String name;

    @NotEmpty
    @Size(max = 15)
    public List<String> scopes;

    public OffsetDateTime expiresAt;
}
