package io.silo.control.session.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/0/auth/login/}. No format rules beyond size: a malformed email simply matches no account. */
public record LoginRequest(@NotNull @Size(max = 254) String email, @NotNull @Size(max = 256) String password) {
}
