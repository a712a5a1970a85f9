package io.silo.control.session.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/0/auth/login/}. The email needs no address format (a malformed one simply matches no
 * account) but no control characters either: it is looked up in the database.
 */
public class LoginRequest {

    @NotNull
    @Size(max = 254)
    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
    public String email;

    @NotNull
    @Size(max = 256)
    public String password;
}
