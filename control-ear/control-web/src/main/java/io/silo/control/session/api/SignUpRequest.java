package io.silo.control.session.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/0/auth/register/}. */
public record SignUpRequest(
        @NotBlank @Size(max = 254) @Pattern(regexp = TextRules.EMAIL, message = TextRules.EMAIL_MESSAGE)
        String email,
        @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
        String name,
        @NotNull @Size(min = 8, max = 256) String password) {
}
