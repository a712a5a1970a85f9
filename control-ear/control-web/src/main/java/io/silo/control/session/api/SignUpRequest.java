package io.silo.control.session.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/0/auth/register/}. Request bodies are plain classes with public fields rather than records:
 * Payara's OpenAPI generator fails on constraints that a record copies onto its constructor's parameters.
 */
public class SignUpRequest {

    @NotBlank
    @Size(max = 254)
    @Pattern(regexp = TextRules.EMAIL, message = TextRules.EMAIL_MESSAGE)
    public String email;

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
    public String name;

    @NotNull
    @Size(min = 8, max = 256)
    public String password;
}
