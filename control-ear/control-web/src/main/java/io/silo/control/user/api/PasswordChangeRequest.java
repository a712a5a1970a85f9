package io.silo.control.user.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/0/users/me/password/}, with Sentry's field names. */
public class PasswordChangeRequest {

    @NotNull
    @Size(max = 256)
    public String password;

    @NotNull
    @Size(min = 8, max = 256)
    public String passwordNew;

    @NotNull
    @Size(max = 256)
    public String passwordVerify;
}
