package io.silo.control.user.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/0/users/me/}: the fields a user may change on their own account. */
public class UpdateUserRequest {

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
    public String name;
}
